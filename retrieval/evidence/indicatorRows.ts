// The indicator rows that answer a question, among the reports it may use: the asked
// indicator (or, for a generic mention such as 失业率, the family member the report
// states), the asked year or years, the kind its year role allows (target, actual,
// estimate), the asked measure only (增速 is not 总量), the report's own wording when the
// question uses one (农村… is not 城镇…), and with no year named each place's newest
// report. Search lifts the passages holding them; evidence cites them.
import { kindsForRole } from '../indicators/kindsForRole.js';
import { lookupIndicators } from '../indicators/lookupIndicators.js';
import { indicatorDef } from '../indicators/vocabulary.js';
import type { Corpus, IndicatorRow, ParsedQuery, Report } from '../types.js';
import { ASKS_MULTI_YEAR } from '../query/measureWords.js';
import { newestReportPerPlace } from './newestReportPerPlace.js';

/** Indicator rows that answer the question, one place (or year) at a time. */
export function indicatorRows(corpus: Corpus, query: ParsedQuery, reports: Report[]): IndicatorRow[] {
  if (!query.indicator || !['target', 'actual', 'compare', 'open'].includes(query.intent)) return [];
  if (ASKS_MULTI_YEAR.test(query.text)) return [];
  const reportIds = new Set(reports.map((r) => r.meta.id));
  // A comparison across years names several ("2016年、2019年和2023年"); the parsed query keeps one.
  const years = query.intent === 'compare' ? yearsIn(query.text) : [];
  const names = query.indicators ?? [query.indicator];
  const lookupOne = (indicator: string, year: number | undefined, role: ParsedQuery['yearRole']) =>
    lookupIndicators(corpus.indicators, { indicator, year, kind: kindsForRole(role) }).filter((r) => reportIds.has(r.reportId));
  // 失业率 asked generically: a report that states only the 登记 rate answers with it; 调查失业率 asked is not 登记.
  const lookup = (year: number | undefined, role: ParsedQuery['yearRole'] = query.yearRole) =>
    names.flatMap((indicator) => {
      const own = lookupOne(indicator, year, role);
      if (own.length || !isGenericMention(query.indicatorMention, indicator)) return own;
      return (indicatorDef(indicator)?.family ?? []).flatMap((f) => lookupOne(f, year, role));
    });
  // Each year with what the question wants of it (2009年实际… 2010年目标), else the one role for every year.
  const rows = query.yearRoles
    ? query.yearRoles.flatMap((y) => lookup(y.year, y.role))
    : years.length > 1
      ? years.flatMap((y) => lookup(y))
      : lookup(query.year);
  // The measure asked for (增速 vs 总量); the other one is not an answer on its own (the offline
  // answerer says which one the report gives instead), but stated in the same sentence as an
  // answering figure it belongs with it: "5733.36亿元、增长10.1%" is what 是多少 asks.
  const asked = query.measure ? rows.filter((r) => r.measure === query.measure) : rows;
  const companions = query.measure ? rows.filter((r) => r.measure !== query.measure && asked.some((a) => sameSentence(corpus, a, r))) : [];
  let chosen = narrowToMention([...asked, ...companions], query.indicatorMention, query.indicator);
  if (query.year === undefined && query.intent !== 'compare') {
    // No year named: the newest report of each place speaks for it.
    const newest = new Set(newestReportPerPlace(reports).map((r) => r.meta.id));
    chosen = chosen.filter((row) => newest.has(row.reportId));
  }
  return chosen;
}

function yearsIn(text: string): number[] {
  return [...new Set([...text.matchAll(/(?<!\d)((?:19|20)\d\d)(?!\d)/g)].map((m) => Number(m[1])))];
}

/**
 * A mention that does not pin down one member of the indicator's family: a user's word for it
 * (失业率, 财政收入) rather than one of the reports' own names, or a word every member's name holds.
 * Asked that way, a report that states only another member answers with it.
 */
function isGenericMention(mention: string | undefined, indicator: string): boolean {
  const def = indicatorDef(indicator);
  if (!mention || !def?.family?.length) return false;
  const m = mention.toLowerCase();
  if (!def.labels.some((l) => l.toLowerCase() === m)) return true;
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

/** Two rows of one statement: same report, year, kind and indicator, in one sentence of one paragraph. */
function sameSentence(corpus: Corpus, a: IndicatorRow, b: IndicatorRow): boolean {
  if (a.paragraphId !== b.paragraphId || a.indicator !== b.indicator || a.year !== b.year || a.kind !== b.kind) return false;
  const sentences = corpus.paragraphById.get(a.paragraphId)?.sentences ?? [];
  const of = (r: IndicatorRow) => sentences.findIndex((s) => r.span.start >= s.start && r.span.start < s.end);
  return of(a) >= 0 && of(a) === of(b);
}
