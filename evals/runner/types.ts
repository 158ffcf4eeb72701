// The shapes the eval runner passes between its steps and writes to
// results.json. ResultsFileSchema also reads a previous run back (--baseline).
import { z } from 'zod';
import { EVAL_CATEGORIES, type EvalQuestion } from '../questionSchema.js';

/** A question as loaded, with where it came from (for error messages and reports). */
export interface LoadedQuestion {
  question: EvalQuestion;
  /** Path of the set file as given (or relative to the project for the defaults). */
  file: string;
  line: number;
}

/** Why a question failed. Several may apply; the first is the main one. */
export const FAILURE_REASONS = [
  'should_have_refused', // unanswerable, but the assistant answered
  'false_refusal', // answerable, but the assistant said it found nothing
  'wrong_figure', // a must_include figure's number is not in the answer, which states other numbers
  'missing_must_include', // a must_include string is not in the answer
  'other_place', // the answer names a covered place the question did not ask about
  'other_year', // the answer states figures for a year the question did not ask about
  'no_citation', // answered without citing anything
  'evidence_not_cited', // none of the citations is an evidence paragraph (secondary reason)
  'error', // the assistant threw / the server answered with an HTTP error
] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export const FAILURE_LABELS: Record<FailureReason, string> = {
  should_have_refused: 'should have refused',
  false_refusal: 'false refusal',
  wrong_figure: 'wrong figure',
  missing_must_include: 'missing must_include',
  other_place: 'other place',
  other_year: 'other year',
  no_citation: 'no citation',
  evidence_not_cited: 'evidence not cited',
  error: 'error',
};

export const CitationRecordSchema = z.object({
  marker: z.number(),
  id: z.string(),
  reportId: z.string(),
  figures: z.array(z.string()),
  /** Its paragraph contains one of the question's evidence quotes. */
  hasEvidence: z.boolean(),
  /** Counted as precise (see evals/README.md, "Citation precision"). */
  precise: z.boolean(),
});
export type CitationRecord = z.infer<typeof CitationRecordSchema>;

export const QuestionRecordSchema = z.object({
  id: z.string(),
  set: z.string(),
  category: z.enum(EVAL_CATEGORIES),
  question: z.string(),
  history: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })).optional(),
  answerable: z.boolean(),
  mustInclude: z.array(z.string()),
  evidence: z.array(z.object({ report: z.string(), quote: z.string() })),
  status: z.enum(['answered', 'no_evidence', 'error']),
  answer: z.string(),
  mode: z.string().optional(),
  model: z.string().optional(),
  notice: z.string().optional(),
  error: z.string().optional(),
  citations: z.array(CitationRecordSchema),
  correct: z.boolean(),
  falseRefusal: z.boolean(),
  /** must_include strings not found in the answer. */
  missing: z.array(z.string()),
  reasons: z.array(z.enum(FAILURE_REASONS)),
  /** Places and years (e.g. 红旗区, 2019年) the answer spoke of but the question did not ask about. */
  offTarget: z.array(z.string()).optional(),
  /** Share of precise citations; null when not applicable (unanswerable, or no citations). */
  citationPrecision: z.number().nullable(),
  /** 1 / 0 for answerable questions; null for unanswerable ones. */
  citationRecall: z.number().nullable(),
  /** 1-based rank of the first evidence paragraph (search hits in-process, citations against a server); null when absent or not applicable. */
  retrievalRank: z.number().nullable(),
  latencyMs: z.number(),
});
export type QuestionRecord = z.infer<typeof QuestionRecordSchema>;

export const MetricsSchema = z.object({
  n: z.number(),
  answerable: z.number(),
  unanswerable: z.number(),
  correct: z.number(),
  accuracy: z.number().nullable(),
  /** Unanswerable questions correctly refused / unanswerable questions. */
  refusalAccuracy: z.number().nullable(),
  falseRefusals: z.number(),
  citationPrecision: z.number().nullable(),
  citationRecall: z.number().nullable(),
  recallAt1: z.number().nullable(),
  recallAt3: z.number().nullable(),
  recallAt5: z.number().nullable(),
  recallAt10: z.number().nullable(),
  mrr: z.number().nullable(),
  p50Ms: z.number().nullable(),
  p95Ms: z.number().nullable(),
  errors: z.number(),
});
export type Metrics = z.infer<typeof MetricsSchema>;

export const SummarySchema = z.object({
  overall: MetricsSchema,
  /** Keyed by category, in EVAL_CATEGORIES order; categories without questions are absent. */
  byCategory: z.record(z.string(), MetricsSchema),
});
export type Summary = z.infer<typeof SummarySchema>;

export const RunConfigSchema = z.object({
  sets: z.array(z.string()),
  mode: z.string(),
  server: z.string().optional(),
  model: z.string().optional(),
  /** How ranks were measured: search hits (in-process) or citation order (server). */
  rankSource: z.enum(['search', 'citations']),
  concurrency: z.number(),
  startedAt: z.string(),
  durationMs: z.number(),
  gitCommit: z.string().optional(),
  corpusHash: z.string().optional(),
  questionCount: z.number(),
  node: z.string(),
});
export type RunConfig = z.infer<typeof RunConfigSchema>;

/** One question set's own score, over the corpus that set is run on. */
export const SetSummarySchema = SummarySchema.extend({
  /** Report folders (evals/corpora.json), or the corpus the caller passed in / the server's. */
  corpus: z.array(z.string()),
  corpusHash: z.string().optional(),
  questionCount: z.number(),
});
export type SetSummary = z.infer<typeof SetSummarySchema>;

export const ResultsFileSchema = z.object({
  config: RunConfigSchema,
  /** Every question of every set together (what --baseline compares). */
  summary: SummarySchema,
  /** Each set scored separately, keyed by the set file as shown in reports; older results have none. */
  bySet: z.record(z.string(), SetSummarySchema).default({}),
  records: z.array(QuestionRecordSchema),
  /** Messages worth a look that did not stop the run (e.g. a quote not found in the corpus). */
  warnings: z.array(z.string()).default([]),
});
export type ResultsFile = z.infer<typeof ResultsFileSchema>;
