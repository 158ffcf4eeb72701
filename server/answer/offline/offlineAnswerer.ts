// The default answerer: deterministic, no network, no model. Indicator
// questions from the tables, comparisons from several rows, meta questions from
// the cover, list questions from the section tree, anything else by quoting the
// best sentences. It says plainly when the evidence does not hold an answer.
import type { AnswerContext, Answerer, Draft } from '../Answerer.js';
import { composeFigureNotStated, composeMissingFigure, composeNoEvidenceAnswer } from './composeNoEvidenceAnswer.js';
import { composeEnumerationAnswer } from './composeEnumerationAnswer.js';
import { composeQuoteAnswer } from './composeQuoteAnswer.js';
import { composeIndicatorRowsAnswer } from './composeIndicatorRowsAnswer.js';
import { composeSectionListAnswer } from './composeSectionListAnswer.js';
import { composeMetaAnswer } from './composeMetaAnswer.js';
import { composeComparisonTable } from './composeComparisonTable.js';
import { composeFigureAnswer } from './composeFigureAnswer.js';
import { ASKS_RANK, composeRankClause } from './composeRankClause.js';
import { answerLanguageOf, type AnswerLanguage, indicatorEn, placeEn } from './english.js';
import type { IndicatorRow } from '../../../retrieval/public.js';

export const OFFLINE_NAME = '离线抽取';

export function composeOfflineAnswer(ctx: AnswerContext): Draft {
  const { query, evidence, corpus, question } = ctx;
  // An English question gets an English answer: the same facts, the report's words quoted.
  const lang = answerLanguageOf(question);
  const none = (): Draft => ({ status: 'no_evidence', text: composeNoEvidenceAnswer(corpus, query, question, lang) });
  if (evidence.length === 0 || query.unknownPlace || query.noMatchingReport) return none();

  if (query.intent === 'meta') {
    const text = composeMetaAnswer(question, evidence, lang);
    // Only what the cover states is cited; a reply that can only say a field is not stated is a refusal.
    if (text) return { status: /\[\d+\]/.test(text) ? 'answered' : 'no_evidence', text };
  }
  const rows = evidence.flatMap((e) => e.rows);
  const quantities = evidence.flatMap((e) => e.quantities ?? []);
  if (quantities.length) {
    // Figures outside the indicator tables (重点项目 count, 年度投资目标), with any rows that answer other asks.
    let text = [rows.length ? composeIndicatorRowsAnswer(rows, evidence, query.places, lang) : '', composeFigureAnswer(quantities, evidence, lang)].filter(Boolean).join(lang === 'en' ? ' ' : '');
    if (query.intent === 'compare') text += missingSides(query.places, [...rows, ...quantities], lang, quantities[0]?.subject) + missingYears(corpus, query, [...rows, ...quantities], lang, quantities[0]?.subject);
    if (text) return { status: 'answered', text };
  }
  if (evidence.some((e) => e.list)) {
    const text = composeEnumerationAnswer(evidence, lang);
    if (text) return { status: 'answered', text };
  }
  if (query.intent === 'list') {
    const text = rows.length ? composeIndicatorRowsAnswer(rows, evidence, query.places, lang) : composeSectionListAnswer(evidence, lang);
    if (text) return { status: 'answered', text };
  }
  if (query.indicator && rows.length) {
    // Two or more places or years side by side: a table, each figure cited in its cell, a row for a side with none.
    const sides = new Set(rows.map((r) => `${r.place}|${r.year}`)).size + query.places.filter((p) => !rows.some((r) => r.place === p)).length;
    if (query.intent === 'compare' && sides >= 2) {
      const table = composeComparisonTable(rows, evidence, query.places, lang);
      return { status: 'answered', text: `${table}\n\n${(compareSentence(rows, evidence, lang, question) + missingYears(corpus, query, rows, lang)).trim()}`.trim() };
    }
    let text = composeIndicatorRowsAnswer(rows, evidence, query.places, lang);
    if (ASKS_RANK.test(question)) text += composeRankClause(rows, evidence, lang);
    if (query.intent === 'compare') text += compareSentence(rows, evidence, lang, question) + missingSides(query.places, rows, lang) + missingYears(corpus, query, rows, lang);
    return { status: 'answered', text };
  }
  if (query.asksFigure && (query.intent === 'target' || query.intent === 'actual')) {
    // A figure was asked for and neither a table row nor a record states it: quoting loosely
    // related sentences would mislead. Say which measure is stated, or that the figure is not.
    return { status: 'no_evidence', text: composeMissingFigure(corpus, query, lang) ?? composeFigureNotStated(corpus, query, question, lang) };
  }
  const text = composeQuoteAnswer(question, query, evidence, corpus);
  return text ? { status: 'answered', text } : none();
}

/**
 * "红旗区的目标高于卫东区[1][2]。" — a comparison in words, so no computed figure needs a
 * source; it cites the two paragraphs it compares, like every factual sentence.
 */
function compareSentence(rows: AnswerContext['evidence'][number]['rows'], evidence: AnswerContext['evidence'], lang: AnswerLanguage, question = ''): string {
  // Three or more sides: the highest and the lowest, as far as the figures as written decide them.
  if (new Set(rows.map((r) => `${r.place}|${r.year}`)).size >= 3) return extremesSentence(rows, evidence, lang);
  // Comparable: one indicator, measure and unit, and figures qualified alike (7%左右 against 7%以上 is no comparison to state;
  // nor is a range 5%—5.5% against a point 5%).
  const bound = (q: string) => (/左右|上下|以上|以内|以下|多|余/.exec(q)?.[0] ?? '');
  const base = rows[0];
  const isPlan = (r: typeof base) => r.kind === 'target';
  // An outcome stated exactly against a plan however qualified (增长14.44% against 7%左右) compares; equal values do not.
  const alike = (r: typeof base) =>
    (bound(r.qualifier) === bound(base.qualifier) && r.upper === base.upper) ||
    (isPlan(r) !== isPlan(base) && [r, base].every((x) => isPlan(x) || (!bound(x.qualifier) && x.upper === undefined)) && r.value !== base.value);
  const comparable = rows.filter((r) => r.value !== null && r.measure === base.measure && r.indicator === base.indicator && r.unit === base.unit && alike(r));
  const keys = new Set(comparable.map((r) => `${r.place}${r.year}年${isPlan(r) ? '目标' : '实际'}`));
  if (comparable.length < 2 || keys.size !== comparable.length) return '';
  if (comparable.length > 2) {
    // Two years' outcomes and one year's target: the outcomes compare with each other, not with the target.
    const same = comparable.filter((r) => isPlan(r) === isPlan(comparable[0]));
    if (same.length !== 2) return same.length > 2 ? extremesSentence(same, evidence, lang) : '';
    return compareSentence(same, evidence, lang, question);
  }
  const cite = markersOf(comparable, evidence);
  const sorted = [...comparable].sort((x, y) => y.value! - x.value!);
  const [a, b] = comparable;
  const [hi, lo] = [sorted[0], sorted[sorted.length - 1]];
  // One place's one year, plan against outcome: the kinds are the sides (实际增速高于目标).
  const sameYear = a.place === b.place && a.year === b.year;
  // 高多少 / 相差多少: the difference, computed from the two cited figures at their own precision
  // (citation checks recompute it), in 个百分点 for rates.
  const gap = ASKS_DIFFERENCE.test(question) && hi.value !== lo.value ? difference(hi, lo) : undefined;
  // With a difference, each side's figure is stated beside it, so the sentence shows what it is computed from.
  const fig = (r: typeof a) => (gap ? `为${r.written ?? `${r.value}${r.unit}`}` : '');
  if (lang === 'en') {
    if (sameYear) return ` In comparison, the ${hi.kind === 'target' ? 'target' : 'outcome'} is higher than the ${lo.kind === 'target' ? 'target' : 'outcome'}${cite}.`;
    const labelEn = (r: typeof a) => (a.place === b.place ? String(r.year) : placeEn(r.place));
    const whatEn = a.kind === 'target' ? 'target' : a.measure === 'growth' ? 'growth' : 'level';
    return a.value === b.value ? ` The two ${whatEn}s are the same${cite}.` : ` In comparison, the ${whatEn} of ${labelEn(hi)} is higher than that of ${labelEn(lo)}${cite}.`;
  }
  // A plan against an outcome names each side's kind: 2024年的目标高于2023年的实际增速.
  const outcome = (r: typeof a) => (r.kind === 'estimate' ? '预计' : '实际');
  const whatOf = (r: typeof a) => (r.kind === 'target' ? '目标' : r.measure === 'growth' ? (a.kind === b.kind ? '增速' : `${outcome(r)}增速`) : a.kind === b.kind ? '规模' : `${outcome(r)}规模`);
  if (a.value === b.value) return `两者${a.kind === b.kind ? (a.kind === 'target' ? '目标' : '数值') : '数值'}相同${cite}。`;
  const label = (r: typeof a) => (a.place === b.place ? `${r.year}年` : r.place);
  if (gap) {
    // Each side named with its indicator and figure, then the difference: 红旗区的地区生产总值目标为7%，卫东区的地区生产总值目标为6.5%，前者高0.5个百分点.
    const side = (r: typeof a) => `${sameYear ? '' : label(r)}${sameYear ? '' : '的'}${a.indicator}${whatOf(r)}${fig(r)}`;
    return `相比之下，${side(hi)}，${side(lo)}，前者高${gap}${cite}。`;
  }
  if (sameYear) return `相比之下，${whatOf(hi)}高于${whatOf(lo)}${cite}。`;
  if (a.kind !== b.kind) return `相比之下，${label(hi)}的${whatOf(hi)}高于${label(lo)}的${whatOf(lo)}${cite}。`;
  return `相比之下，${label(hi)}的${whatOf(hi)}高于${label(lo)}${cite}。`;
}

/**
 * "相比之下，西藏自治区的目标最高，青海省最低[1][5]。" Each figure is read as the range it states
 * (7%以上: 7 and up; 5%—5.5%: 5 to 5.5; 4.5%左右: about 4.5), and a side is the highest only when its
 * lowest reading is above every other side's highest (the lowest likewise), so 5%左右 against 5% says nothing.
 */
function extremesSentence(rows: AnswerContext['evidence'][number]['rows'], evidence: AnswerContext['evidence'], lang: AnswerLanguage): string {
  const base = rows[0];
  const sides = rows.filter((r) => r.value !== null && r.indicator === base.indicator && r.measure === base.measure && r.unit === base.unit && (r.kind === 'target') === (base.kind === 'target'));
  if (sides.length < 3 || new Set(sides.map((r) => `${r.place}|${r.year}`)).size !== sides.length) return '';
  const low = (r: (typeof sides)[number]) => (/以下|以内/.test(r.qualifier) ? -Infinity : r.value!);
  const high = (r: (typeof sides)[number]) => (/以上|多|余|超过|突破/.test(r.qualifier) ? Infinity : (r.upper ?? r.value!));
  const hi = sides.find((r) => sides.every((o) => o === r || low(r) > high(o)));
  const lo = sides.find((r) => sides.every((o) => o === r || high(r) < low(o)));
  if (!hi && !lo) return '';
  const cite = markersOf(sides, evidence);
  const samePlace = sides.every((r) => r.place === base.place);
  const labelOf = (r: (typeof sides)[number]) => (samePlace ? (lang === 'en' ? String(r.year) : `${r.year}年`) : lang === 'en' ? placeEn(r.place) : r.place);
  const what = base.kind === 'target' ? '目标' : base.measure === 'growth' ? '增速' : '规模';
  const whatEn = base.kind === 'target' ? 'target' : base.measure === 'growth' ? 'growth' : 'level';
  if (lang === 'en') {
    if (hi && lo) return ` In comparison, ${labelOf(hi)} has the highest ${whatEn} and ${labelOf(lo)} the lowest${cite}.`;
    return ` In comparison, ${hi ? `${labelOf(hi)} has the highest` : `${labelOf(lo!)} has the lowest`} ${whatEn}${cite}.`;
  }
  const parts = [hi ? `${labelOf(hi)}的${what}最高` : '', lo ? (hi ? `${labelOf(lo)}最低` : `${labelOf(lo)}的${what}最低`) : ''].filter(Boolean);
  return `相比之下，${parts.join('，')}${cite}。`;
}

/** "[1][3]": the markers of the paragraphs the compared rows stand in, in order, once each. */
function markersOf(rows: readonly { paragraphId: string }[], evidence: AnswerContext['evidence']): string {
  return [...new Set(rows.map((r) => evidence.find((e) => e.paragraphId === r.paragraphId)?.marker))]
    .filter((m) => m !== undefined)
    .sort((x, y) => x - y)
    .map((m) => `[${m}]`)
    .join('');
}

/** 高多少, 差多少, 相差, 差距, 高出多少, 快多少 …: the question wants the difference itself. */
const ASKS_DIFFERENCE = /(?:高|低|多|少|快|慢|差|超)(?:出)?(?:了)?多少|相差|差距|差额|差几/u;

/** hi − lo at the precision the figures are written with: 7% − 4.3% → 2.7个百分点; 26.12亿元 − 20亿元 → 6.12亿元. */
function difference(hi: { value: number | null; unit: string }, lo: { value: number | null; unit: string }): string | undefined {
  if (hi.value === null || lo.value === null) return undefined;
  const decimals = Math.max(...[hi.value, lo.value].map((v) => (String(v).split('.')[1] ?? '').length));
  const gap = Number((hi.value - lo.value).toFixed(decimals));
  return hi.unit === '%' ? `${gap}个百分点` : `${gap}${hi.unit}`;
}

/** A comparison where one side has no figure says so, rather than answering the other side only. */
function missingSides(places: string[], found: { place: string }[], lang: AnswerLanguage, subject?: string): string {
  const missing = places.filter((d) => !found.some((r) => r.place === d));
  if (missing.length === 0 || places.length < 2) return '';
  const first = found[0] as { label?: string } | undefined;
  const name = first?.label ?? subject ?? '这一指标';
  if (lang === 'en') return ` No figure for ${missing.map(placeEn).join(', ')} was found in the reports (“${name}”), so they cannot be compared.`;
  return `报告中没有给出${missing.join('、')}的${name}数字，无法比较。`;
}

/** A comparison of years where one year has no figure says so (2020年的报告没有提出地区生产总值目标), rather than answering the other years only. */
function missingYears(corpus: AnswerContext['corpus'], query: AnswerContext['query'], found: { place: string; year?: number; years?: readonly number[]; kind?: string }[], lang: AnswerLanguage, subject?: string): string {
  const wanted = query.yearRoles ?? [];
  if (wanted.length < 2) return '';
  const places = query.places.length ? query.places : [...new Set(found.map((r) => r.place))];
  // One place: every year asked that no figure answers. Several: a year is missing for a place when one of
  // its reports plans (or reviews) that year and gives no figure, since 历城区2018年和惠济区2024年 pairs
  // each place with its own year.
  const holds = (place: string, w: (typeof wanted)[number]) =>
    places.length === 1 || corpus.reports.some((r) => r.meta.place === place && (w.role === 'target' ? r.meta.planYear === w.year : r.meta.reviewYear === w.year));
  const gaps = places.flatMap((place) =>
    wanted
      .filter((w) => holds(place, w))
      .filter((w) => !found.some((r) => r.place === place && (r.year === w.year || r.years?.includes(w.year)) && (r.kind === undefined || (w.role === 'target' ? r.kind === 'target' : r.kind !== 'target'))))
      .map((w) => ({ place, ...w })),
  );
  if (gaps.length === 0) return '';
  const row = found.find((r): r is IndicatorRow => 'indicator' in r);
  if (lang === 'en') {
    const name = row ? indicatorEn(row) : (subject ?? 'this figure');
    return ` ${gaps.map((g) => `A ${name} ${g.role === 'target' ? 'target' : 'figure'} for ${placeEn(g.place)} in ${g.year}`).join('; ')} ${gaps.length > 1 ? 'were' : 'was'} not found in the reports.`;
  }
  const name = query.indicator ?? row?.indicator ?? subject ?? '这一指标';
  return `报告中没有给出${gaps.map((g) => `${g.place}${g.year}年的${name}${g.role === 'target' ? '目标' : '数字'}`).join('、')}。`;
}

export function createOfflineAnswerer(): Answerer {
  return {
    mode: 'extractive',
    name: OFFLINE_NAME,
    async answer(ctx, options) {
      const draft = composeOfflineAnswer(ctx);
      options?.onText?.(draft.text);
      return draft;
    },
  };
}

