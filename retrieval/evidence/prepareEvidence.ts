// Question (+ history, filters) → the question as understood and the numbered
// evidence both answerers work from: paragraphs stating a matching indicator
// figure first, then the cover for meta questions, the section headings for list
// questions, then the best search hits.
import { DEFAULTS } from '../defaults.js';
import { deliveredYear } from '../ingest/deliveredYear.js';
import { placeForms } from '../places/placeForms.js';
import { samePlace } from '../places/samePlace.js';
import { toSimplified } from '../script/toSimplified.js';
import type { ConversationTurn, Corpus, Evidence, IndicatorRow, Paragraph, ParsedQuery, QuantityRecord, Report, SearchFilters, SearchHit, Span } from '../types.js';
import { parseConversation } from '../query/parseConversation.js';
import { LIST_INTRO, sectionHeadings } from './sectionHeadings.js';
import { asksCity } from '../query/coverFacets.js';
import { indicatorRows } from './indicatorRows.js';
import { newestReportPerPlace } from './newestReportPerPlace.js';
import { reportsForQuestion } from './reportsForQuestion.js';
import { selectFigureRecords } from './selectFigureRecords.js';
import { selectEnumeration } from './selectEnumeration.js';


export interface PreparedQuestion {
  question: string;
  query: ParsedQuery;
  evidence: Evidence[];
  retrieveMs: number;
}

export function resolveQuery(corpus: Corpus, question: string, history: ConversationTurn[] = []): ParsedQuery {
  return parseConversation(question, history, corpus.reports.map((r) => r.meta));
}

export function prepareEvidence(corpus: Corpus, asked: string, history: ConversationTurn[] = [], filters: SearchFilters = {}): PreparedQuestion {
  const t0 = performance.now();
  // The reports are read in simplified characters; so is a question written in traditional ones.
  const question = toSimplified(asked);
  let query = resolveQuery(corpus, question, history);
  if (filters.place && query.places.length === 0 && !query.unknownPlace) {
    query = { ...query, places: [normalisePlace(corpus, filters.place)], place: normalisePlace(corpus, filters.place) };
  }
  type ListItems = NonNullable<Evidence['list']>;
  const items = new Map<string, { paragraph: Paragraph; matched: Span[]; passage?: Span; rows: IndicatorRow[]; quantities: QuantityRecord[]; list?: ListItems }>();
  const add = (p: Paragraph, extra: { matched?: Span[]; passage?: Span; rows?: IndicatorRow[]; quantities?: QuantityRecord[] } = {}) => {
    const cur = items.get(p.id) ?? { paragraph: p, matched: [], rows: [], quantities: [] };
    cur.matched = mergeSpans(cur.matched, extra.matched ?? []);
    cur.rows.push(...(extra.rows ?? []).filter((r) => !cur.rows.includes(r)));
    cur.quantities.push(...(extra.quantities ?? []).filter((r) => !cur.quantities.includes(r)));
    cur.passage ??= extra.passage;
    items.set(p.id, cur);
  };

  if (!query.noMatchingReport && !query.unknownPlace) {
    const reports = reportsForQuestion(corpus, query, filters);
    const hits: SearchHit[] = corpus.search(question, { k: DEFAULTS.evidence.searchK, filters: { ...filters, reportIds: reports.map((r) => r.meta.id) }, parsed: query }).results;
    const rows = indicatorRows(corpus, query, reports);
    const lastUser = [...history].reverse().find((t) => t.role === 'user')?.content;
    // A figure question naming no place is about the reports search finds, not every report loaded.
    const figureReports = reports.length > DEFAULTS.evidence.figureScopeReports ? reports.filter((r) => hits.some((h) => h.reportId === r.meta.id)) : reports;
    const figures = selectFigureRecords(corpus, query, question, figureReports, rows, lastUser);
    if (figures.useRows) {
      for (const row of rows) {
        const p = corpus.paragraphById.get(row.paragraphId)!;
        add(p, { rows: [row], matched: [row.span] });
      }
    }
    for (const rec of figures.records) add(corpus.paragraphById.get(rec.paragraphId)!, { quantities: [rec], matched: [rec.statement] });
    // Who delivered the report, when, at which session: the lines ingestion read each field from.
    if (query.intent === 'meta') for (const r of reports) for (const p of coverLines(r)) add(p);
    // Which city: when the cover does not say, the first paragraph that names the city shows the report's tie to it.
    if (query.intent === 'meta' && asksCity(question)) {
      for (const r of reports) {
        const city = r.meta.city;
        if (!city || r.meta.sources?.city === 'cover') continue;
        const forms = placeForms(city);
        const naming =
          r.paragraphs.find((p) => p.part !== 'cover' && p.text.includes(city + r.meta.place)) ??
          r.paragraphs.find((p) => p.part !== 'cover' && forms.some((f) => p.text.includes(f)));
        if (naming) add(naming);
      }
    }
    // An enumeration in running text (一是…二是…, 必须坚持…。必须坚持…。, 问题和不足：A；B；C) that the
    // question names better than the section headings do.
    const enumeration = selectEnumeration(corpus, query, question, reports);
    if (enumeration) {
      const { enumeration: e } = enumeration;
      add(corpus.paragraphById.get(e.paragraphId)!, { matched: e.items.map(({ start, end }) => ({ start, end })) });
      items.get(e.paragraphId)!.list = { intro: e.intro, items: e.items };
    } else if (query.intent === 'list' && TARGET_LIST.test(question)) {
      // "主要预期目标有哪些": the plan's indicator targets, from the tables.
      for (const row of targetRows(corpus, reports)) add(corpus.paragraphById.get(row.paragraphId)!, { rows: [row], matched: [row.span] });
    } else if (query.intent === 'list') {
      const headings = sectionHeadings(question, reports, query);
      for (const p of headings) add(p);
      for (const p of listIntros(corpus, headings)) add(p);
    }
    for (const h of hits) add(corpus.paragraphById.get(h.id)!, { matched: h.matchedSentences, passage: { start: h.start, end: h.end } });
  }

  const evidence: Evidence[] = [...items.values()].slice(0, query.intent === 'list' ? DEFAULTS.evidence.maxListItems : DEFAULTS.evidence.maxItems).map((it, i) => {
    const report = corpus.reportById.get(it.paragraph.reportId)!;
    return {
      marker: i + 1,
      paragraphId: it.paragraph.id,
      reportId: report.meta.id,
      place: report.meta.place,
      year: deliveredYear(report.meta),
      section: it.paragraph.part === 'cover' ? '封面' : it.paragraph.sectionPath.join(' › ') || '封面',
      text: it.paragraph.text,
      ...(it.paragraph.original ? { original: it.paragraph.original } : {}),
      ...(it.paragraph.part ? { part: it.paragraph.part } : {}),
      page: it.paragraph.page,
      passage: it.passage ?? { start: 0, end: it.paragraph.text.length },
      // A figure's clause is the precise support; search's matched sentences only when there is no row.
      matched: it.rows.length || it.quantities.length ? [...it.rows.map((r) => r.span), ...it.quantities.map((r) => r.statement)] : it.matched,
      rows: it.rows,
      ...(it.quantities.length ? { quantities: it.quantities } : {}),
      ...(it.list ? { list: it.list } : {}),
      report: report.meta,
    };
  });
  return { question, query, evidence, retrieveMs: performance.now() - t0 };
}

function normalisePlace(corpus: Corpus, d: string): string {
  return corpus.reports.find((r) => samePlace(r.meta.place, d))?.meta.place ?? d;
}

/** "主要预期目标有哪些", "有哪些指标", "What are its targets for 2024?" — not "实现目标必须坚持哪几条". */
const TARGET_LIST = /(预期|主要|经济|发展)目标|目标有哪些|哪些目标|指标|\b(?:targets|goals|objectives|indicators)\b/i;

/** Every target row of each report's plan year, newest report per place. */
function targetRows(corpus: Corpus, reports: Report[]): IndicatorRow[] {
  const keep = new Set(newestReportPerPlace(reports).map((r) => r.meta.id));
  return corpus.indicators.filter((row) => keep.has(row.reportId) && row.kind === 'target');
}

/** The short paragraph right before each report's first heading, when it introduces the list. */
function listIntros(corpus: Corpus, headings: Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  const seen = new Set<string>();
  for (const h of headings) {
    if (seen.has(h.reportId)) continue;
    seen.add(h.reportId);
    const prev = corpus.reportById.get(h.reportId)?.paragraphs[h.index - 2];
    if (prev && prev.text.length <= 40 && LIST_INTRO.test(prev.text)) out.push(prev);
  }
  return out;
}

/** The paragraphs the report's date, session, speaker and title were read from (meta.readFrom). */
function coverLines(r: Report): Paragraph[] {
  const ids = new Set(Object.values(r.meta.readFrom ?? {}));
  return r.paragraphs.filter((p) => ids.has(p.id));
}

function mergeSpans(a: Span[], b: Span[]): Span[] {
  const all = [...a, ...b].sort((x, y) => x.start - y.start);
  return all.filter((s, i) => i === 0 || s.start !== all[i - 1].start);
}


