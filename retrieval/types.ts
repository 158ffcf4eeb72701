// The types at the retrieval library's seams. Zod schemas where data crosses a
// boundary (serialised index, API responses); plain inferred types elsewhere.
import { z } from 'zod';
import { PlaceLevelSchema } from './ingest/metaOverrides.js';

export const SpeakerSchema = z.object({ title: z.string(), name: z.string() });

export const ReportMetaSchema = z.object({
  /** File name without extension, e.g. `huiji-2024`. */
  id: z.string(),
  title: z.string(),
  /** e.g. 惠济区 — read from the report's own text. */
  place: z.string(),
  /**
   * How sure ingestion is of `place`: high when the report names itself (cover, speaker,
   * 我代表某市人民政府) or the body names it far more than any other place of its kind;
   * low ones come with a warning the user can correct.
   */
  placeConfidence: z.enum(['high', 'medium', 'low']).optional(),
  /** What `place` was read from, for people: 封面…, 正文提到N次, 文件名…. */
  placeEvidence: z.array(z.string()).optional(),
  /** e.g. 郑州市, when the report states it. */
  city: z.string().optional(),
  /** ISO date the report was delivered, e.g. 2024-01-22; absent when the text does not say. */
  date: z.string().optional(),
  /** e.g. 第四届人民代表大会第四次会议 */
  congress: z.string(),
  speaker: SpeakerSchema,
  /** The year the report looks back on (delivered year − 1). */
  reviewYear: z.number().int(),
  /** The year the report plans for (usually the delivered year). */
  planYear: z.number().int(),
  sourceFile: z.string(),
  encoding: z.string(),
  paragraphCount: z.number().int(),
  /** province / city / county (区, 县, 旗, 自治县, 县级市), when known. */
  level: PlaceLevelSchema.optional(),
  /** e.g. 河南省, when the text or the gazetteer says. */
  province: z.string().optional(),
  /** Script the report is written in; traditional text is folded to simplified for matching. */
  script: z.enum(['simplified', 'traditional']).optional(),
  /** Where each metadata field came from: cover, title, body, fileName, sidecar, gazetteer, default. */
  sources: z.record(z.string(), z.enum(['cover', 'title', 'body', 'fileName', 'sidecar', 'gazetteer', 'default'])).optional(),
  /** The paragraph (id) each field was read from, where a paragraph states it: what an answer about the report cites. */
  readFrom: z
    .object({ date: z.string().optional(), congress: z.string().optional(), speaker: z.string().optional(), title: z.string().optional() })
    .optional(),
  /** Fields that could not be read (a missing date, speaker …): shown to users, never a refusal. */
  warnings: z.array(z.string()).optional(),
});
export type ReportMeta = z.infer<typeof ReportMetaSchema>;

export const SpanSchema = z.object({ start: z.number().int(), end: z.number().int() });
export type Span = z.infer<typeof SpanSchema>;

export const ParagraphSchema = z.object({
  /** `${reportId}:p${index}`, stable for the same text. */
  id: z.string(),
  reportId: z.string(),
  /** 1-based position among the report's paragraphs. */
  index: z.number().int(),
  /** Cleaned text (page breaks repaired, markdown and stray spaces removed), in simplified characters. */
  text: z.string(),
  /** The text as written, when it differs from `text` (traditional characters, full-width digits); same length, same offsets. */
  original: z.string().optional(),
  /** The part of the report: cover, review of the past year(s), plan for the coming year, other. */
  part: z.enum(['cover', 'review', 'plan', 'other']).optional(),
  /** True for a heading that stands on its own line (一、… / （一）… without body). */
  isHeading: z.boolean(),
  /** Id of the innermost section this paragraph belongs to. */
  sectionId: z.string(),
  /** Titles from the outermost section down, e.g. ["三、2024年工作重点", "（一）在经济增长上聚力攻坚…"]. */
  sectionPath: z.array(z.string()),
  /** Lead sentence for `（一）…。` and `深化“万人助万企”。` style openings, if any. */
  lead: z.string().optional(),
  /** Sentence boundaries within `text`. */
  sentences: z.array(SpanSchema),
  /** PDF reports: the page (1-based) the paragraph starts on. */
  page: z.number().int().optional(),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export interface Section {
  /** `${reportId}:s1`, `${reportId}:s1.2` … ; the root is `${reportId}:s0`. */
  id: string;
  level: number;
  /** Marker as written: 一、 / （一） */
  marker: string;
  title: string;
  /** Paragraph id where the section starts. */
  paragraphId: string;
  children: Section[];
}

/** A retrieval unit: a whole short paragraph, or a sentence-aligned slice of a long one. */
export interface Passage {
  /** `${paragraphId}#${n}` */
  id: string;
  paragraphId: string;
  reportId: string;
  /** Offsets of the slice within the paragraph text. */
  start: number;
  end: number;
  text: string;
  sectionTitle: string;
  lead: string;
}

export interface Report {
  meta: ReportMeta;
  paragraphs: Paragraph[];
  sections: Section[];
  passages: Passage[];
}

export interface LoadError {
  file: string;
  reason: string;
}

export const IndicatorKindSchema = z.enum(['target', 'actual', 'estimate']);
export type IndicatorKind = z.infer<typeof IndicatorKindSchema>;

export const IndicatorRowSchema = z.object({
  place: z.string(),
  reportId: z.string(),
  /** The year the figure is about. */
  year: z.number().int(),
  kind: IndicatorKindSchema,
  /** Canonical indicator name from retrieval/indicators/vocabulary.ts, e.g. 地区生产总值. */
  indicator: z.string(),
  /** The report's own wording, e.g. GDP增速 / 规上工业增加值. */
  label: z.string(),
  /** Null for qualitative targets such as 与经济增长同步. */
  value: z.number().nullable(),
  /** 亿元, 万元, %, 个, 人, 平方米 … ('' when none). */
  unit: z.string(),
  /** 左右 / 以上 / 以内 / 以下 / 同比 … ('' when none). */
  qualifier: z.string(),
  measure: z.enum(['level', 'growth']),
  paragraphId: z.string(),
  /** Exact span of the figure's clause within the paragraph text. */
  span: SpanSchema,
  /** paragraph.text.slice(span.start, span.end) */
  quote: z.string(),
});
export type IndicatorRow = z.infer<typeof IndicatorRowSchema>;

export const IntentSchema = z.enum(['target', 'actual', 'meta', 'list', 'compare', 'open']);
export type Intent = z.infer<typeof IntentSchema>;

export const ParsedQuerySchema = z.object({
  text: z.string(),
  /** Canonical place names the question names (several for comparisons). */
  places: z.array(z.string()),
  /** First of `places`, for convenience. */
  place: z.string().optional(),
  /** The year the question is about, as the user means it. */
  year: z.number().int().optional(),
  /** Whether the question wants a plan figure (target), an outcome (actual) or either. */
  yearRole: z.enum(['target', 'actual', 'any']),
  /** Canonical indicator (vocabulary.ts), when one is asked for. */
  indicator: z.string().optional(),
  /** Every indicator the question names, in order, when it names more than one. */
  indicators: z.array(z.string()).optional(),
  /** Words of the question that named the indicator. */
  indicatorMention: z.string().optional(),
  /** measure asked: growth (增速/增长) or level (总量/多少亿); undefined if unclear. */
  measure: z.enum(['level', 'growth']).optional(),
  intent: IntentSchema,
  /** Reports the filters allow (empty = all, unless `noMatchingReport`). */
  reportIds: z.array(z.string()),
  /**
   * A place the question names that no report covers: an unknown district/county/city
   * (金水区 → places [] and noMatchingReport), or a known city named as a whole with
   * its 市 suffix and none of its places (新乡市2024年GDP目标 → places [红旗区] too,
   * so the answer can say the reports cover 红旗区, not 新乡市).
   */
  unknownPlace: z.string().optional(),
  /**
   * True when the question constrains place, year or period and no report fits
   * (金水区…, 惠济区2020年…). `reportIds` is then [] and must not be read as "all":
   * the caller should answer that the reports do not cover it.
   */
  noMatchingReport: z.boolean().optional(),
});
export type ParsedQuery = z.infer<typeof ParsedQuerySchema>;

export interface SearchFilters {
  place?: string;
  year?: number;
  reportIds?: string[];
}

export interface SearchHit {
  /** Paragraph id, what a citation points to. */
  id: string;
  passageId: string;
  reportId: string;
  place: string;
  /** The year the report was delivered. */
  year: number;
  score: number;
  /** The passage text that matched. */
  text: string;
  /** Offsets of the matched passage within the paragraph. */
  start: number;
  end: number;
  /** Sentences of the paragraph that contain query terms. */
  matchedSentences: Span[];
  sectionPath: string[];
}

export interface SearchResult {
  query: ParsedQuery;
  results: SearchHit[];
}
