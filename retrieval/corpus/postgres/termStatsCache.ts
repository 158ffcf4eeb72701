// The corpus-wide statistics a server has read: passage count, average field
// lengths and the document frequencies of the words of the reports it has loaded.
// Valid for one corpus version: any add, correction or delete changes them, and
// the next question reads them again. Bounded by DEFAULTS.database.cachedTerms.
import type { CorpusTermStats, PerField } from '../../index/statsScorer.js';
import type { Database } from './connectDatabase.js';

interface StateRow {
  version: string;
  passages: string;
  avg_text: number;
  avg_title: number;
  avg_lead: number;
  df: [string, number, number, number][] | null;
}

interface Snapshot {
  version: number;
  documentCount: number;
  averageLength: PerField;
  /** Only ever added to: a question holding a snapshot keeps what it was given. */
  df: Map<string, PerField | null>;
}

export class TermStatsCache {
  private current: Snapshot = { version: -1, documentCount: 0, averageLength: [0, 0, 0], df: new Map() };
  /** Which snapshot already holds each vocabulary (a loaded report's words): not checked again term by term. */
  private readonly covered = new WeakMap<readonly string[], Snapshot>();

  constructor(private readonly capacity: number) {}

  /** Statistics holding every term of the vocabularies (each a loaded report's distinct words). */
  async statsForVocabularies(db: Database, vocabularies: readonly (readonly string[])[], atLeast: number): Promise<CorpusTermStats> {
    const snap = this.current;
    if (snap.version >= atLeast && vocabularies.every((v) => this.covered.get(v) === snap)) return view(snap);
    const stats = await this.statsFor(db, vocabularies.flat(), atLeast);
    for (const v of vocabularies) this.covered.set(v, this.current);
    return stats;
  }

  /** Statistics holding every term of `terms`, as of corpus version `atLeast` or later. */
  async statsFor(db: Database, terms: Iterable<string>, atLeast: number): Promise<CorpusTermStats> {
    const wanted = [...new Set(terms)];
    for (;;) {
      let snap = this.current;
      if (snap.version < atLeast || snap.df.size + wanted.length > this.capacity) snap = this.current = { ...snap, version: -1, df: new Map() };
      const missing = snap.version < 0 ? wanted : wanted.filter((t) => !snap.df.has(t));
      if (missing.length === 0) return view(snap);
      const { rows } = await db.pool.query<StateRow>(
        `SELECT s.version, s.passages, s.avg_text, s.avg_title, s.avg_lead,
           (SELECT json_agg(json_build_array(t.term, t.df_text, t.df_title, t.df_lead)) FROM term_stats t WHERE t.term = ANY($1)) AS df
         FROM corpus_state s`,
        [missing],
      );
      const row = rows[0];
      const version = Number(row.version);
      // Read at another version than the terms kept: those are stale, so read them all again
      // (then everything given comes from that one read).
      if (version !== snap.version && missing.length < wanted.length) {
        this.current = { version, documentCount: 0, averageLength: [0, 0, 0], df: new Map() };
        continue;
      }
      if (version !== snap.version) snap = this.current = { version, documentCount: 0, averageLength: [0, 0, 0], df: new Map() };
      snap.documentCount = Number(row.passages);
      snap.averageLength = [row.avg_text, row.avg_title, row.avg_lead];
      for (const t of missing) snap.df.set(t, null);
      for (const [term, a, b, c] of row.df ?? []) snap.df.set(term, [a, b, c]);
      return view(snap);
    }
  }
}

function view(snap: Snapshot): CorpusTermStats {
  const { df, documentCount, averageLength } = snap;
  return { documentCount, averageLength, documentFrequency: (term) => df.get(term) ?? undefined };
}
