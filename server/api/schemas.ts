// Request and response bodies of the HTTP API. Shared by the server (validation)
// and the client (typing and parsing), so both sides agree on one contract.
// Imports only zod and retrieval/types.ts (which imports only zod): safe in the browser.
import { z } from 'zod';
import { DEFAULTS, IndicatorKindSchema, IndicatorRowSchema, ParagraphSchema, ParsedQuerySchema, ReportMetaSchema, SpanSchema } from '../../retrieval/browser.js';
import { districtAsPlace } from './legacyDistrict.js';
import './zodLocale.js';

/** The longest question (DEFAULTS.maxQuestionChars), and what a longer one is told. */
export const MAX_QUESTION_CHARS = DEFAULTS.maxQuestionChars;
export const QUESTION_TOO_LONG = `问题过长（最多 ${MAX_QUESTION_CHARS} 字）`;

export const ChatTurnSchema = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.string().max(20_000),
});
export type ChatTurn = z.infer<typeof ChatTurnSchema>;

const FiltersObject = z
  .object({
    place: z.string().max(50).optional(),
    year: z.number().int().min(1949).max(2100).optional(),
  })
  .strict();
/** `district` (the old name of `place`) is still accepted. */
export const FiltersSchema = z.preprocess(districtAsPlace, FiltersObject);
export type Filters = z.infer<typeof FiltersObject>;

export const QuestionSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .min(1, '问题不能为空')
      .max(MAX_QUESTION_CHARS, QUESTION_TOO_LONG),
  );

export const AskRequestSchema = z.object({
  question: QuestionSchema,
  history: z.array(ChatTurnSchema).max(50).optional(),
  filters: FiltersSchema.optional(),
});
export type AskRequest = z.infer<typeof AskRequestSchema>;

export const CitationSchema = z.object({
  /** The number used in the answer text: [1] */
  marker: z.number().int().min(1),
  /** Paragraph id, e.g. huiji-2024:p26 */
  id: z.string(),
  reportId: z.string(),
  /** The place the report is for: 惠济区, 沛县, 绍兴市, 四川省. */
  place: z.string(),
  /** Deprecated: the same as `place`, under its old name; dropped in the next release. */
  district: z.string().optional(),
  /** Year the report was delivered. */
  year: z.number().int(),
  /** Section path joined with " › ". */
  section: z.string(),
  /** The cited paragraph's full display text. */
  text: z.string(),
  /** Sentences of `text` that support the answer (offsets into text). */
  matched: z.array(SpanSchema).default([]),
  /** Figures in `text` that the answer states, for highlighting. */
  figures: z.array(z.string()).default([]),
  /** PDF reports: the page the paragraph starts on. */
  page: z.number().int().optional(),
});
export type Citation = z.infer<typeof CitationSchema>;

export const RemovedClaimSchema = z.object({
  sentence: z.string(),
  reason: z.string(),
});
export type RemovedClaim = z.infer<typeof RemovedClaimSchema>;

export const AnswerStatusSchema = z.enum(['answered', 'no_evidence']);
export const AnswerModeSchema = z.enum(['extractive', 'llm']);

export const AskResponseSchema = z.object({
  status: AnswerStatusSchema,
  answer: z.string(),
  citations: z.array(CitationSchema),
  mode: AnswerModeSchema,
  model: z.string().optional(),
  /** True when every marker and figure passed citation checks. */
  verified: z.boolean(),
  /** Set when the model's answer was replaced or repaired, e.g. the endpoint was down. */
  notice: z.string().optional(),
  /** Sentences or markers dropped by citation enforcement. */
  removed: z.array(RemovedClaimSchema).default([]),
  timings: z.object({ retrieveMs: z.number(), generateMs: z.number() }),
});
export type AskResponse = z.infer<typeof AskResponseSchema>;

/** Payload of the `data-citations` part that ends every /api/chat stream. */
// Carries the verified answer too: when enforcement changed the streamed draft, the client shows this text.
export const ChatCitationsDataSchema = AskResponseSchema;
export type ChatCitationsData = z.infer<typeof ChatCitationsDataSchema>;

export const ErrorResponseSchema = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** builtin: shipped in seeds/; added: a user's, in the reports folder (can be corrected and deleted). */
export const ReportOriginSchema = z.enum(['builtin', 'added']);
export const ReportSummarySchema = ReportMetaSchema.extend({
  origin: ReportOriginSchema,
  /** Deprecated: the same as `place`, under its old name; dropped in the next release. */
  district: z.string().optional(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;
export const ReportListResponseSchema = z.object({
  reports: z.array(ReportSummarySchema),
  /** Files in the corpus folders that could not be loaded, and why. */
  errors: z.array(z.object({ file: z.string(), reason: z.string() })),
  /** Largest file POST /api/reports takes, in bytes, and the extensions it reads. */
  upload: z.object({ maxBytes: z.number().int(), extensions: z.array(z.string()), enabled: z.boolean() }).optional(),
});
export type ReportListResponse = z.infer<typeof ReportListResponseSchema>;

/** POST /api/reports (201) and PATCH /api/reports/:id (200). */
export const ReportChangeResponseSchema = z.object({
  report: ReportSummarySchema,
  /** What could not be read from the text (missing date, speaker …), to correct with PATCH. */
  warnings: z.array(z.string()),
});
export type ReportChangeResponse = z.infer<typeof ReportChangeResponseSchema>;

/** The metadata fields the upload form and PATCH take (retrieval/ingest/metaOverrides.ts). */
export { MetaOverridesSchema } from '../../retrieval/browser.js';

export interface SectionNode {
  id: string;
  level: number;
  marker: string;
  title: string;
  paragraphId: string;
  children: SectionNode[];
}
export const SectionNodeSchema: z.ZodType<SectionNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    level: z.number().int(),
    marker: z.string(),
    title: z.string(),
    paragraphId: z.string(),
    children: z.array(SectionNodeSchema),
  }),
);

export const ReportDetailResponseSchema = z.object({
  meta: ReportMetaSchema,
  sections: z.array(SectionNodeSchema),
  paragraphs: z.array(ParagraphSchema),
});
export type ReportDetailResponse = z.infer<typeof ReportDetailResponseSchema>;

export const ParagraphResponseSchema = z.object({
  paragraph: ParagraphSchema,
  report: ReportMetaSchema,
  /** Up to two paragraphs before and after, in order. */
  before: z.array(ParagraphSchema),
  after: z.array(ParagraphSchema),
});
export type ParagraphResponse = z.infer<typeof ParagraphResponseSchema>;

const IndicatorQueryObject = z.object({
  place: z.string().max(50).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  indicator: z.string().max(50).optional(),
  kind: IndicatorKindSchema.optional(),
  /** csv: the same rows as a spreadsheet file (UTF-8 with a BOM, so spreadsheet programs read the Chinese). */
  format: z.enum(['json', 'csv']).optional(),
});
/** `?district=` (the old name of `?place=`) is still accepted. */
export const IndicatorQuerySchema = z.preprocess(districtAsPlace, IndicatorQueryObject);
export type IndicatorQuery = z.infer<typeof IndicatorQueryObject>;

export const IndicatorsResponseSchema = z.object({
  rows: z.array(IndicatorRowSchema),
  /** Canonical indicator names present in the table, for filter menus. */
  indicators: z.array(z.string()),
});
export type IndicatorsResponse = z.infer<typeof IndicatorsResponseSchema>;

export const HealthResponseSchema = z.object({
  ok: z.literal(true),
  reports: z.number().int(),
  paragraphs: z.number().int(),
  answerer: z.string(),
  /** "jieba"; "bigram (degraded)" when nodejieba could not load and TOKENIZER_FALLBACK=bigram let the server start anyway. */
  tokenizer: z.string(),
  /** What runs degraded and why, one sentence each, for the UI's banner; empty when nothing does. */
  degraded: z.array(z.string()),
});

/** GET /api/search: the hit test (检索测试) — what retrieval finds for a question, ranked, with why. */
export const SEARCH_MAX_K = 50;
/** A hit test shows more than the answerer reads (it takes the best few): enough to see what came close. */
export const SEARCH_DEFAULT_K = 10;
const SearchQueryObject = z.object({
  q: QuestionSchema,
  k: z.coerce.number().int().min(1).max(SEARCH_MAX_K).default(SEARCH_DEFAULT_K),
  place: z.string().max(50).optional(),
  year: z.coerce.number().int().min(1949).max(2100).optional(),
  /** Earlier questions of the conversation, oldest first: a follow-up (那卫东区呢？) is read in their light. */
  context: z.array(z.string().max(MAX_QUESTION_CHARS)).max(12).optional(),
});
export const SearchQuerySchema = z.preprocess(districtAsPlace, SearchQueryObject);
export type SearchQuery = z.input<typeof SearchQueryObject>;

export const SearchHitSchema = z.object({
  /** 1-based rank. */
  rank: z.number().int().min(1),
  /** Paragraph id: what a citation would point to. */
  id: z.string(),
  reportId: z.string(),
  place: z.string(),
  /** Year the report was delivered. */
  year: z.number().int(),
  score: z.number(),
  /** The passage that matched, as the report writes it. */
  text: z.string(),
  /** Offsets of the passage within its paragraph. */
  start: z.number().int(),
  end: z.number().int(),
  /** The question's words found in the passage. */
  matchedTerms: z.array(z.string()),
  /** Where they are, as offsets into `text`. */
  termSpans: z.array(SpanSchema),
  /** Sentences of the passage that hold the words (or the figure asked for), as offsets into `text`. */
  matchedSentences: z.array(SpanSchema),
  sectionPath: z.array(z.string()),
  /** PDF reports: the page the paragraph starts on. */
  page: z.number().int().optional(),
});
export type SearchHitResponse = z.infer<typeof SearchHitSchema>;

export const SearchResponseSchema = z.object({
  /** The question as understood, and the words the passages were ranked by. */
  query: ParsedQuerySchema.extend({ terms: z.array(z.string()) }),
  results: z.array(SearchHitSchema),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
