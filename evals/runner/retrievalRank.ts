// Where the evidence paragraph ranks: among the top-10 search hits for the
// question as the answerer understands it (in-process), or among the answer's
// citations (server runs, which cannot see the search). Plus recall@k and MRR.
import { type Corpus, resolveQuery } from '../../retrieval/public.js';
import type { EvalQuestion } from '../questionSchema.js';
import { paragraphHasEvidence } from './evidenceMatch.js';

export const RANK_DEPTH = 10;

/** 1-based rank of the first of the top-10 search hits whose paragraph holds an evidence quote; null if none or unanswerable. */
export function searchRank(corpus: Corpus, q: EvalQuestion): number | null {
  if (!q.answerable || q.evidence.length === 0) return null;
  try {
    const parsed = resolveQuery(corpus, q.question, q.history ?? []);
    const hits = corpus.search(q.question, { k: RANK_DEPTH, parsed }).results;
    const i = hits.findIndex((h) => {
      const p = corpus.paragraphById.get(h.id);
      return p !== undefined && paragraphHasEvidence(p, q.evidence);
    });
    return i >= 0 ? i + 1 : null;
  } catch {
    return null;
  }
}

/** Share of ranks at or above k (null ranks count as misses); null for no ranks. */
export function recallAt(ranks: (number | null)[], k: number): number | null {
  if (ranks.length === 0) return null;
  return ranks.filter((r) => r !== null && r <= k).length / ranks.length;
}

/** Mean reciprocal rank (a miss counts 0); null for no ranks. */
export function meanReciprocalRank(ranks: (number | null)[]): number | null {
  if (ranks.length === 0) return null;
  return ranks.reduce<number>((sum, r) => sum + (r === null ? 0 : 1 / r), 0) / ranks.length;
}

/** Evidence quotes that no paragraph of their report contains: metrics for those questions cannot be trusted. */
export function unlocatedEvidence(corpus: Corpus, questions: EvalQuestion[]): string[] {
  const out: string[] = [];
  for (const q of questions) {
    for (const e of q.evidence) {
      const report = corpus.reportById.get(e.report);
      if (!report) {
        out.push(`${q.id}: report ${e.report} is not in the corpus`);
        continue;
      }
      if (!report.paragraphs.some((p) => paragraphHasEvidence(p, [e]))) out.push(`${q.id}: quote not found in ${e.report}: ${e.quote}`);
    }
  }
  return out;
}
