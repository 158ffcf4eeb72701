// Question → ranked paragraphs. Query understanding narrows the reports
// (place, year and what the year means), BM25 ranks passages, and passages
// that hold an indicator figure matching the question are lifted, since a
// question about a figure is best answered by the clause that states it.
import { deliveredYear } from '../ingest/deliveredYear.js';
import { toSimplified } from '../script/toSimplified.js';
import { DEFAULTS } from '../defaults.js';
import { indicatorDef } from '../indicators/vocabulary.js';
import type { Corpus, IndicatorRow, Paragraph, ParsedQuery, SearchHit, SearchOptions, SearchResult, Span } from '../types.js';
import { contentTerms } from '../query/contentTerms.js';
import { parseQuery } from '../query/parseQuery.js';
import { indicatorRows } from './indicatorRows.js';
import { parentPlacesOf } from './parentPlaces.js';
import { reportsForQuestion } from './reportsForQuestion.js';
import { sectionHeadings } from './sectionHeadings.js';

export class QueryError extends Error {}

/** Words that point a meta question at the cover (speaker, date, session). */
const META_EXPANSION = '区长 县长 市长 省长 旗长 州长 盟长 主席 人民政府 人民代表大会 会议';

export function searchCorpus(corpus: Corpus, question: string, options: SearchOptions = {}): SearchResult {
  const text = normaliseQuestion(question);
  const k = Math.max(1, Math.min(100, options.k ?? DEFAULTS.k));
  const query = options.parsed ?? parseQuery(text, corpus.reports.map((r) => r.meta), options.context);
  // The question names a place or year no report covers: nothing may be passed off as the answer.
  if (query.noMatchingReport) return { query, terms: [], results: [] };
  const pool = reportsForQuestion(corpus, query, options.filters);
  if (pool.length === 0) return { query, terms: [], results: [] };
  // Every report allowed: the index need not filter at all.
  const allowed = pool.length === corpus.reports.length ? undefined : new Set(pool.map((r) => r.meta.id));

  const terms = queryTerms(corpus, text, query);
  const hits = corpus.index.search(terms, { reportIds: allowed, limit: candidateLimit(k) });
  const rowsByParagraph = new Map<string, IndicatorRow[]>();
  for (const r of indicatorRows(corpus, query, pool)) rowsByParagraph.set(r.paragraphId, [...(rowsByParagraph.get(r.paragraphId) ?? []), r]);

  // Cover lines (title, date, speaker) answer only questions about the report itself, and
  // standalone headings only questions asking for a list.
  const paragraphOf = (h: { passageId: string }) => corpus.paragraphById.get(corpus.passageById.get(h.passageId)!.paragraphId)!;
  const usable = hits.filter((h) => {
    const p = paragraphOf(h);
    return (query.intent === 'meta' || p.part !== 'cover') && (query.intent === 'list' || !p.isHeading);
  });
  const scored = usable.map((h) => {
    const passage = corpus.passageById.get(h.passageId)!;
    let score = h.score;
    if (fitsYearRole(corpus, passage.paragraphId, query)) score *= DEFAULTS.sectionRoleBoost;
    const rows = rowsByParagraph.get(passage.paragraphId) ?? [];
    const inside = rows.filter((r) => r.span.start >= passage.start && r.span.end <= passage.end);
    if (inside.length > 0) score *= DEFAULTS.indicatorMatchBoost;
    // Who delivered the report, when and where: the cover says it, not a paragraph that mentions the words.
    if (query.intent === 'meta' && corpus.paragraphById.get(passage.paragraphId)!.part === 'cover') score *= DEFAULTS.coverMetaBoost;
    return { h, passage, score, rows: inside };
  });
  scored.sort((a, b) => b.score - a.score);

  const results: SearchHit[] = [];
  const seen = new Set<string>();
  if (query.intent === 'list') {
    // The section tree answers lists: its headings come first, ranked above every BM25 hit.
    const top = scored[0]?.score ?? 1;
    for (const [i, p] of sectionHeadings(text, pool, query).slice(0, k).entries()) {
      seen.add(p.id);
      results.push(hitOf(corpus, p, { start: 0, end: p.text.length }, `${p.id}#0`, top + k - i, []));
    }
  }
  for (const s of scored) {
    if (seen.has(s.passage.paragraphId)) continue;
    seen.add(s.passage.paragraphId);
    const paragraph = corpus.paragraphById.get(s.passage.paragraphId)!;
    results.push(hitOf(corpus, paragraph, s.passage, s.passage.id, s.score, matchedSentences(paragraph.sentences, paragraph.text, s.passage, s.h.terms, s.rows)));
    if (results.length >= k) break;
  }
  return { query, terms: [...new Set(terms)], results };
}

/** Index hits read for k results: room for the cover lines and headings dropped, and for the boosts to reorder. */
export function candidateLimit(k: number): number {
  return k * 6 + 30;
}

function hitOf(corpus: Corpus, paragraph: Paragraph, range: Span, passageId: string, score: number, matched: Span[]): SearchHit {
  const report = corpus.reportById.get(paragraph.reportId)!;
  return {
    id: paragraph.id,
    passageId,
    reportId: report.meta.id,
    place: report.meta.place,
    year: deliveredYear(report.meta),
    score: round(score),
    text: paragraph.text.slice(range.start, range.end),
    start: range.start,
    end: range.end,
    matchedSentences: matched,
    sectionPath: paragraph.sectionPath,
  };
}

export function normaliseQuestion(question: string): string {
  if (typeof question !== 'string') throw new QueryError('问题必须是文本');
  const text = question.replace(/\s+/g, ' ').trim();
  if (!text) throw new QueryError('问题为空：请输入要查询的内容');
  // Longer text only dilutes BM25; the cut is stated in DEFAULTS. Reports are indexed in
  // simplified characters, so a traditional-script question is read in them too.
  return toSimplified(text.slice(0, DEFAULTS.maxQuestionChars));
}

/** The words passages are ranked by for a question as understood (a database corpus chooses its working set by them). */
export function queryTerms(corpus: Corpus, text: string, query: ParsedQuery): string[] {
  const terms = query.intent === 'meta' ? corpus.tokenizer.tokenize(text) : contentTerms(corpus.tokenizer.tokenize(text), query, parentPlacesOf(corpus));
  const def = query.indicator ? indicatorDef(query.indicator) : undefined;
  // The reports' own labels for the indicator the user named colloquially (GDP → 地区生产总值).
  if (def) terms.push(...corpus.tokenizer.tokenize([def.name, ...def.labels.slice(0, 3)].join(' ')));
  if (query.intent === 'meta') terms.push(...corpus.tokenizer.tokenize(META_EXPANSION));
  return terms;
}

/** True when the passage sits in the review part for an outcome question, or the plan part for a target. */
function fitsYearRole(corpus: Corpus, paragraphId: string, query: ParsedQuery): boolean {
  if (query.yearRole === 'any' || query.year === undefined) return false;
  const paragraph = corpus.paragraphById.get(paragraphId)!;
  if (paragraph.part !== 'review' && paragraph.part !== 'plan') return false;
  const report = corpus.reportById.get(paragraph.reportId)!;
  const review = paragraph.part === 'review';
  if (query.yearRole === 'actual') return review && query.year <= report.meta.reviewYear;
  return !review && query.year === report.meta.planYear;
}

function matchedSentences(sentences: Span[], text: string, range: Span, terms: string[], rows: IndicatorRow[]): Span[] {
  const lower = text.toLowerCase();
  const inRange = sentences.filter((s) => s.start >= range.start && s.end <= range.end);
  const withRows = inRange.filter((s) => rows.some((r) => r.span.start >= s.start && r.span.start < s.end));
  if (withRows.length) return withRows;
  const scored = inRange
    .map((s) => ({ s, n: terms.filter((t) => t.length > 1 && lower.slice(s.start, s.end).includes(t)).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || a.s.start - b.s.start);
  return scored.slice(0, 3).map((x) => x.s).sort((a, b) => a.start - b.start);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
