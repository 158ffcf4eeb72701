// What the corpus covers, for answers that must say the reports don't contain something.
import { type Corpus, DEFAULTS, deliveredYear, indicatorDef, kindsForRole, lookupIndicators, type ParsedQuery, placeForms } from '../../../retrieval/public.js';
import { type AnswerLanguage, placeEn } from './english.js';

export function describeCoverage(corpus: Corpus, lang: AnswerLanguage = 'zh'): string {
  const byPlace = new Map<string, number[]>();
  for (const r of corpus.reports) {
    const years = byPlace.get(r.meta.place);
    if (years) years.push(deliveredYear(r.meta));
    else byPlace.set(r.meta.place, [deliveredYear(r.meta)]);
  }
  // A corpus of thousands of places is named by its first few and its size: a refusal is read by a person.
  const shown = [...byPlace].slice(0, DEFAULTS.answer.coveragePlaces);
  const more = byPlace.size > shown.length;
  if (lang === 'en') return `The reports held are those of ${shown.map(([d, ys]) => `${placeEn(d)} (${ys.sort().join(', ')})`).join(', ')}${more ? `, and ${byPlace.size - shown.length} more places` : ''}.`;
  const list = shown.map(([d, ys]) => `${d}（${ys.sort().join('、')}年）`).join('、');
  return `现有报告为：${list}${more ? `等${byPlace.size}个地方` : ''}的政府工作报告。`;
}

/** "惠济区的报告有：2024年的政府工作报告（回顾2023年、部署2024年）。" */
export function describePlaceCoverage(corpus: Corpus, places: readonly string[], lang: AnswerLanguage = 'zh'): string {
  const parts = places.map((d) => {
    const reports = corpus.reports.filter((r) => r.meta.place === d).sort((a, b) => a.meta.planYear - b.meta.planYear);
    if (lang === 'en') return `${placeEn(d)}: the reports of ${reports.map((r) => `${deliveredYear(r.meta)} (reviewing ${r.meta.reviewYear}, planning ${r.meta.planYear})`).join(', ')}`;
    const list = reports.map((r) => `${deliveredYear(r.meta)}年的政府工作报告（回顾${r.meta.reviewYear}年、部署${r.meta.planYear}年）`).join('、');
    return `${d}的报告有：${list}`;
  });
  return lang === 'en' ? `The reports held: ${parts.join('; ')}.` : `${parts.join('；')}。`;
}

export function composeNoEvidenceAnswer(corpus: Corpus, query: ParsedQuery, question: string, lang: AnswerLanguage = 'zh'): string {
  const coverage = query.places.length && !query.unknownPlace ? describePlaceCoverage(corpus, query.places, lang) : describeCoverage(corpus, lang);
  if (lang === 'en') {
    if (query.unknownPlace) return `${placeEn(query.unknownPlace)} was not found in the reports: no report of it is held. ${coverage}`;
    const who = query.places.map(placeEn).join(', ');
    const what = query.indicator ? (indicatorDef(query.indicator)?.english ?? query.indicator) : 'this';
    const about = `${who ? ` about ${who}` : ''}${query.year ? ` for ${query.year}` : ''}`;
    return `${query.indicator ? `Figures for ${what}${about} were` : `An answer to this question${about} was`} not found in the reports. ${coverage}`;
  }
  if (query.unknownPlace) return `报告中没有找到关于${query.unknownPlace}的内容：现有报告不包括${query.unknownPlace}。${coverage}`;
  const who = query.places.join('、');
  if (query.noMatchingReport && query.year) {
    return `报告中没有找到${who}${query.year}年的相关内容：没有一份报告${query.yearRole === 'target' ? '设定' : '回顾'}了${who}${query.year}年的情况。${coverage}`;
  }
  const topic = query.indicator ? `${who}${query.year ? `${query.year}年` : ''}${query.indicator}的具体数据` : `“${question.slice(0, 40)}”的相关内容`;
  return `报告中没有找到${topic}。${coverage}`;
}

/**
 * "报告中没有给出惠济区2023年地区生产总值的总量数字，只给出了增速。" — when the other measure
 * of the asked indicator is stated, say so, so the user knows what to ask instead.
 */
export function composeMissingFigure(corpus: Corpus, query: ParsedQuery, lang: AnswerLanguage = 'zh'): string | undefined {
  if (!query.indicator || !query.measure) return undefined;
  const other = query.measure === 'level' ? 'growth' : 'level';
  const name = (m: 'level' | 'growth') => (m === 'level' ? '总量' : '增速');
  const rows = lookupIndicators(corpus.indicators, {
    indicator: query.indicator,
    year: query.year,
    kind: kindsForRole(query.yearRole),
    measure: other,
  }).filter((r) => query.places.length === 0 || query.places.includes(r.place));
  if (rows.length === 0) return undefined;
  if (lang === 'en') {
    const name = (m: 'level' | 'growth') => (m === 'level' ? 'level' : 'growth rate');
    const of = `${indicatorDef(query.indicator)?.english ?? query.indicator}${query.places.length ? ` of ${query.places.map(placeEn).join(', ')}` : ''}${query.year ? ` for ${query.year}` : ''}`;
    return `The reports give the ${name(other)} of ${of}, not its ${name(query.measure)}: the ${name(query.measure)} was not found.`;
  }
  const who = `${query.places.join('、')}${query.year ? `${query.year}年` : ''}${query.indicator}`;
  return `报告中没有给出${who}的${name(query.measure)}数字，只给出了${name(other)}。可以问“${who}${other === 'growth' ? '增长多少' : '是多少'}”。`;
}

/**
 * "报告中没有找到卫东区2023年“旅游收入”的具体数字。" — a figure question whose subject no record
 * states; said in the question's own words, since the nearest indicator is not what was asked.
 */
export function composeFigureNotStated(corpus: Corpus, query: ParsedQuery, question: string, lang: AnswerLanguage = 'zh'): string {
  // The reports of the places asked about, when it names any: a national corpus lists thousands otherwise.
  const coverage = query.places.length ? describePlaceCoverage(corpus, query.places, lang) : describeCoverage(corpus, lang);
  if (lang === 'en') return `The figure asked for${query.places.length ? ` (${query.places.map(placeEn).join(', ')}${query.year ? `, ${query.year}` : ''})` : ''} was not found in the reports. ${coverage}`;
  let topic = question.replace(/[？?！!。\s]+$/u, '');
  // Every form the place goes by (浙江省, 浙江), longest first, so none is left in the topic.
  for (const d of query.places) for (const f of placeForms(d)) topic = topic.replace(f, '');
  topic = topic
    .replace(/(?:19|20)\d{2}年/gu, '')
    .replace(/(?:的)?(?:目标|计划|预期)?(?:是|为|要|能)?(?:达到|完成|实现)?(?:多少|几[个项家户人]?)(?:个|项|家|亿元|万元|人)?$/u, '')
    .replace(/^[的在]/u, '')
    // Never repeat a figure the user typed: every figure shown comes from a report.
    .replace(/[\d.,%％]+/gu, '')
    .trim()
    .slice(0, 24);
  const who = `${query.places.join('、')}${query.year ? `${query.year}年` : ''}`;
  return topic ? `报告中没有找到${who}“${topic}”的具体数字。${coverage}` : `报告中没有找到${who}相关的具体数字。${coverage}`;
}
