// Loads the report corpus: ingests every report file, extracts indicator
// tables, and builds (or loads from cache) the search index. A file that cannot
// be read or parsed is reported with its name and why; the others still load.
// Ingested reports and indicator rows are cached too, keyed by the report bytes
// (hashed at every start) and the ingestion code.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULTS, INDEX_FORMAT_VERSION } from './defaults.js';
import { extractIndicators } from './indicators/extractIndicators.js';
import { lookupIndicators, type IndicatorLookup } from './indicators/lookupIndicators.js';
import { ingestReport, type IngestSource } from './ingest/ingestReport.js';
import { extractQuantities } from './quantities/extractQuantities.js';
import type { QuantityRecord } from './quantities/QuantityRecord.js';
import { ingestCodeHash, readCorpusCache, writeCorpusCache, type IngestedCorpus } from './index/corpusCache.js';
import { readIndexCache, UnknownIndexVersionError, writeIndexCache } from './index/indexCache.js';
import { miniSearchBackend } from './index/miniSearchBackend.js';
import type { IndexBackend, SearchIndex } from './index/SearchIndex.js';
import { searchCorpus, type SearchOptions } from './search.js';
import { createTokenizer } from './tokenize/createTokenizer.js';
import type { Tokenizer } from './tokenize/Tokenizer.js';
import type { IndicatorRow, LoadError, Paragraph, Passage, Report, SearchResult } from './types.js';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface LoadCorpusOptions {
  /** Folder of .txt reports; default: the built-in seeds/. Pass null to load only `files`/`sources`. */
  dir?: string | null;
  /** Further report files. */
  files?: string[];
  /** In-memory reports (benchmarks, tests). */
  sources?: IngestSource[];
  tokenizer?: Tokenizer;
  backend?: IndexBackend;
  /** Cache folder for the index and the ingested reports; false disables caching. Default: .cache/ in the project root. */
  cacheDir?: string | false;
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

export interface Corpus {
  reports: Report[];
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
}

export async function loadCorpus(options: LoadCorpusOptions = {}): Promise<Corpus> {
  const t0 = performance.now();
  const errors: LoadError[] = [];
  const sources: IngestSource[] = [...(options.sources ?? [])];
  const dir = options.dir === undefined ? join(PROJECT_ROOT, DEFAULTS.seedsDir) : options.dir;
  const paths: string[] = [];
  if (dir) {
    try {
      for (const name of readdirSync(dir).sort()) if (extname(name).toLowerCase() === '.txt') paths.push(join(dir, name));
    } catch (e) {
      errors.push({ file: dir, reason: `无法读取报告目录：${(e as Error).message}` });
    }
  }
  paths.push(...(options.files ?? []).map((f) => resolve(f)));
  for (const path of paths) {
    const id = basename(path, extname(path));
    try {
      const size = statSync(path).size;
      if (size > DEFAULTS.maxReportBytes) throw new Error(`文件过大（${size} 字节，上限 ${DEFAULTS.maxReportBytes}）`);
      sources.push({ id, sourceFile: basename(path), bytes: readFileSync(path) });
    } catch (e) {
      errors.push({ file: basename(path), reason: (e as Error).message });
    }
  }

  const cacheDir = options.cacheDir === undefined ? join(PROJECT_ROOT, DEFAULTS.cacheDir) : options.cacheDir;
  const code = cacheDir ? ingestCodeHash() : null;
  const key = cacheDir && code ? sourcesKey(sources, code) : undefined;
  let ingested: IngestedCorpus | undefined;
  if (cacheDir && key) {
    try {
      ingested = readCorpusCache(cacheDir, key);
    } catch (e) {
      if (!(e instanceof SyntaxError)) console.warn(`report cache ignored: ${(e as Error).message}`);
    }
  }
  const reportsFromCache = ingested !== undefined;
  const timing = { quantitiesMs: 0, indicatorsMs: 0 };
  if (!ingested) {
    ingested = ingestAll(sources, timing);
    if (cacheDir && key) {
      try {
        writeCorpusCache(cacheDir, key, ingested);
      } catch (e) {
        console.warn(`report cache not written: ${(e as Error).message}`);
      }
    }
  }
  const { reports, indicators, quantities, hash } = ingested;
  errors.push(...ingested.errors);

  const paragraphById = new Map<string, Paragraph>();
  const passageById = new Map<string, Passage>();
  for (const r of reports) {
    for (const p of r.paragraphs) paragraphById.set(p.id, p);
    for (const p of r.passages) passageById.set(p.id, p);
  }
  const ingestMs = performance.now() - t0;

  const t1 = performance.now();
  const tokenizer = options.tokenizer ?? createTokenizer();
  const backend = options.backend ?? miniSearchBackend;
  const tokenize = (text: string) => tokenizer.tokenize(text);
  let index: SearchIndex | undefined;
  if (cacheDir) {
    try {
      const snapshot = readIndexCache(cacheDir, hash, backend.name, tokenizer.name);
      if (snapshot !== undefined) index = backend.load(snapshot, tokenize);
    } catch (e) {
      // A stale or foreign cache is rebuilt; anything else unexpected is worth a line in the log.
      if (!(e instanceof UnknownIndexVersionError || e instanceof SyntaxError)) console.warn(`index cache ignored: ${(e as Error).message}`);
    }
  }
  const indexFromCache = index !== undefined;
  if (!index) {
    index = backend.build([...passageById.values()], tokenize);
    if (cacheDir) {
      try {
        writeIndexCache(cacheDir, { hash, backend: backend.name, tokenizer: tokenizer.name, snapshot: index.serialize() });
      } catch (e) {
        console.warn(`index cache not written: ${(e as Error).message}`);
      }
    }
  }
  const indexMs = performance.now() - t1;

  const corpus: Corpus = {
    reports,
    reportById: new Map(reports.map((r) => [r.meta.id, r])),
    paragraphById,
    passageById,
    indicators,
    quantities,
    errors,
    hash,
    tokenizer,
    index,
    stats: { ingestMs, ...timing, reportsFromCache, indexMs, indexFromCache },
    search: (question, opts) => searchCorpus(corpus, question, opts),
    lookupIndicators: (q) => lookupIndicators(corpus.indicators, q),
  };
  return corpus;
}

/** The corpus cache key: every source (id, file name, bytes) and the ingestion code. */
function sourcesKey(sources: IngestSource[], code: string): string {
  const hasher = createHash('sha256').update(`corpus:${INDEX_FORMAT_VERSION}:${code}`);
  for (const src of sources) hasher.update(`\u0000${src.id}\u0000${src.sourceFile}\u0000${src.bytes.length}\u0000`).update(src.bytes);
  return hasher.digest('hex');
}

/** Ingests every source and extracts its indicator rows; a duplicate id or a bad file becomes an error. */
function ingestAll(sources: IngestSource[], timing: { quantitiesMs: number; indicatorsMs: number }): IngestedCorpus {
  const errors: LoadError[] = [];
  const reports: Report[] = [];
  const seen = new Set<string>();
  const hasher = createHash('sha256').update(`format:${INDEX_FORMAT_VERSION}`);
  for (const src of sources) {
    if (seen.has(src.id)) {
      errors.push({ file: src.sourceFile, reason: `报告编号 ${src.id} 重复，已忽略` });
      continue;
    }
    try {
      reports.push(ingestReport(src));
      seen.add(src.id);
      hasher.update(`\u0000${src.id}\u0000`).update(src.bytes);
    } catch (e) {
      errors.push({ file: src.sourceFile, reason: (e as Error).message });
    }
  }
  const indicators: IndicatorRow[] = [];
  const quantities: QuantityRecord[] = [];
  for (const r of reports) {
    const t0 = performance.now();
    const own = extractQuantities({ meta: r.meta, paragraphs: r.paragraphs });
    const t1 = performance.now();
    timing.quantitiesMs += t1 - t0;
    for (const q of own) quantities.push(q);
    indicators.push(
      ...extractIndicators({
        reportId: r.meta.id,
        district: r.meta.district,
        reviewYear: r.meta.reviewYear,
        planYear: r.meta.planYear,
        paragraphs: r.paragraphs,
        quantities: own,
      }),
    );
    timing.indicatorsMs += performance.now() - t1;
  }
  return { hash: hasher.digest('hex'), reports, indicators, quantities, errors };
}
