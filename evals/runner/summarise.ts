// Per-question records → metrics per category and overall. Definitions in
// evals/README.md ("Metrics").
import { EVAL_CATEGORIES } from '../questionSchema.js';
import { meanReciprocalRank, recallAt } from './retrievalRank.js';
import type { Metrics, QuestionRecord, Summary } from './types.js';

/** Nearest-rank percentile (p in 0..100) of the values; null for none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1];
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export function computeMetrics(records: QuestionRecord[]): Metrics {
  const answerable = records.filter((r) => r.answerable);
  const unanswerable = records.filter((r) => !r.answerable);
  const ranks = answerable.map((r) => r.retrievalRank);
  const correct = records.filter((r) => r.correct).length;
  return {
    n: records.length,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    correct,
    accuracy: records.length ? correct / records.length : null,
    refusalAccuracy: unanswerable.length ? unanswerable.filter((r) => r.correct).length / unanswerable.length : null,
    falseRefusals: records.filter((r) => r.falseRefusal).length,
    citationPrecision: mean(answerable.flatMap((r) => (r.citationPrecision === null ? [] : [r.citationPrecision]))),
    citationRecall: mean(answerable.map((r) => r.citationRecall ?? 0)),
    recallAt1: recallAt(ranks, 1),
    recallAt3: recallAt(ranks, 3),
    recallAt5: recallAt(ranks, 5),
    recallAt10: recallAt(ranks, 10),
    mrr: meanReciprocalRank(ranks),
    p50Ms: percentile(records.map((r) => r.latencyMs), 50),
    p95Ms: percentile(records.map((r) => r.latencyMs), 95),
    errors: records.filter((r) => r.status === 'error').length,
  };
}

export function summarise(records: QuestionRecord[]): Summary {
  const byCategory: Summary['byCategory'] = {};
  for (const c of EVAL_CATEGORIES) {
    const rs = records.filter((r) => r.category === c);
    if (rs.length) byCategory[c] = computeMetrics(rs);
  }
  // Categories a foreign set might add later still get a row.
  for (const r of records) if (!byCategory[r.category]) byCategory[r.category] = computeMetrics(records.filter((x) => x.category === r.category));
  return { overall: computeMetrics(records), byCategory };
}
