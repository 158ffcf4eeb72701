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
import { composeFigureAnswer } from './composeFigureAnswer.js';

export const OFFLINE_NAME = '离线抽取';

export function composeOfflineAnswer(ctx: AnswerContext): Draft {
  const { query, evidence, corpus, question } = ctx;
  const none = (): Draft => ({ status: 'no_evidence', text: composeNoEvidenceAnswer(corpus, query, question) });
  if (evidence.length === 0 || query.unknownPlace || query.noMatchingReport) return none();

  if (query.intent === 'meta') {
    const text = composeMetaAnswer(question, evidence);
    // Only what the cover states is cited; a reply that can only say a field is not stated is a refusal.
    if (text) return { status: /\[\d+\]/.test(text) ? 'answered' : 'no_evidence', text };
  }
  const rows = evidence.flatMap((e) => e.rows);
  const quantities = evidence.flatMap((e) => e.quantities ?? []);
  if (quantities.length) {
    // Figures outside the indicator tables (重点项目 count, 年度投资目标), with any rows that answer other asks.
    let text = (rows.length ? composeIndicatorRowsAnswer(rows, evidence, query.places) : '') + composeFigureAnswer(quantities, evidence);
    if (query.intent === 'compare') text += missingSides(query.places, [...rows, ...quantities], quantities[0]?.subject);
    if (text) return { status: 'answered', text };
  }
  if (evidence.some((e) => e.list)) {
    const text = composeEnumerationAnswer(evidence);
    if (text) return { status: 'answered', text };
  }
  if (query.intent === 'list') {
    const text = rows.length ? composeIndicatorRowsAnswer(rows, evidence, query.places) : composeSectionListAnswer(evidence);
    if (text) return { status: 'answered', text };
  }
  if (query.indicator && rows.length) {
    let text = composeIndicatorRowsAnswer(rows, evidence, query.places);
    if (query.intent === 'compare') text += compareSentence(rows, evidence) + missingSides(query.places, rows);
    return { status: 'answered', text };
  }
  if ((query.indicator || query.asksFigure) && (query.intent === 'target' || query.intent === 'actual')) {
    // A figure was asked for and neither a table row nor a record states it: quoting loosely
    // related sentences would mislead. Say which measure is stated, or that the figure is not.
    return { status: 'no_evidence', text: composeMissingFigure(corpus, query) ?? composeFigureNotStated(corpus, query, question) };
  }
  const text = composeQuoteAnswer(question, query, evidence, corpus.tokenizer);
  return text ? { status: 'answered', text } : none();
}

/**
 * "红旗区的目标高于卫东区[1][2]。" — a comparison in words, so no computed figure needs a
 * source; it cites the two paragraphs it compares, like every factual sentence.
 */
function compareSentence(rows: AnswerContext['evidence'][number]['rows'], evidence: AnswerContext['evidence']): string {
  const comparable = rows.filter((r) => r.value !== null && r.measure === rows[0].measure && r.indicator === rows[0].indicator && r.unit === rows[0].unit);
  const keys = new Set(comparable.map((r) => `${r.place}${r.year}年`));
  if (comparable.length !== 2 || keys.size !== 2) return '';
  const [a, b] = comparable;
  const cite = [...new Set([a, b].map((r) => evidence.find((e) => e.paragraphId === r.paragraphId)?.marker))]
    .filter((m) => m !== undefined)
    .map((m) => `[${m}]`)
    .join('');
  if (a.value === b.value) return `两者${a.kind === 'target' ? '目标' : '数值'}相同${cite}。`;
  const [hi, lo] = a.value! > b.value! ? [a, b] : [b, a];
  const label = (r: typeof a) => (a.place === b.place ? `${r.year}年` : r.place);
  const what = a.kind === 'target' ? '目标' : a.measure === 'growth' ? '增速' : '规模';
  return `相比之下，${label(hi)}的${what}高于${label(lo)}${cite}。`;
}

/** A comparison where one side has no figure says so, rather than answering the other side only. */
function missingSides(places: string[], found: { place: string }[], subject?: string): string {
  const missing = places.filter((d) => !found.some((r) => r.place === d));
  if (missing.length === 0 || places.length < 2) return '';
  const first = found[0] as { label?: string } | undefined;
  const name = first?.label ?? subject ?? '这一指标';
  return `报告中没有给出${missing.join('、')}的${name}数字，无法比较。`;
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

