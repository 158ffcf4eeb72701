// --min-* / --max-* flags against the overall metrics. Any threshold not met
// makes the run exit with code 1; each is reported with how far off it is.
import type { Metrics } from './types.js';

export interface Thresholds {
  minAccuracy?: number;
  minCitationPrecision?: number;
  minRecall5?: number;
  maxFalseRefusals?: number;
  minRefusalAccuracy?: number;
}

export interface ThresholdResult {
  flag: string;
  metric: string;
  limit: number;
  actual: number | null;
  ok: boolean;
  message: string;
  /** The set whose score was checked (runs with several sets). */
  set?: string;
}

const MIN_CHECKS = [
  { key: 'minAccuracy', flag: '--min-accuracy', metric: 'accuracy', value: (m: Metrics) => m.accuracy },
  { key: 'minCitationPrecision', flag: '--min-citation-precision', metric: 'citation precision', value: (m: Metrics) => m.citationPrecision },
  { key: 'minRecall5', flag: '--min-recall5', metric: 'recall@5', value: (m: Metrics) => m.recallAt5 },
  { key: 'minRefusalAccuracy', flag: '--min-refusal-accuracy', metric: 'refusal accuracy', value: (m: Metrics) => m.refusalAccuracy },
] as const;

const p = (x: number) => `${(x * 100).toFixed(1)}%`;

export function checkThresholds(overall: Metrics, t: Thresholds): ThresholdResult[] {
  const out: ThresholdResult[] = [];
  for (const c of MIN_CHECKS) {
    const limit = t[c.key];
    if (limit === undefined) continue;
    const actual = c.value(overall);
    if (actual === null) {
      out.push({ flag: c.flag, metric: c.metric, limit, actual, ok: false, message: `${c.metric} could not be measured (no questions it applies to), so ${c.flag} ${limit} is not met` });
      continue;
    }
    // Compare at display precision so that 0.9 is met by 90.0% despite floating point.
    const ok = actual + 1e-9 >= limit;
    out.push({
      flag: c.flag,
      metric: c.metric,
      limit,
      actual,
      ok,
      message: ok
        ? `${c.metric} ${p(actual)} meets ${c.flag} ${limit}`
        : `${c.metric} ${p(actual)} is below ${c.flag} ${limit} (${p(limit)}) by ${((limit - actual) * 100).toFixed(1)} points`,
    });
  }
  if (t.maxFalseRefusals !== undefined) {
    const actual = overall.falseRefusals;
    const limit = t.maxFalseRefusals;
    const ok = actual <= limit;
    out.push({
      flag: '--max-false-refusals',
      metric: 'false refusals',
      limit,
      actual,
      ok,
      message: ok
        ? `false refusals ${actual} within --max-false-refusals ${limit}`
        : `false refusals ${actual} exceed --max-false-refusals ${limit} by ${actual - limit}`,
    });
  }
  return out;
}
