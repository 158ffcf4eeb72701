// The foundation of the retrieval library: the shapes its data takes (reports,
// paragraphs, quantity records, indicator rows, parsed questions, evidence) and the
// seams its rooms meet at (tokenizer, search index, corpus). Zod schemas where data
// crosses a boundary (caches, API responses); plain types elsewhere. Imports only
// zod, so every room may import it and the browser may too; it imports no room.
import { z } from 'zod';

export const PLACE_LEVELS = ['province', 'city', 'county'] as const;
/** province: 省/自治区/直辖市; city: 市/州/盟 (地级); county: 区/县/旗/自治县/县级市. */
export const PlaceLevelSchema = z.enum(PLACE_LEVELS);
export type PlaceLevel = z.infer<typeof PlaceLevelSchema>;

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
  /** Null for qualitative targets such as 与经济增长同步; a range's low end. */
  value: z.number().nullable(),
  /** A range's high end (5%—5.5% → value 5, upper 5.5); absent for a single figure. */
  upper: z.number().optional(),
  /** A range as the report writes it, number to unit (5%—5.5%, 5-5.5%): how answers state it. */
  written: z.string().optional(),
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
  /**
   * When the question asks one year's plan and another's outcome (2009年实际增速和2010年目标), or
   * both of one year (2024年实际增速和年初目标): what it wants of each year, in order.
   */
  yearRoles: z.array(z.object({ year: z.number().int(), role: z.enum(['target', 'actual']) })).optional(),
  /** A five-year plan period the question names (十三五期间 → 2016–2020): its multi-year figures answer. */
  period: z.object({ from: z.number().int(), to: z.number().int() }).optional(),
  /** Canonical indicator (vocabulary.ts), when one is asked for. */
  indicator: z.string().optional(),
  /** Every indicator the question names, in order, when it names more than one. */
  indicators: z.array(z.string()).optional(),
  /** Words of the question that named the indicator. */
  indicatorMention: z.string().optional(),
  /** measure asked: growth (增速/增长) or level (总量/多少亿); undefined if unclear. */
  measure: z.enum(['level', 'growth']).optional(),
  /**
   * The question asks for a figure (多少, 几个, 百分之几, 是否达到): the answer must give one of the
   * asked measure, or say that no report states it; a quoted sentence without it is no answer.
   */
  asksFigure: z.boolean().optional(),
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
  /** The words the passages were ranked by: the question's content words and the reports' own labels for its indicator. */
  terms: string[];
  results: SearchHit[];
}

// ── Quantity records (built by retrieval/quantities) ────────────────────────────
// A quantity record: one number stated in one clause of one report, typed. Every
// figure the product shows comes from such a record, and every record points back
// to the exact characters it was read from.
/**
 * What the number measures. level: an amount (157.5亿元); growth: a rate of change (增长7.1%);
 * share: a part of a whole (占比81.7%); rate: a ratio stated as a level (失业率5.5%, 研发投入强度2.1%);
 * count: things counted (43个起降点); perCapita: an amount per person (人均可支配收入4.08万元);
 * rank: a position (居全市第3位); difference: a gap to something else (高于全市2.4个百分点);
 * multiple: a factor (翻一番, 2.3倍); ratio: parts of a whole written a:b:c (三次产业结构比1:22:77, value null).
 */
export const QuantityMeasureSchema = z.enum(['level', 'growth', 'share', 'rate', 'count', 'perCapita', 'rank', 'difference', 'multiple', 'ratio']);
export type QuantityMeasure = z.infer<typeof QuantityMeasureSchema>;

/** target: planned; actual: an outcome; estimate: 预计; cumulative: over several years (五年来, 累计, 年均). */
export const QuantityKindSchema = z.enum(['target', 'actual', 'estimate', 'cumulative']);
export type QuantityKind = z.infer<typeof QuantityKindSchema>;

/** The part of the report a paragraph sits in. */
export const ReportPartSchema = z.enum(['cover', 'review', 'fiveYear', 'plan']);
export type ReportPart = z.infer<typeof ReportPartSchema>;

export const QuantityRecordSchema = z.object({
  reportId: z.string(),
  paragraphId: z.string(),
  place: z.string(),
  part: ReportPartSchema,
  kind: QuantityKindSchema,
  /** Years the figure is about (one, or the span of a multi-year figure). */
  years: z.array(z.number().int()),
  /** Normalised value in `unit` (百分之七 → 7 with unit %); null for figure-less targets (与经济增长同步); a range's low end. */
  value: z.number().nullable(),
  /** A range's high end (5%—5.5% → value 5, upper 5.5; `written` holds the whole); absent for a single figure. */
  upper: z.number().optional(),
  /** The unit as written after normalising the numeral: 亿元, %, 个, 万人, 个百分点, 倍, 位 … ('' when none). */
  unit: z.string(),
  /** The number and unit as written: 5901亿元, 百分之七, 三成, 两万余人. */
  written: z.string(),
  /** 左右 / 以上 / 以内 / 以下 / 同比 / 同口径 / 累计 / 年均 / 预计 / 多 / 余 / 约 / 近 / 不低于 … */
  qualifiers: z.array(z.string()),
  measure: QuantityMeasureSchema,
  /** What the number is of, read on both sides of it: 地区生产总值, 新增起降点, 推进重点项目建设. */
  subject: z.string(),
  /** The words joining subject and number as written: 增长, 同比增长, 保持, 控制在 ('' when none). */
  link: z.string(),
  /** Ranks and comparisons (居全市第3位, 高于全市平均水平2.4个百分点): not a figure of the subject itself. */
  comparison: z.boolean(),
  /** Exact span of `written` in the paragraph text. */
  span: SpanSchema,
  /** The statement: from where its subject is written to the end of the figure, or of the noun a count counts (what an answer quotes and highlights). */
  statement: SpanSchema,
});
export type QuantityRecord = z.infer<typeof QuantityRecordSchema>;

// ── Seams: tokenizer (retrieval/tokenize) and search index (retrieval/index) ───────
/**
 * A tokenizer turns text (a report passage or a user question) into index terms.
 * The same tokenizer must be used on both sides of the index, so every
 * implementation follows one contract (see test/retrieval/tokenize/tokenizer.contract.test.ts):
 * - terms are lower-cased and NFKC-normalised (full-width ７％ → 7%);
 * - punctuation and whitespace never become terms;
 * - stop words (stopWords.ts) are removed;
 * - numbers follow the scheme in numberTokens.ts ("2024", "6.5%", "157.5亿", bare "157.5");
 * - Latin words stay whole ("GDP" → "gdp").
 */
export interface Tokenizer {
  readonly name: string;
  /**
   * Set only on a stand-in for a better tokenizer that could not load (bigram for
   * jieba, see tokenize/tokenizerFromEnv.ts): what is degraded and why. Health checks and
   * the UI show it, and the evals refuse to score it.
   */
  readonly degraded?: string;
  tokenize(text: string): string[];
}

export interface IndexHit {
  passageId: string;
  score: number;
  /** Query terms that matched this passage. */
  terms: string[];
}

export interface IndexSearchOptions {
  /** Only passages of these reports (undefined = all). */
  reportIds?: ReadonlySet<string>;
  limit: number;
}

export interface SearchIndex {
  readonly backend: string;
  readonly size: number;
  /** Ranks passages for already tokenised query terms. */
  search(terms: string[], options: IndexSearchOptions): IndexHit[];
  /** A JSON-safe snapshot that `load` of the same backend restores. */
  serialize(): unknown;
  /**
   * Indexes further passages (a report added while serving) without touching the
   * others: the next search ranks them as if the index had been built with them.
   */
  add(passages: Passage[]): void;
  /** Removes passages given exactly as they were added (a report deleted while serving). */
  remove(passages: Passage[]): void;
}

export interface IndexBackend {
  readonly name: string;
  build(passages: Passage[], tokenize: (text: string) => string[]): SearchIndex;
  load(snapshot: unknown, tokenize: (text: string) => string[]): SearchIndex;
}

// ── Queries over the corpus ─────────────────────────────────────────────────────
export interface SearchOptions {
  k?: number;
  filters?: SearchFilters;
  /** The previous turn's parsed query, for follow-ups such as “那卫东区呢？”. */
  context?: ParsedQuery;
  /** A query parsed already (the answerer parses once and searches with it). */
  parsed?: ParsedQuery;
}

export interface IndicatorLookup {
  /** 红旗区 or 红旗 — matched with or without the 区 suffix. */
  place?: string;
  /** The year the figure is about (target → plan year, actual/estimate → reviewed year). */
  year?: number;
  /** Canonical name (vocabulary.ts); a report label or user alias naming exactly one indicator also works. */
  indicator?: string;
  kind?: IndicatorKind | IndicatorKind[];
  measure?: 'level' | 'growth';
}

// ── The corpus (built by retrieval/corpus) ──────────────────────────────────────
export interface IngestedReport {
  report: Report;
  indicators: IndicatorRow[];
  /** Every number of every clause, typed; the indicator rows are a view of them. */
  quantities: QuantityRecord[];
}

export interface CorpusStats {
  /** Reading, hashing and ingesting the reports (or reading them from the cache). */
  ingestMs: number;
  /** Of ingestMs: extracting the quantity records and the indicator view of them (0 when cached). */
  quantitiesMs: number;
  indicatorsMs: number;
  reportsFromCache: boolean;
  indexMs: number;
  indexFromCache: boolean;
}

/** builtin: seeds/, --report files, in-memory sources; added: the reports folder. */
export type ReportOrigin = 'builtin' | 'added';

export interface Corpus {
  reports: Report[];
  /** Origin of every loaded report. */
  origins: Map<string, ReportOrigin>;
  /** Content hash of every loaded report's file (duplicate detection). */
  contentHashes: Map<string, string>;
  /**
   * The loaded report whose text is that of `paragraphs` (ingest/textFingerprint.ts), if any: a .pdf
   * of a loaded .txt is no new report. Fingerprints are taken when first asked for, not at start.
   */
  findSameText(paragraphs: readonly Paragraph[]): string | undefined;
  reportById: Map<string, Report>;
  paragraphById: Map<string, Paragraph>;
  passageById: Map<string, Passage>;
  indicators: IndicatorRow[];
  /** Every number of every clause of every report, typed (retrieval/quantities). */
  quantities: QuantityRecord[];
  errors: LoadError[];
  /** Content hash of all loaded reports plus the index format: the cache key. */
  hash: string;
  tokenizer: Tokenizer;
  index: SearchIndex;
  stats: CorpusStats;
  search(question: string, options?: SearchOptions): SearchResult;
  lookupIndicators(query: IndicatorLookup): IndicatorRow[];
  /** Adds (or, same id, replaces) one ingested report; the next search uses it. */
  addReport(ingested: IngestedReport, origin: ReportOrigin, hash: string): void;
  /** Removes one report from the index, the tables and the maps; false if unknown. */
  removeReport(id: string): boolean;
  /**
   * Set when the corpus lives in a database (retrieval/corpus/postgres). This object is then its
   * catalog: `reports` hold every report's metadata with no paragraphs, and the maps, tables and index
   * are empty. A request works on `database.load(need)` instead (corpusFor does this for both kinds):
   * the catalog with the reports the request needs loaded in full.
   */
  database?: CorpusDatabase;
}

/** What a request needs of a database corpus (Corpus.database.load). */
export type CorpusNeed =
  /** A question's working set: the reports it may be answered from, searchable with corpus-wide statistics. */
  | { question: string; history?: ConversationTurn[]; filters?: SearchFilters; k?: number }
  /** These reports in full (report and paragraph routes). */
  | { reportIds: string[] }
  /** The reports these paragraphs are in. */
  | { paragraphIds: string[] }
  /** The indicator rows a lookup may return (and every indicator name), with their paragraphs when asked. */
  | { indicators: IndicatorLookup; paragraphs?: boolean };

export interface CorpusDatabase {
  /** Where it is, for people: the database and schema, without a password. */
  readonly label: string;
  load(need: CorpusNeed): Promise<Corpus>;
  /** A report's original file, byte for byte; undefined when there is no such report. */
  originalFile(id: string): Promise<{ bytes: Uint8Array; hash: string } | undefined>;
}

// ── Evidence for a question (built by retrieval/evidence, answered by the server) ──
/** One earlier turn of a conversation, for follow-ups (那卫东区呢？). */
export interface ConversationTurn {
  role: 'user' | 'assistant';
  content: string;
}

/** One numbered source the answer may cite: a whole paragraph. */
export interface Evidence {
  /** The [n] an answer uses to cite this paragraph. */
  marker: number;
  paragraphId: string;
  reportId: string;
  place: string;
  /** Year the report was delivered. */
  year: number;
  /** Section path joined with " › " (封面 for the cover). */
  section: string;
  /** The paragraph's full text, in simplified characters (what answers are checked against). */
  text: string;
  /** The part of the report the paragraph is in (review, plan, cover, other). */
  part?: Paragraph['part'];
  /** The text as written when it differs (traditional script): what the user is shown. Same offsets. */
  original?: string;
  /** PDF reports: the page the paragraph starts on. */
  page?: number;
  /** The passage that matched, within `text`. */
  passage: Span;
  /** Sentences of `text` that matched the question. */
  matched: Span[];
  /** Indicator rows whose figure lies in this paragraph and fits the question. */
  rows: IndicatorRow[];
  /** Quantity records in this paragraph that answer a figure question no indicator row answers. */
  quantities?: QuantityRecord[];
  /** Items of an enumeration in this paragraph's running text that answer a list question, with its intro. */
  list?: { intro: string; items: (Span & { text: string })[] };
  report: ReportMeta;
}
