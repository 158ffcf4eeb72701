import type { IndicatorKind, IndicatorRow, ReportMeta } from '../../retrieval/browser.js';
import { reportYear } from '../../server/api/reportLabels.js';

export { KIND_LABEL, reportDisplayTitle, reportYear } from '../../server/api/reportLabels.js';

export const KIND_ORDER: IndicatorKind[] = ['target', 'estimate', 'actual'];

/** 2024-01-22 → 2024年1月22日 (falls back to the input). */
export function formatDate(iso: string | undefined): string {
  if (!iso) return '日期未写明';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

export function speakerLine(meta: Pick<ReportMeta, 'speaker'>): string {
  return [meta.speaker.title, meta.speaker.name].filter(Boolean).join(' ');
}

function trimNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4)));
}

/**
 * Where a qualifier is read, as reports write it: 同比 / 比上年 and 保持 before the whole figure
 * (同比增长12.5%, 保持增长7%), 约 / 超过 / 不低于 … between the measure and the number
 * (增长约7%, 增长不低于7%), 左右 / 以上 / 以内 … after it (增长7%左右).
 */
const BEFORE_MEASURE = /^(同比|比上年|较上年|保持)$/;
const BEFORE_NUMBER = /^(约|近|超过|不低于|不少于|不超过|突破)$/;

/** 7 % 左右 growth → 增长7%左右; 26.12 亿元 level → 26.12亿元; null → the qualifier or —. */
export function formatIndicatorValue(row: Pick<IndicatorRow, 'value' | 'unit' | 'qualifier' | 'measure' | 'written'>): string {
  if (row.value === null) return row.qualifier || '—';
  // A range as the report writes it (5%—5.5%), never its low end alone.
  const abs = row.written ?? `${trimNumber(Math.abs(row.value))}${row.unit}`;
  const q = row.qualifier;
  const before = BEFORE_MEASURE.test(q) ? q : '';
  const inner = BEFORE_NUMBER.test(q) ? q : '';
  const after = before || inner ? '' : q;
  const body = `${inner}${abs}${after}`;
  if (row.measure === 'growth') return `${before}${row.value < 0 ? '下降' : '增长'}${body}`;
  return `${before}${row.value < 0 ? '-' : ''}${body}`;
}

/** What was read from an added report, one line: 闽清县（福州市），2019年1月15日，2019 年计划，120 段. */
export function uploadSummary(meta: Pick<ReportMeta, 'place' | 'city' | 'date' | 'planYear' | 'paragraphCount'>): string {
  const place = meta.city && meta.city !== meta.place ? `${meta.place}（${meta.city}）` : meta.place;
  return [place, formatDate(meta.date), `${meta.planYear} 年计划`, `${meta.paragraphCount} 段`].filter(Boolean).join('，');
}

/** Places in the order of their names' pinyin (红旗区 before 惠济区), whatever reports are loaded. */
export function sortPlaces(names: Iterable<string>): string[] {
  return [...new Set(names)].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** The word for one of the loaded places, by the suffix its name ends in (自治区 is a province). */
function placeKind(name: string): string {
  const m = /(自治区|省|市|自治县|县|旗|区)$/u.exec(name.trim());
  if (!m) return '地方';
  return { 自治区: '省', 省: '省', 市: '市', 自治县: '县', 县: '县', 旗: '旗', 区: '区' }[m[1]] ?? '地方';
}

/**
 * What the UI calls the places it holds: 区 when every loaded report is a 区's, 县, 市, 省 or 旗
 * likewise, 地方 when they are mixed (or none is loaded). `short` is the form after 各/全部 (各地).
 */
export function placeNoun(places: Iterable<string>): { noun: string; short: string } {
  const kinds = new Set([...places].map(placeKind));
  const noun = kinds.size === 1 ? [...kinds][0] : '地方';
  return { noun, short: noun === '地方' ? '地' : noun };
}
