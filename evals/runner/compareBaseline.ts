// This run against a previous results.json (--baseline): per-category metric
// deltas, and the questions that went fail→pass (better) or pass→fail (worse).
import { existsSync, readFileSync } from 'node:fs';
import { FAILURE_LABELS, ResultsFileSchema, type Metrics, type QuestionRecord, type ResultsFile } from './types.js';
import { EvalInputError } from './inputError.js';
import { renderTextTable } from './renderTable.js';

export function loadBaseline(path: string): ResultsFile {
  if (!existsSync(path)) throw new EvalInputError(`--baseline file not found: ${path}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new EvalInputError(`--baseline ${path} is not valid JSON (${(e as Error).message})`);
  }
  const parsed = ResultsFileSchema.safeParse(json);
  if (!parsed.success) {
    const iss = parsed.error.issues[0];
    throw new EvalInputError(`--baseline ${path} is not a results.json written by the eval runner (${iss?.path.join('.')}: ${iss?.message})`);
  }
  return parsed.data;
}

/** Metrics compared, and whether higher is better. */
export const DELTA_METRICS = [
  { key: 'accuracy', label: 'accuracy', kind: 'ratio', higherIsBetter: true },
  { key: 'refusalAccuracy', label: 'refusal acc', kind: 'ratio', higherIsBetter: true },
  { key: 'falseRefusals', label: 'false refusals', kind: 'count', higherIsBetter: false },
  { key: 'citationPrecision', label: 'cit precision', kind: 'ratio', higherIsBetter: true },
  { key: 'citationRecall', label: 'cit recall', kind: 'ratio', higherIsBetter: true },
  { key: 'recallAt5', label: 'recall@5', kind: 'ratio', higherIsBetter: true },
  { key: 'mrr', label: 'MRR', kind: 'score', higherIsBetter: true },
] as const satisfies readonly { key: keyof Metrics; label: string; kind: 'ratio' | 'count' | 'score'; higherIsBetter: boolean }[];
export type DeltaKey = (typeof DELTA_METRICS)[number]['key'];

export interface CategoryDelta {
  category: string;
  before?: Metrics;
  after?: Metrics;
  /** after − before; null when either side lacks the value. */
  deltas: Record<DeltaKey, number | null>;
}

export interface ChangedQuestion {
  id: string;
  category: string;
  question: string;
  /** Failure reasons in the run where it failed. */
  reasons: string[];
}

export interface BaselineComparison {
  baselineStartedAt: string;
  categories: CategoryDelta[];
  better: ChangedQuestion[];
  worse: ChangedQuestion[];
  /** Ids only in this run / only in the baseline. */
  added: string[];
  removed: string[];
  /** Why some deltas may compare unlike things (different mode or rank source). */
  notes: string[];
}

function deltas(before: Metrics | undefined, after: Metrics | undefined): Record<DeltaKey, number | null> {
  const out = {} as Record<DeltaKey, number | null>;
  for (const m of DELTA_METRICS) {
    const a = after?.[m.key];
    const b = before?.[m.key];
    out[m.key] = a === null || a === undefined || b === null || b === undefined ? null : a - b;
  }
  return out;
}

export function compareBaseline(
  baseline: Pick<ResultsFile, 'summary' | 'records' | 'config'>,
  current: Pick<ResultsFile, 'summary' | 'records'> & { config?: Pick<ResultsFile['config'], 'mode' | 'rankSource' | 'model'> },
): BaselineComparison {
  const notes: string[] = [];
  const c = current.config;
  if (c && c.rankSource !== baseline.config.rankSource) {
    notes.push(`retrieval ranks come from ${baseline.config.rankSource} in the baseline but from ${c.rankSource} in this run: recall@k and MRR deltas compare different things`);
  }
  if (c && (c.mode !== baseline.config.mode || c.model !== baseline.config.model)) {
    notes.push(`the baseline ran in mode ${baseline.config.mode}${baseline.config.model ? ` (${baseline.config.model})` : ''}, this run in ${c.mode}${c.model ? ` (${c.model})` : ''}`);
  }
  const cats = [...new Set([...Object.keys(current.summary.byCategory), ...Object.keys(baseline.summary.byCategory)])];
  const categories: CategoryDelta[] = cats.map((category) => {
    const before = baseline.summary.byCategory[category];
    const after = current.summary.byCategory[category];
    return { category, before, after, deltas: deltas(before, after) };
  });
  categories.push({ category: 'overall', before: baseline.summary.overall, after: current.summary.overall, deltas: deltas(baseline.summary.overall, current.summary.overall) });

  const old = new Map(baseline.records.map((r) => [r.id, r]));
  const now = new Map(current.records.map((r) => [r.id, r]));
  const changed = (r: QuestionRecord, failed: QuestionRecord): ChangedQuestion => ({
    id: r.id,
    category: r.category,
    question: r.question,
    reasons: failed.reasons.map((x) => FAILURE_LABELS[x]),
  });
  const better: ChangedQuestion[] = [];
  const worse: ChangedQuestion[] = [];
  for (const r of current.records) {
    const b = old.get(r.id);
    if (!b) continue;
    if (!b.correct && r.correct) better.push(changed(r, b));
    if (b.correct && !r.correct) worse.push(changed(r, r));
  }
  return {
    baselineStartedAt: baseline.config.startedAt,
    categories,
    better,
    worse,
    added: current.records.filter((r) => !old.has(r.id)).map((r) => r.id),
    removed: baseline.records.filter((r) => !now.has(r.id)).map((r) => r.id),
    notes,
  };
}

/** A delta as shown: ratios in percentage points, counts as integers, scores to 3 decimals. */
export function formatDelta(value: number | null, kind: 'ratio' | 'count' | 'score'): string {
  if (value === null) return '—';
  const sign = value > 0 ? '+' : value < 0 ? '−' : '±';
  const abs = Math.abs(value);
  if (kind === 'ratio') return `${sign}${(abs * 100).toFixed(1)}pt`;
  if (kind === 'count') return `${sign}${abs}`;
  return `${sign}${abs.toFixed(3)}`;
}

export function deltaRows(cmp: BaselineComparison): { headers: string[]; rows: string[][] } {
  return {
    headers: ['category', ...DELTA_METRICS.map((m) => `Δ ${m.label}`)],
    rows: cmp.categories.map((c) => [c.category, ...DELTA_METRICS.map((m) => formatDelta(c.deltas[m.key], m.kind))]),
  };
}

export function renderBaselineText(cmp: BaselineComparison): string {
  const { headers, rows } = deltaRows(cmp);
  const out = [`Compared with baseline from ${cmp.baselineStartedAt}:`, ...cmp.notes.map((n) => `note: ${n}`), renderTextTable(headers, rows)];
  const list = (title: string, qs: ChangedQuestion[]) => {
    out.push(`${title} (${qs.length}):`);
    for (const q of qs) out.push(`  ${q.id} [${q.category}] ${q.question}${q.reasons.length ? ` — ${q.reasons.join(', ')}` : ''}`);
  };
  list('Better (fail → pass)', cmp.better);
  list('Worse (pass → fail)', cmp.worse);
  if (cmp.added.length) out.push(`New questions (not in baseline): ${cmp.added.length}`);
  if (cmp.removed.length) out.push(`Questions only in baseline: ${cmp.removed.length}`);
  return out.join('\n');
}
