// BM25 over passages whose corpus-wide statistics come from elsewhere: a database
// holds the corpus, a server holds a few of its reports (a question's working set),
// and each passage is scored with the document frequencies, passage count and
// average field lengths of the whole corpus. The arithmetic is the postings
// scorer's (miniSearchPostings.ts), step for step: per query term (repeats count
// again) the fields in INDEX_FIELDS order, idf from that field's document frequency,
// times the number of distinct terms matched; ties go to the passage MiniSearch would
// have seen first. Given the same statistics it gives the embedded index's hits
// exactly (the contract suite holds it to that).
import { DEFAULTS } from '../defaults.js';
import type { IndexHit } from '../types.js';
import { INDEX_FIELDS } from './miniSearchBackend.js';

/** Per field, in INDEX_FIELDS order: text, sectionTitle, lead. */
export type PerField = readonly [number, number, number];

export interface CorpusTermStats {
  /** Passages in the whole corpus. */
  documentCount: number;
  /** MiniSearch's average field lengths (unique terms per field) over the whole corpus. */
  averageLength: PerField;
  /** How many passages of the whole corpus hold the term, per field; undefined for none. */
  documentFrequency(term: string): PerField | undefined;
}

/** Term → its counts in the three fields, packed (packCounts); read with countsOf, since a token may be "constructor". */
export type TermCounts = Readonly<Record<string, number>>;

export interface TermDoc {
  passageId: string;
  reportId: string;
  /** Every token of the passage (or at least every query term it holds) with its counts per field. */
  tf: TermCounts;
  /** Unique tokens per field: MiniSearch's field lengths. */
  lengths: PerField;
}

const BOOSTS: PerField = [DEFAULTS.boosts[INDEX_FIELDS[0]], DEFAULTS.boosts[INDEX_FIELDS[1]], DEFAULTS.boosts[INDEX_FIELDS[2]]];

/** A term's counts in the three fields as one integer (a JSON number, exact below 2^53). */
const FIELD_BASE = 65536;
export function packCounts(counts: PerField): number {
  return counts[0] + counts[1] * FIELD_BASE + counts[2] * FIELD_BASE * FIELD_BASE;
}
export function unpackCounts(packed: number): [number, number, number] {
  const lead = Math.floor(packed / (FIELD_BASE * FIELD_BASE));
  const rest = packed - lead * FIELD_BASE * FIELD_BASE;
  return [rest % FIELD_BASE, Math.floor(rest / FIELD_BASE), lead];
}

/** The packed counts of `term` in `tf`, if the passage holds it. */
export function countsOf(tf: TermCounts, term: string): number | undefined {
  return Object.hasOwn(tf, term) ? tf[term] : undefined;
}

/** A passage's fields as MiniSearch indexes them (text, sectionTitle, lead), tokenised, counted. */
export function countTerms(fields: readonly [readonly string[], readonly string[], readonly string[]]): { tf: TermCounts; lengths: PerField } {
  const counts = new Map<string, [number, number, number]>();
  fields.forEach((tokens, f) => {
    for (const t of tokens) {
      let c = counts.get(t);
      if (!c) counts.set(t, (c = [0, 0, 0]));
      c[f]++;
    }
  });
  // Object.fromEntries defines own properties: a token named __proto__ stays a term.
  const tf = Object.fromEntries([...counts].map(([t, c]) => [t, packCounts(c)]));
  return { tf, lengths: [new Set(fields[0]).size, new Set(fields[1]).size, new Set(fields[2]).size] };
}

interface Scored {
  doc: TermDoc;
  score: number;
  /** Where MiniSearch first meets the passage: query position, then field, then document order. */
  term: number;
  field: number;
  order: number;
  tf: Map<string, [number, number, number]>;
}

/**
 * The `limit` best passages of `docs` (given in index order: the order they were added) for the
 * query terms, scored with the corpus-wide `stats`; `reportIds` keeps only those reports' passages.
 */
export function scoreDocs(docs: Iterable<TermDoc>, terms: readonly string[], stats: CorpusTermStats, limit: number, reportIds?: ReadonlySet<string>): IndexHit[] {
  // As MiniSearch reads the joined query: split on spaces, drop empties; repeats count again.
  const query = terms.join(' ').split(' ').filter((t) => !!t);
  if (query.length === 0 || limit <= 0) return [];
  const wanted = [...new Set(query)];
  const { k, b, d } = DEFAULTS.bm25;
  const n = stats.documentCount;
  const avg = stats.averageLength;
  const idfs = new Map<string, number[]>();
  for (const t of wanted) {
    const df = stats.documentFrequency(t) ?? [0, 0, 0];
    // A term a passage holds is in the corpus at least once, whatever a stale statistic says.
    idfs.set(
      t,
      df.map((x) => Math.max(1, x)).map((x) => Math.log(1 + (n - x + 0.5) / (x + 0.5))),
    );
  }
  const scored: Scored[] = [];
  let order = 0;
  for (const doc of docs) {
    order++;
    if (reportIds && !reportIds.has(doc.reportId)) continue;
    let tf: Map<string, [number, number, number]> | undefined;
    for (const t of wanted) {
      const packed = countsOf(doc.tf, t);
      if (packed) (tf ??= new Map()).set(t, unpackCounts(packed));
    }
    if (tf) scored.push({ doc, score: 0, term: -1, field: -1, order, tf });
  }
  for (const s of scored) {
    let total = 0;
    let seen = false;
    let matched = 0;
    for (let j = 0; j < query.length; j++) {
      const t = query[j];
      const counts = s.tf.get(t);
      if (!counts) continue;
      const idf = idfs.get(t)!;
      let termScore = 0;
      let first = true;
      for (let f = 0; f < 3; f++) {
        const c = counts[f];
        if (!c) continue;
        // Same expression as MiniSearch's calcBM25Score, so the same floating-point result.
        const raw = idf[f] * (d + (c * (k + 1)) / (c + k * (1 - b + (b * s.doc.lengths[f]) / avg[f])));
        const w = BOOSTS[f] * raw;
        if (first) {
          termScore = w;
          first = false;
        } else termScore += w;
        if (s.term < 0) {
          s.term = j;
          s.field = f;
        }
      }
      if (!seen) {
        total = termScore;
        seen = true;
      } else total = total + termScore;
      if (query.indexOf(t) === j) matched++;
    }
    s.score = total * (matched || 1);
  }
  scored.sort((x, y) => y.score - x.score || x.term - y.term || x.field - y.field || x.order - y.order);
  return scored.slice(0, limit).map((s) => {
    // Ordered as MiniSearch's Object.keys(match) orders them (integer-like terms first).
    const found: Record<string, true> = {};
    for (const t of query) if (s.tf.has(t)) found[t] = true;
    return { passageId: s.doc.passageId, score: s.score, terms: Object.keys(found) };
  });
}

/**
 * MiniSearch's running averages of field lengths, moved as it moves them when documents are
 * added or removed one at a time (the same floating-point steps, so the same averages).
 */
export interface RunningAverages {
  count: number;
  average: [number, number, number];
}

export function addToAverages(state: RunningAverages, lengths: PerField): void {
  // MiniSearch.add: the count already includes the new document; addFieldLength gets count - 1.
  const before = state.count;
  for (let f = 0; f < 3; f++) state.average[f] = (state.average[f] * before + lengths[f]) / (before + 1);
  state.count = before + 1;
}

export function removeFromAverages(state: RunningAverages, lengths: PerField): void {
  const count = state.count;
  for (let f = 0; f < 3; f++) state.average[f] = count === 1 ? 0 : (state.average[f] * count - lengths[f]) / (count - 1);
  state.count = count - 1;
}
