// English answers to English questions. The offline answerer's sentences are templates,
// so each has an English form; what the reports say (a figure, a heading, a statement)
// stays as written and is quoted beside its English rendering. Numbers are never
// converted (26.12亿元 stays 26.12, in hundreds of millions of yuan): every figure shown
// must stand in the paragraph it cites.
import { englishPlaceName, indicatorDef, type IndicatorRow, parseNumeral } from '../../../retrieval/public.js';
import { scriptOf } from '../verify/answerLanguage.js';

export type AnswerLanguage = 'zh' | 'en';

/** The language to answer in: the question's. */
export function answerLanguageOf(question: string): AnswerLanguage {
  return scriptOf(question) === 'latin' ? 'en' : 'zh';
}

/** 惠济区 → Huiji District; the possessive as English writes it. */
export function placeEn(place: string): string {
  return englishPlaceName(place);
}

export function possessive(name: string): string {
  return name.endsWith('s') ? `${name}'` : `${name}'s`;
}

/** An indicator's English name (the report's own label shown beside it when it differs from the canonical one). */
export function indicatorEn(row: Pick<IndicatorRow, 'indicator' | 'label'>): string {
  return indicatorDef(row.indicator)?.english ?? row.label;
}

/** Units as English writes them, in words: no number may appear that the report does not state. */
const UNITS: Record<string, string> = {
  '%': '%',
  个百分点: ' percentage points',
  亿元: ' hundred million yuan',
  万元: ' ten thousand yuan',
  元: ' yuan',
  亿美元: ' hundred million US dollars',
  万美元: ' ten thousand US dollars',
  万人: ' ten thousand people',
  人: ' people',
  万人次: ' ten thousand visits',
  人次: ' visits',
  万吨: ' ten thousand tonnes',
  吨: ' tonnes',
  万平方米: ' ten thousand square metres',
  平方米: ' square metres',
  公里: ' km',
  万亩: ' ten thousand mu',
  亩: ' mu',
  亿斤: ' hundred million jin',
  万斤: ' ten thousand jin',
  斤: ' jin',
  万公斤: ' ten thousand kg',
  公斤: ' kg',
  万标箱: ' ten thousand TEU',
  标箱: ' TEU',
  万千瓦: ' ten thousand kW',
  千瓦: ' kW',
  万千瓦时: ' ten thousand kWh',
  亿千瓦时: ' hundred million kWh',
  万亿元: ' trillion yuan',
  万辆: ' ten thousand vehicles',
  辆: ' vehicles',
  床: ' beds',
  万头: ' ten thousand head',
  倍: ' times',
};

/** Qualifiers in English: 左右 → about, 以上 → at least, 以内 → at most. */
const BEFORE: Record<string, string> = { 左右: 'about ', 上下: 'about ', 以上: 'at least ', 以内: 'at most ', 以下: 'at most ', 多: 'over ', 余: 'over ', 约: 'about ', 近: 'nearly ', 超过: 'over ' };

/** A row's figure in English, with the report's own writing of it quoted: about 7% (“7%左右”), 5 to 5.5% (“5%—5.5%”). */
export function figureEn(row: Pick<IndicatorRow, 'value' | 'unit' | 'qualifier' | 'measure' | 'upper' | 'written'>): string {
  if (row.value === null) return `“${row.qualifier}”`;
  const abs = Math.abs(row.value);
  const amount = row.upper === undefined ? `${abs}` : `${abs} to ${Math.abs(row.upper)}`;
  const unit = row.unit in UNITS ? UNITS[row.unit] : row.unit ? ` ${row.unit}` : '';
  const q = BEFORE[row.qualifier] ?? '';
  const written = `${row.written ?? `${abs}${row.unit}`}${row.qualifier === '同比' || row.qualifier === '保持' ? '' : row.qualifier}`;
  const english = `${q}${amount}${unit}`;
  // The report's own words beside the English only when they say more (7%左右, 261亿元, 5%—5.5%), not for a bare 7%.
  return english === written ? english : `${english} (“${written}”)`;
}

/** A row's figure as a phrase: growth of about 7% (“7%左右”), up 4.3% (“4.3%”) year on year, 261 hundred million yuan (“261亿元”). */
export function describeRowEn(row: IndicatorRow): string {
  const figure = figureEn(row);
  if (row.value === null) return figure;
  if (row.kind === 'target') return row.measure === 'growth' ? `growth of ${figure}` : figure;
  if (row.measure === 'growth') return `${row.value < 0 ? 'down' : 'up'} ${figure}${row.qualifier === '同比' ? ' year on year' : ''}`;
  return figure;
}

/** Whose figure, for which year, of what: Huiji District's 2024 target for GDP …, Huiji District's GDP … in 2023 (estimated). */
export function rowLeadEn(row: IndicatorRow): string {
  const place = possessive(placeEn(row.place));
  if (row.kind === 'target') return `${place} ${row.year} target for ${indicatorEn(row)}`;
  return `${place} ${indicatorEn(row)} in ${row.year}${row.kind === 'estimate' ? ' (estimated)' : ''}`;
}

const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];

/** 第十四届人民代表大会第四次会议 → the fourth session of the fourteenth People's Congress (in words: no digits to verify). */
export function congressEn(congress: string, place: string): string {
  const m = /第?([一二两三四五六七八九十\d]+)届人民代表大会第?([一二两三四五六七八九十\d]+)次会议/.exec(congress);
  const count = (n: string) => parseNumeral(n);
  const term = m ? count(m[1]) : undefined;
  const session = m ? count(m[2]) : undefined;
  if (!term || !session || !ORDINALS[term] || !ORDINALS[session]) return `the “${congress}” of ${placeEn(place)}`;
  return `the ${ORDINALS[session]} session of the ${ORDINALS[term]} People's Congress of ${placeEn(place)}`;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2024-01-22 → January 22, 2024. */
export function dateEn(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}
