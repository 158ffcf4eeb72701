// The best passages of the whole database for a question, ranked as the embedded
// index ranks them: candidates from the GIN index over the passages' tokens, scored
// by statsScorer.ts with the corpus-wide statistics. Passages holding only common
// words are many and score low, so they are read only while they still could rank:
// terms are taken rarest first (highest possible contribution), and reading stops
// once no passage holding none of the terms read so far could reach the last kept
// score (a MaxScore bound: at most |rest| × Σ each remaining term's largest score).
// Exact up to `budget` candidates; past it (common words over a large corpus) the
// passages holding the question's rarest words are the ones ranked.
import { DEFAULTS } from '../../defaults.js';
import { scoreDocs, type CorpusTermStats, type TermDoc } from '../../index/statsScorer.js';
import type { IndexHit } from '../../types.js';
import type { Database } from './connectDatabase.js';

export interface DatabaseHit extends IndexHit {
  reportId: string;
}

export interface SearchDatabaseOptions {
  limit: number;
  /** Only passages of these reports; all when undefined. */
  reportIds?: readonly string[];
  /** Candidate passages read per round (DEFAULTS.database.searchBatch). */
  batch?: number;
  /** At most this many candidates in all (DEFAULTS.database.searchBudget); Infinity for an exact search. */
  budget?: number;
}

interface CandidateRow {
  report_id: string;
  report_seq: string;
  position: number;
  id: string;
  lengths: [number, number, number];
  /** The packed counts of each distinct query term, in order (null: not held). */
  counts: (number | null)[];
}

/** A term as a tsquery lexeme, taken verbatim. */
export function lexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

export async function searchDatabase(db: Database, terms: readonly string[], stats: CorpusTermStats, options: SearchDatabaseOptions): Promise<DatabaseHit[]> {
  const query = terms.join(' ').split(' ').filter((t) => !!t);
  if (query.length === 0 || options.limit <= 0) return [];
  const { k, d } = DEFAULTS.bm25;
  const boosts = [DEFAULTS.boosts.text, DEFAULTS.boosts.sectionTitle, DEFAULTS.boosts.lead];
  const n = stats.documentCount;
  const distinct = [...new Set(query)];
  // Each distinct term's largest possible contribution to a passage's sum (a repeated term counts each time).
  const bound = (t: string) => {
    const df = stats.documentFrequency(t) ?? [0, 0, 0];
    const repeats = query.filter((q) => q === t).length;
    let max = 0;
    for (let f = 0; f < 3; f++) if (df[f] > 0) max += boosts[f] * Math.log(1 + (n - df[f] + 0.5) / (df[f] + 0.5)) * (d + k + 1);
    return repeats * max;
  };
  const ranked = distinct
    .map((t) => ({ t, bound: bound(t), df: (stats.documentFrequency(t) ?? [0, 0, 0]).reduce((x, y) => x + y, 0) }))
    .filter((x) => x.df > 0 && Buffer.byteLength(x.t) < 2000)
    .sort((x, y) => y.bound - x.bound || (x.t < y.t ? -1 : 1));
  if (ranked.length === 0) return [];
  const batch = options.batch ?? DEFAULTS.database.searchBatch;
  const budget = options.budget ?? DEFAULTS.database.searchBudget;

  const docs: (TermDoc & { seq: number; position: number })[] = [];
  let read = 0;
  for (;;) {
    // The next terms to read candidates for: at least one, more while the batch allows.
    let take = read + 1;
    let volume = ranked[read].df;
    while (take < ranked.length && volume + ranked[take].df <= batch) volume += ranked[take++].df;
    const fresh = ranked.slice(read, take).map((x) => lexeme(x.t)).join(' | ');
    const done = ranked.slice(0, read).map((x) => lexeme(x.t)).join(' | ');
    const room = budget - docs.length;
    // Each query term's counts read as its own expression ($3, $4 …): a subquery per row costs twice as much.
    const counts = distinct.map((_, i) => `(tf ->> $${i + 3})::bigint`).join(', ');
    const { rows } = await db.pool.query<CandidateRow>(
      `SELECT report_id, report_seq, position, id, lengths, ARRAY[${counts}] AS counts
       FROM passages WHERE terms @@ $1::tsquery AND ($2::text[] IS NULL OR report_id = ANY($2))
       ${Number.isFinite(room) ? `LIMIT ${Math.max(0, Math.floor(room)) + 1}` : ''}`,
      [done ? `(${fresh}) & !(${done})` : fresh, options.reportIds ?? null, ...distinct],
    );
    const over = Number.isFinite(room) && rows.length > room;
    for (const r of over ? rows.slice(0, room) : rows) {
      const tf: Record<string, number> = {};
      r.counts.forEach((c, i) => {
        if (c !== null) Object.defineProperty(tf, distinct[i], { value: Number(c), enumerable: true });
      });
      docs.push({ passageId: r.id, reportId: r.report_id, tf, lengths: r.lengths, seq: Number(r.report_seq), position: r.position });
    }
    read = take;
    // In index order: the order ties are broken by.
    docs.sort((x, y) => x.seq - y.seq || x.position - y.position);
    const hits = scoreDocs(docs, query, stats, options.limit);
    const rest = ranked.slice(read);
    const restBound = rest.length * rest.reduce((s, x) => s + x.bound, 0);
    if (over || rest.length === 0 || (hits.length >= options.limit && hits[hits.length - 1].score > restBound)) {
      const reportOf = new Map(docs.map((x) => [x.passageId, x.reportId]));
      return hits.map((h) => ({ ...h, reportId: reportOf.get(h.passageId)! }));
    }
  }
}
