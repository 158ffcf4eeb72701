// How metric values are shown in the table, report.md and report.html.
import type { Metrics } from './types.js';

export const NA = '—';

export function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? NA : `${(x * 100).toFixed(1)}%`;
}

export function fixed(x: number | null | undefined, digits = 3): string {
  return x === null || x === undefined ? NA : x.toFixed(digits);
}

export function ms(x: number | null | undefined): string {
  if (x === null || x === undefined) return NA;
  return x >= 100 ? `${Math.round(x)}` : x.toFixed(1);
}

export interface MetricColumn {
  header: string;
  value(m: Metrics): string;
}

/** The summary table's columns, in order (after the category name). */
export const SUMMARY_COLUMNS: MetricColumn[] = [
  { header: 'n', value: (m) => String(m.n) },
  { header: 'accuracy', value: (m) => pct(m.accuracy) },
  { header: 'refusal acc', value: (m) => (m.unanswerable ? `${pct(m.refusalAccuracy)} (${m.unanswerable})` : NA) },
  { header: 'false refusals', value: (m) => String(m.falseRefusals) },
  { header: 'cit precision', value: (m) => pct(m.citationPrecision) },
  { header: 'cit recall', value: (m) => pct(m.citationRecall) },
  { header: 'recall@5', value: (m) => pct(m.recallAt5) },
  { header: 'MRR', value: (m) => fixed(m.mrr) },
  { header: 'p50 ms', value: (m) => ms(m.p50Ms) },
  { header: 'p95 ms', value: (m) => ms(m.p95Ms) },
];
