// Every tunable default of the product, in one place, each with why: retrieval first,
// then the evidence a question gets, then the answer side (composers, model, checks) and
// the server. Imports nothing, so the browser reads the same limits (question length).

export const DEFAULTS = {
  /** Built-in corpus folder, relative to the project root. */
  seedsDir: 'seeds',
  /** Index cache folder, relative to the project root (git-ignored). */
  cacheDir: '.cache',
  /** Files bigger than this are refused: the largest real report is ~50 KB; 5 MB is clearly not one. */
  maxReportBytes: 5 * 1024 * 1024,
  /**
   * Largest file added through the API or the reports folder. PDF and Word reports carry
   * fonts and images: real ones are 0.2–15 MB. 25 MB keeps a request bounded in memory.
   */
  maxUploadBytes: 25 * 1024 * 1024,
  /**
   * A .docx is a ZIP: refused when its parts would inflate past this (a zip bomb). Word
   * reports with photos inflate to tens of MB; 300 MB is far beyond one and bounded in memory.
   */
  maxDocxInflatedBytes: 300 * 1024 * 1024,
  /**
   * …or when one part inflates to more than this many times its compressed size, counted as it
   * inflates (the sizes a ZIP declares can lie). Word's XML compresses 5–20×; 100× is the bound
   * Apache POI has used against zip bombs for years (its minimum inflate ratio 0.01). Parts
   * under `docxRatioGraceBytes` are exempt: a small part of repeated markup may compress better.
   */
  maxDocxInflateRatio: 100,
  docxRatioGraceBytes: 1024 * 1024,
  /** …or hold more parts than this (a real .docx has a few dozen, a few hundred with images). */
  maxDocxEntries: 5000,
  /**
   * A report id (made from an uploaded file's name) keeps at most this many characters, cut
   * between characters (code points), never inside one: half of a surrogate pair cannot be
   * encoded in a URL or a file name, so such an id could be neither opened nor deleted.
   */
  maxReportIdChars: 64,
  /**
   * …and at most this many UTF-8 bytes: file names are limited to 255 bytes, and the id's file
   * also carries an extension, a -2 suffix, .meta.json or a temp-file prefix and suffix.
   */
  maxReportIdBytes: 150,
  /**
   * A file whose text is longer than this is not one report: the longest real reports run to
   * about 30,000 characters. The bound keeps what one upload asks of the server (memory, the
   * copy of the result from the worker, indexing) within ten times a real report's.
   */
  maxReportChars: 300_000,
  /**
   * Uploads are read and ingested in worker threads (retrieval/worker/ingestPool.ts), so the
   * server keeps answering while a file is parsed. Each file gets a budget:
   */
  ingestWorkers: {
    /** Wall time for reading and ingesting one file; a real report takes well under 5 s. 422 past it. */
    timeMs: 60_000,
    /** JS heap of one worker; ingesting a real report needs well under 100 MB. 413 past it. */
    heapMb: 512,
    /** Files read at once, at most; one core is always left to the server's own loop. */
    maxThreads: 2,
    /** Uploads waiting for a thread, at most: each holds its file (≤ 25 MB) in memory. 503 past it. */
    queue: 8,
    /**
     * Threads kept ready while idle: starting one takes about a second of CPU (loading the
     * readers), which would otherwise be spent at the moment an upload arrives.
     */
    warm: 1,
    /** A worker beyond the warm ones exits after being idle this long. */
    idleMs: 30_000,
  },
  /**
   * A report added while serving is indexed this many passages at a time, other requests
   * running between slices: indexing a long report at once holds the loop for half a second.
   */
  indexSlicePassages: 32,
  /** Added reports' folder, relative to the project root (git-ignored); REPORTS_DIR overrides. */
  reportsDir: 'data/reports',
  /** Rebuilding paragraphs from a PDF's layout (retrieval/ingest/readers/pdfLayout.ts). */
  pdf: {
    /** Two runs are on one line when their baselines differ by less than this share of the glyph height. */
    sameLineFraction: 0.5,
    /** Lines at each page's top and bottom examined as possible running headers, footers, page numbers. */
    edgeLines: 2,
    /** A top/bottom line repeated (digits aside) on this share of pages is a running header or footer. */
    runningLineShare: 0.4,
    /** A line ending within this many glyph widths of the right margin is full: its paragraph goes on. */
    fullLineSlackEm: 2,
    /** A line starting this many glyph widths right of the left margin is a first line (首行缩进 is 2). */
    indentEm: 0.8,
    /** A vertical gap over this many usual line steps separates paragraphs. */
    paragraphGapSteps: 1.8,
    /** Fewer extracted characters than this per page: the pages are images (a scan), not text. */
    minCharsPerPage: 20,
  },
  /** A paragraph up to this many characters is one passage; BM25 on short units ranks precise hits higher. */
  passageTargetChars: 220,
  /** Never let a passage grow past this when packing sentences (a single longer sentence stays whole). */
  passageMaxChars: 360,
  /** Results returned by search() unless k is given. */
  k: 5,
  /**
   * The longest question, in characters: the API and the chat box refuse longer ones, and search
   * cuts anything longer before tokenising (longer text only dilutes BM25 and costs time).
   */
  maxQuestionChars: 1000,
  /** A first sentence at most this long, ending in 。, is a paragraph's lead (e.g. 深化“万人助万企”。). */
  leadMaxChars: 24,
  /** BM25 field boosts: lead sentences and section titles say what a paragraph is about. */
  boosts: { text: 1, lead: 2, sectionTitle: 1.5 },
  /** MiniSearch BM25 parameters (its own defaults, stated so a reader need not look them up). */
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  /**
   * Score multiplier for a passage in the part of its report that fits the question's year:
   * the review (一、2023年工作回顾) for an outcome, the plan for a target. A 2024 report
   * speaks of 科技创新 in both; "2023年取得了哪些成果" wants the review.
   */
  sectionRoleBoost: 1.5,
  /**
   * Score multiplier for cover lines (title, delivery line, speaker) on questions about the
   * report itself: a body paragraph that says 区长 or 会议 is never the answer to 谁作的报告.
   */
  coverMetaBoost: 3,
  /** Score multiplier for a passage holding an indicator row that matches the parsed query. */
  indicatorMatchBoost: 2.5,
  /**
   * Catalogs whose place names query understanding keeps derived (placeNames.ts): deriving
   * them costs ~1 ms per question at 1,000 reports; a process sees one catalog, tests a few.
   */
  queryCatalogMemo: 4,
  /** What one question's evidence holds (retrieval/evidence). */
  evidence: {
    /** Numbered sources given to an answerer: enough for comparisons and lists, small enough for a prompt. */
    maxItems: 8,
    /** …but a list question gets every heading of its list (the genre's lists run to a dozen or so: 十二大工程). */
    maxListItems: 20,
    /** Search hits added after the structured evidence (figures, cover, lists). */
    searchK: 5,
    /** Above this many candidate reports, figure records are looked up only in the reports search found. */
    figureScopeReports: 8,
    /** Share of an ask's content weight the best quantity record must cover to answer it. Set on the development set. */
    minFigureCoverage: 0.6,
    /** Share of a list question's content weight an enumeration must cover. Set on the development set. */
    minListCoverage: 0.6,
  },
  /** The answer side (server/answer). */
  answer: {
    /** Offline quotes for descriptive questions (offline/composeQuoteAnswer.ts). */
    quote: {
      /** At most this many quoted windows. */
      maxSnippets: 3,
      /** A window grows clause by clause up to this many characters. */
      maxSnippetChars: 110,
      /** Share of the question's content weight the best window must cover, else no answer: a weak match is worse than saying so. */
      minCoverage: 0.5,
      /** Score added to windows from the part of the report that fits the question's year. */
      roleBonus: 2,
      /** Further windows must score at least this share of the best one. */
      keepRatio: 0.6,
    },
    /** The model answerer (llm/). */
    llm: {
      /** Give up on the model after this long and answer offline (LLM_TIMEOUT_MS overrides). */
      timeoutMs: 30_000,
      /** Deterministic by default: the same evidence should give the same answer (LLM_TEMPERATURE overrides). */
      temperature: 0,
      /** Paragraphs longer than this are excerpted around the matched passage in the prompt. */
      maxParagraphChars: 1200,
      /**
       * Reasoning read before giving up (a <think> block, or the unopened text of a model known
       * to reason, which may end in </think>). Reasoning models think a few thousand characters
       * over one question and its sources; past this they are looping, and the answer is
       * treated as too long.
       */
      maxReasoningChars: 16_000,
      /**
       * Bytes of one HTTP reply read at most (server-sent events or one JSON completion, CJK
       * possibly escaped as \uXXXX at 6 bytes a character, with reasoning fields). Streamed
       * token by token, an answer at the length bound and its reasoning take a few MB of
       * events; this bound keeps a reply that never ends from filling memory.
       */
      maxReplyBytes: 8 * 1024 * 1024,
      /** Previous turns (single user or assistant messages) kept as history. */
      maxHistoryTurns: 6,
      /** A history turn longer than this is cut (answers can be long; the question matters most). */
      maxHistoryTurnChars: 1500,
    },
    /** A refusal names the places the reports cover up to this many, then says how many there are (a national corpus has thousands). */
    coveragePlaces: 30,
    /**
     * The longest answer read from a model, in characters (after reasoning is dropped). Answers
     * are a few sentences or a comparison table: the longest offline answer on the question sets
     * is ~500 characters, a model's Markdown table of several places and years a few thousand.
     * Past this the model is looping or padding: reading stops, the upstream call is cancelled
     * and the offline answer stands in. 8,000 is several times any real answer and is verified
     * in milliseconds; without a bound one answer padded to megabytes held the server for seconds.
     */
    maxAnswerChars: 8_000,
    /** A citation range wider than this is not a citation (a model listing [1-200] cites nothing). */
    maxMarkerRange: 20,
    /** Subjects of clauses memoised by citation checks: the same paragraphs come back request after request. */
    subjectMemo: 20_000,
  },
  /** The corpus in PostgreSQL (DATABASE_URL; retrieval/corpus/postgres). */
  database: {
    /** Connections per server process: a question holds one for a few ms, so 10 keep 64 clients busy on 2 cores. */
    poolSize: 10,
    /** Whole reports a server keeps in memory (about 0.5 MB each): questions about the same places reuse them. */
    cachedReports: 128,
    /** Corpus-wide document frequencies a server keeps (the words of the reports it has loaded); cleared when the corpus changes. */
    cachedTerms: 300_000,
    /**
     * A question that may be answered from more reports than this (one naming no place) is answered from
     * the reports holding its best search hits: each report of a question is loaded into memory for it.
     * Above the largest eval corpus (19 reports), so the eval sets are answered exactly as in memory.
     */
    maxWorkingSet: 24,
    /**
     * Candidate passages the corpus-wide search reads per round (the rarest words' first) before it
     * checks whether passages holding only its other words could still rank.
     */
    searchBatch: 1500,
    /**
     * At most this many candidates for one corpus-wide search: exact below it; above it (common words
     * over tens of thousands of passages) the passages holding the question's rarest words are ranked.
     * Each thousand costs the database ~30 ms at 10,000 reports on the 2-core machine of BENCHMARKS.md.
     */
    searchBudget: 1500,
    /** Working sets chosen by a corpus-wide search, kept for questions asked again (until the corpus changes). */
    cachedWideQuestions: 1000,
    /** Reports loaded for a question over more than maxWorkingSet reports: those of its best hits, as many as an answer can cite (evidence.maxItems). */
    hitReports: 8,
    /** Reports written per transaction by npm run db:load (a crash loses at most this many, and the next run redoes them). */
    loadBatch: 20,
    /** Changes kept in corpus_changes for servers catching up; one that fell further behind reloads the catalog. */
    keptChanges: 10_000,
  },
  /** The HTTP server (server/). */
  server: {
    /** Where to serve unless PORT says otherwise. */
    port: 8787,
    /** A question is ≤ maxQuestionChars and a history a few turns: 256 KB is generous and still bounded. */
    maxBodyBytes: 256 * 1024,
    /** Paragraphs shown around a cited one, each side. */
    paragraphNeighbours: 2,
    /** How long a graceful shutdown (SIGTERM) waits for requests in flight: an upload is read and written well within it. */
    shutdownGraceMs: 30_000,
  },
} as const;

/**
 * Bumped whenever ingestion or the index or report cache layout changes, so stale caches are
 * rebuilt, never misread. 2: compact MiniSearch snapshot (compactMiniSearch.ts), report cache.
 * 4: quantity records (retrieval/quantities) in the report cache. 5: `place` renamed `place`.
 * 6: ranges in records and rows (`upper`, a row's `written`).
 */
export const INDEX_FORMAT_VERSION = 6;
