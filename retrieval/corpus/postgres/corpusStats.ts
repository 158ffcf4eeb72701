// The corpus-wide statistics BM25 ranks by, kept in the database as reports come
// and go: document frequencies per term and field (term_stats), the passage count
// and MiniSearch's running averages of field lengths (corpus_state). Moved inside
// the writer's transaction, so they always describe exactly the committed passages.
// A transaction that writes many reports (a bulk load) gathers their changes and
// writes them once: the per-term rows are most of the cost of storing a report.
import type pg from 'pg';
import { addToAverages, removeFromAverages, unpackCounts, type RunningAverages } from '../../index/statsScorer.js';
import type { PassageTerms } from './prepareReport.js';

/** Per term, how many of the passages hold it in each field. */
export function documentFrequencies(passages: readonly PassageTerms[], into = new Map<string, [number, number, number]>(), sign = 1): Map<string, [number, number, number]> {
  for (const p of passages) {
    for (const [term, packed] of Object.entries(p.tf)) {
      const counts = unpackCounts(packed);
      let df = into.get(term);
      if (!df) into.set(term, (df = [0, 0, 0]));
      for (let f = 0; f < 3; f++) if (counts[f] > 0) df[f] += sign;
    }
  }
  return into;
}

/** Passages added and removed, in order, written to the statistics at once. */
export class StatsChange {
  private readonly df = new Map<string, [number, number, number]>();
  private readonly steps: { sign: 1 | -1; passages: readonly PassageTerms[] }[] = [];

  move(passages: readonly PassageTerms[], sign: 1 | -1): this {
    documentFrequencies(passages, this.df, sign);
    this.steps.push({ sign, passages });
    return this;
  }

  async apply(client: pg.PoolClient): Promise<void> {
    if (this.steps.length === 0) return;
    const terms = [...this.df.keys()].filter((t) => this.df.get(t)!.some((x) => x !== 0)).sort();
    if (terms.length) {
      const column = (f: number) => terms.map((t) => this.df.get(t)![f]);
      await client.query(
        `INSERT INTO term_stats (term, df_text, df_title, df_lead)
         SELECT * FROM unnest($1::text[], $2::int[], $3::int[], $4::int[])
         ON CONFLICT (term) DO UPDATE SET df_text = term_stats.df_text + excluded.df_text,
           df_title = term_stats.df_title + excluded.df_title, df_lead = term_stats.df_lead + excluded.df_lead`,
        [terms, column(0), column(1), column(2)],
      );
      const falling = terms.filter((t) => this.df.get(t)!.some((x) => x < 0));
      if (falling.length) await client.query('DELETE FROM term_stats WHERE term = ANY($1) AND df_text <= 0 AND df_title <= 0 AND df_lead <= 0', [falling]);
    }
    const { rows } = await client.query<{ passages: string; avg_text: number; avg_title: number; avg_lead: number }>(
      'SELECT passages, avg_text, avg_title, avg_lead FROM corpus_state FOR UPDATE',
    );
    const state: RunningAverages = { count: Number(rows[0].passages), average: [rows[0].avg_text, rows[0].avg_title, rows[0].avg_lead] };
    // One passage at a time, in order, as MiniSearch adds and removes them.
    for (const { sign, passages } of this.steps) for (const p of passages) (sign > 0 ? addToAverages : removeFromAverages)(state, p.lengths);
    await client.query('UPDATE corpus_state SET passages = $1, avg_text = $2, avg_title = $3, avg_lead = $4', [state.count, ...state.average]);
    this.df.clear();
    this.steps.length = 0;
  }
}
