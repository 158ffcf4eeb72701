// The best passages of the whole database for a question, exactly as the embedded
// index ranks them: candidates from the GIN index over the passages' tokens, scored
// by statsScorer.ts with the corpus-wide statistics. Passages holding only common
// words are many and score low, so they are read only while they still could rank:
// terms are taken rarest first (highest possible contribution), and reading stops
// once no passage holding none of the terms read so far could reach the last kept
// score (a MaxScore bound: at most |rest| × Σ each remaining term's largest score).
import { DEFAULTS } from '../../defaults.js';
import { scoreDocs, type CorpusTermStats, type TermDoc } from '../../index/statsScorer.js';
import type { IndexHit } from '../../types.js';
import type { Database } from './connectDatabase.js';
import { termsOfRow } from './writeReports.js';

export interface DatabaseHit extends IndexHit {
  reportId: string;
}

export interface SearchDatabaseOptions {
  limit: number;
  /** Only passages of these reports; all when undefined. */
  reportIds?: readonly string[];
  /** Candidate passages read per round (DEFAULTS.database.searchBatch). */
  batch?: number;
}

interface CandidateRow {
  report_id: string;
  report_seq: string;
  position: number;
  id: string;
  text_terms: string;
  title_terms: string;
  lead_terms: string;
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
  // Each distinct term's largest possible contribution to a passage's sum (a repeated term counts each time).
  const bound = (t: string) => {
    const df = stats.documentFrequency(t) ?? [0, 0, 0];
    const repeats = query.filter((q) => q === t).length;
    let max = 0;
    for (let f = 0; f < 3; f++) if (df[f] > 0) max += boosts[f] * Math.log(1 + (n - df[f] + 0.5) / (df[f] + 0.5)) * (d + k + 1);
    return repeats * max;
  };
  const ranked = [...new Set(query)]
    .map((t) => ({ t, bound: bound(t), df: (stats.documentFrequency(t) ?? [0, 0, 0]).reduce((x, y) => x + y, 0) }))
    .filter((x) => x.df > 0)
    .sort((x, y) => y.bound - x.bound || (x.t < y.t ? -1 : 1));
  if (ranked.length === 0) return [];
  const batch = options.batch ?? DEFAULTS.database.searchBatch;

  const docs: (TermDoc & { seq: number; position: number })[] = [];
  let read = 0;
  for (;;) {
    // The next terms to read candidates for: at least one, more while the batch allows.
    let take = read + 1;
    let volume = ranked[read].df;
    while (take < ranked.length && volume + ranked[take].df <= batch) volume += ranked[take++].df;
    const fresh = ranked.slice(read, take).map((x) => lexeme(x.t)).join(' | ');
    const done = ranked.slice(0, read).map((x) => lexeme(x.t)).join(' | ');
    const tsquery = done ? `(${fresh}) & !(${done})` : fresh;
    const { rows } = await db.pool.query<CandidateRow>(
      `SELECT report_id, report_seq, position, id, text_terms, title_terms, lead_terms FROM passages
       WHERE terms @@ $1::tsquery AND ($2::text[] IS NULL OR report_id = ANY($2))`,
      [tsquery, options.reportIds ?? null],
    );
    for (const r of rows) {
      const { terms: t, lengths } = termsOfRow(r);
      docs.push({ passageId: r.id, reportId: r.report_id, terms: t, lengths, seq: Number(r.report_seq), position: r.position });
    }
    read = take;
    // In index order: the order ties are broken by.
    docs.sort((x, y) => x.seq - y.seq || x.position - y.position);
    const hits = scoreDocs(docs, query, stats, options.limit);
    const rest = ranked.slice(read);
    const restBound = rest.length * rest.reduce((s, x) => s + x.bound, 0);
    if (rest.length === 0 || (hits.length >= options.limit && hits[hits.length - 1].score > restBound)) {
      const reportOf = new Map(docs.map((x) => [x.passageId, x.reportId]));
      return hits.map((h) => ({ ...h, reportId: reportOf.get(h.passageId)! }));
    }
  }
}
