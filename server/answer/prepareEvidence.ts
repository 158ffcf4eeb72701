// Question (+ history, filters) → the question as understood and the numbered
// evidence both answerers work from: paragraphs stating a matching indicator
// figure first, then the cover for meta questions, the section headings for list
// questions, then the best search hits.
import { deliveredYear } from '../../retrieval/ingest/deliveredYear.js';
import { placeForms } from '../../retrieval/places/placeForms.js';
import { samePlace } from '../../retrieval/places/samePlace.js';
import { toSimplified } from '../../retrieval/script/toSimplified.js';
import { kindsForRole } from '../../retrieval/indicators/kindsForRole.js';
import { lookupIndicators } from '../../retrieval/indicators/lookupIndicators.js';
import { indicatorDef } from '../../retrieval/indicators/vocabulary.js';
import type { Corpus, IndicatorRow, Paragraph, ParsedQuery, QuantityRecord, Report, SearchHit, Span } from '../../retrieval/types.js';
import { parseConversation } from '../../retrieval/query/parseConversation.js';
import { LIST_INTRO, sectionHeadings } from '../../retrieval/sectionHeadings.js';
import type { ChatTurn, Filters } from '../api/schemas.js';
import type { Evidence } from './Answerer.js';
import { asksCity } from './offline/composeMetaAnswer.js';
import { selectFigureRecords } from './selectFigureRecords.js';
import { selectEnumeration } from './selectEnumeration.js';

/** Evidence items given to an answerer: enough for comparisons and lists, small enough for a prompt. */
export const MAX_EVIDENCE = 8;
/** Search hits added after the structured evidence. */
const SEARCH_K = 5;
/** Above this many candidate reports, figure records are looked up only in the reports search found. */
const FIGURE_SCOPE_REPORTS = 8;

export interface PreparedQuestion {
  question: string;
  query: ParsedQuery;
  evidence: Evidence[];
  retrieveMs: number;
}

export function resolveQuery(corpus: Corpus, question: string, history: ChatTurn[] = []): ParsedQuery {
  return parseConversation(question, history, corpus.reports.map((r) => r.meta));
}

export function prepareEvidence(corpus: Corpus, asked: string, history: ChatTurn[] = [], filters: Filters = {}): PreparedQuestion {
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
    const reports = relevantReports(corpus, query, filters);
    const hits: SearchHit[] = corpus.search(question, { k: SEARCH_K, filters: { ...filters, reportIds: reports.map((r) => r.meta.id) }, parsed: query }).results;
    const rows = indicatorRows(corpus, query, reports);
    const lastUser = [...history].reverse().find((t) => t.role === 'user')?.content;
    // A figure question naming no place is about the reports search finds, not every report loaded.
    const figureReports = reports.length > FIGURE_SCOPE_REPORTS ? reports.filter((r) => hits.some((h) => h.reportId === r.meta.id)) : reports;
    const figures = selectFigureRecords(corpus, query, question, figureReports, rows, lastUser);
    if (figures.useRows) {
      for (const row of rows) {
        const p = corpus.paragraphById.get(row.paragraphId)!;
        add(p, { rows: [row], matched: [row.span] });
      }
    }
    for (const rec of figures.records) add(corpus.paragraphById.get(rec.paragraphId)!, { quantities: [rec], matched: [rec.statement] });
    if (query.intent === 'meta') for (const r of reports) for (const p of coverParagraphs(r)) add(p);
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
      const headings = sectionHeadings(question, reports);
      for (const p of headings) add(p);
      for (const p of listIntros(corpus, headings)) add(p);
    }
    for (const h of hits) add(corpus.paragraphById.get(h.id)!, { matched: h.matchedSentences, passage: { start: h.start, end: h.end } });
  }

  const evidence: Evidence[] = [...items.values()].slice(0, MAX_EVIDENCE).map((it, i) => {
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

/** Reports the question is about: those the query names, else its places' reports, else all. */
function relevantReports(corpus: Corpus, query: ParsedQuery, filters: Filters): Report[] {
  let reports = corpus.reports;
  if (filters.place) reports = reports.filter((r) => r.meta.place === normalisePlace(corpus, filters.place!));
  if (filters.year) reports = reports.filter((r) => deliveredYear(r.meta) === filters.year);
  if (query.reportIds.length) {
    const narrowed = reports.filter((r) => query.reportIds.includes(r.meta.id));
    if (narrowed.length) return narrowed;
  }
  if (query.places.length) reports = reports.filter((r) => query.places.includes(r.meta.place));
  return reports;
}

/** Indicator rows that answer the question, one place (or year) at a time. */
export function indicatorRows(corpus: Corpus, query: ParsedQuery, reports: Report[]): IndicatorRow[] {
  if (!query.indicator || !['target', 'actual', 'compare', 'open'].includes(query.intent)) return [];
  const reportIds = new Set(reports.map((r) => r.meta.id));
  // A comparison across years names several ("2016年、2019年和2023年"); the parsed query keeps one.
  const years = query.intent === 'compare' ? yearsIn(query.text) : [];
  const names = query.indicators ?? [query.indicator];
  const lookupOne = (indicator: string, year?: number) =>
    lookupIndicators(corpus.indicators, { indicator, year, kind: kindsForRole(query.yearRole) }).filter((r) => reportIds.has(r.reportId));
  // 失业率 asked generically: a report that states only the 登记 rate answers with it; 调查失业率 asked is not 登记.
  const lookup = (year?: number) =>
    names.flatMap((indicator) => {
      const own = lookupOne(indicator, year);
      if (own.length || !isGenericMention(query.indicatorMention, indicator)) return own;
      return (indicatorDef(indicator)?.family ?? []).flatMap((f) => lookupOne(f, year));
    });
  const rows = years.length > 1 ? years.flatMap((y) => lookup(y)) : lookup(query.year);
  // Only the measure asked for (增速 vs 总量): the other one is not an answer, and the
  // offline answerer says which one the report gives instead.
  let chosen = narrowToMention(query.measure ? rows.filter((r) => r.measure === query.measure) : rows, query.indicatorMention, query.indicator);
  if (query.year === undefined && query.intent !== 'compare') {
    // No year named: the latest report of each place speaks for it.
    const latest = new Map<string, number>();
    for (const r of reports) latest.set(r.meta.place, Math.max(latest.get(r.meta.place) ?? 0, deliveredYear(r.meta)));
    chosen = chosen.filter((row) => {
      const rep = corpus.reportById.get(row.reportId)!;
      return deliveredYear(rep.meta) === latest.get(rep.meta.place);
    });
  }
  return chosen;
}

function yearsIn(text: string): number[] {
  return [...new Set([...text.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)].map((m) => Number(m[1])))];
}

/** "主要预期目标有哪些", "有哪些指标" — not "实现目标必须坚持哪几条". */
const TARGET_LIST = /(预期|主要|经济|发展)目标|目标有哪些|哪些目标|指标/;

/** Every target row of each report's plan year, newest report per place. */
function targetRows(corpus: Corpus, reports: Report[]): IndicatorRow[] {
  const ids = new Set(reports.map((r) => r.meta.id));
  const latest = new Map<string, Report>();
  for (const r of reports) if ((latest.get(r.meta.place)?.meta.planYear ?? -Infinity) <= r.meta.planYear) latest.set(r.meta.place, r);
  const keep = new Set([...latest.values()].map((r) => r.meta.id));
  return corpus.indicators.filter((row) => ids.has(row.reportId) && keep.has(row.reportId) && row.kind === 'target');
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

/** The cover lines that say who delivered the report, when and where. */
function coverParagraphs(r: Report): Paragraph[] {
  return r.paragraphs.filter((p) => p.part === 'cover' && /^[—－-]|人民政府|届人大|[区县市省旗州盟]长|主席/.test(p.text));
}

function mergeSpans(a: Span[], b: Span[]): Span[] {
  const all = [...a, ...b].sort((x, y) => x.start - y.start);
  return all.filter((s, i) => i === 0 || s.start !== all[i - 1].start);
}

/** A mention that would name any indicator of the family (失业率, unemployment), not this one alone. */
function isGenericMention(mention: string | undefined, indicator: string): boolean {
  const def = indicatorDef(indicator);
  if (!mention || !def?.family?.length) return false;
  const m = mention.toLowerCase();
  return def.family.some((f) => {
    const other = indicatorDef(f);
    return other !== undefined && [other.name, ...other.labels].some((l) => l.toLowerCase().includes(m));
  });
}

/**
 * "农村居民人均可支配收入": when the question uses one of the reports' own wordings of an
 * indicator, a row under another wording that neither contains nor is contained in it
 * (城镇居民…) is another statistic. Rows under a wording the question contains
 * (居民人均可支配收入) stay; a colloquial alias (财政收入, GDP) narrows nothing.
 */
function narrowToMention(rows: IndicatorRow[], mention: string | undefined, indicator: string | undefined): IndicatorRow[] {
  // Only a qualified form of the canonical name narrows: 农村居民人均可支配收入 of 居民人均可支配收入.
  if (!mention || !indicator || mention === indicator || !mention.includes(indicator)) return rows;
  return rows.filter((r) => r.label === mention || !r.label.includes(indicator) || r.label === indicator || mention.includes(r.label));
}
