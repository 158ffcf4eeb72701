// Loads the report corpus: ingests every report file (built-in seeds/, the
// reports folder of added reports, further files), extracts indicator tables,
// and builds (or loads from cache) the search index. A file that cannot be read
// or parsed is reported with its name and why; the others still load.
// Ingested reports and indicator rows are cached too, keyed by the report bytes
// (hashed at every start), their sidecar metadata and the ingestion code.
// While serving, single reports are added and removed in place (addReport,
// removeReport): the index and tables change by that report only.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULTS, INDEX_FORMAT_VERSION } from '../defaults.js';
import { lookupIndicators } from '../indicators/lookupIndicators.js';
import type { Corpus, IndexBackend, IndicatorRow, IngestedReport, LoadError, Paragraph, Passage, QuantityRecord, Report, ReportOrigin, SearchIndex, Tokenizer } from '../types.js';
import type { IngestSource } from '../ingest/ingestReport.js';
import { textFingerprint } from '../ingest/textFingerprint.js';
import { describeFileError } from '../storage/describeFileError.js';
import { contentHash, ingestFile } from './ingestFile.js';
import { corpusCacheFile, ingestCodeHash, readCorpusCache, writeCorpusCache, type IngestedCorpus } from '../index/corpusCache.js';
import { cacheFile, readIndexCache, UnknownIndexVersionError, writeIndexCache } from '../index/indexCache.js';
import { cacheSlotDir, markCacheSlot, pruneCaches } from '../index/pruneCaches.js';
import { miniSearchBackend } from '../index/miniSearchBackend.js';
import { listReportFiles, reportIdOf, sizeLimitFor } from './reportFiles.js';
import { searchCorpus } from '../evidence/searchCorpus.js';
import { createTokenizer } from '../tokenize/createTokenizer.js';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface LoadCorpusOptions {
  /** Folder of built-in reports; default: seeds/. Pass null to load only the others. */
  dir?: string | null;
  /**
   * Folder of added reports (any supported format, with `<id>.meta.json` sidecars);
   * default none. npm start and the CLIs pass REPORTS_DIR (corpusOptionsFromEnv).
   */
  reportsDir?: string | null;
  /** Further report files. */
  files?: string[];
  /** In-memory reports (benchmarks, tests). */
  sources?: IngestSource[];
  tokenizer?: Tokenizer;
  backend?: IndexBackend;
  /** Cache folder for the index and the ingested reports; false disables caching. Default: .cache/ in the project root. */
  cacheDir?: string | false;
}

interface Entry extends IngestSource {
  origin: ReportOrigin;
}

export async function loadCorpus(options: LoadCorpusOptions = {}): Promise<Corpus> {
  const t0 = performance.now();
  const errors: LoadError[] = [];
  const entries: Entry[] = (options.sources ?? []).map((s) => ({ ...s, origin: 'builtin' as const }));
  const dir = options.dir === undefined ? join(PROJECT_ROOT, DEFAULTS.seedsDir) : options.dir;
  const folders: [string, ReportOrigin][] = [];
  if (dir) folders.push([dir, 'builtin']);
  if (options.reportsDir) folders.push([options.reportsDir, 'added']);
  for (const [folder, origin] of folders) {
    // A reports folder that does not exist yet simply holds no reports.
    if (origin === 'added' && !existsDir(folder)) continue;
    const listed = listReportFiles(folder, { sidecars: origin === 'added' });
    errors.push(...listed.errors);
    for (const f of listed.files) entries.push({ id: f.id, sourceFile: f.sourceFile, bytes: f.bytes, overrides: f.overrides, origin });
  }
  for (const file of options.files ?? []) {
    const path = resolve(file);
    try {
      const size = statSync(path).size;
      const limit = sizeLimitFor(path);
      if (size > limit) throw new Error(`文件过大（${size} 字节，上限 ${limit}）`);
      entries.push({ id: reportIdOf(path), sourceFile: basename(path), bytes: readFileSync(path), origin: 'builtin' });
    } catch (e) {
      const reason = (e as NodeJS.ErrnoException).code ? describeFileError(e, basename(path)) : (e as Error).message;
      errors.push({ file: basename(path), reason });
    }
  }

  const cacheRoot = options.cacheDir === undefined ? join(PROJECT_ROOT, DEFAULTS.cacheDir) : options.cacheDir;
  // Each corpus location has its own cache folder, pruned to the current caches after loading (pruneCaches.ts).
  const location = { dir, reportsDir: options.reportsDir, files: options.files, sources: options.sources?.map((s) => s.id) };
  const cacheDir = cacheRoot ? cacheSlotDir(cacheRoot, location) : false;
  if (cacheDir) {
    try {
      markCacheSlot(cacheDir, location);
    } catch (e) {
      console.warn(`cache folder not usable: ${(e as Error).message}`);
    }
  }
  const code = cacheDir ? ingestCodeHash() : null;
  const key = cacheDir && code ? sourcesKey(entries, code) : undefined;
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
    ingested = await ingestAll(entries, timing);
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
  // The first entry of an id is the one that loaded (ingestAll refuses later duplicates).
  const byId = new Map<string, Entry>();
  for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e);
  const origins = new Map<string, ReportOrigin>();
  const contentHashes = new Map<string, string>();
  for (const r of reports) {
    const entry = byId.get(r.meta.id)!;
    origins.set(r.meta.id, entry.origin);
    contentHashes.set(r.meta.id, contentHash(entry.bytes));
  }

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
  if (cacheRoot && cacheDir) {
    await pruneCaches(cacheRoot, cacheDir, [...(key ? [corpusCacheFile(cacheDir, key)] : []), cacheFile(cacheDir, hash)]).catch((e: unknown) =>
      console.warn(`old caches not removed: ${(e as Error).message}`),
    );
  }

  const corpus: Corpus = {
    reports,
    origins,
    contentHashes,
    findSameText: (paragraphs) => {
      const wanted = textFingerprint(paragraphs);
      return corpus.reports.find((r) => fingerprintOf(r) === wanted)?.meta.id;
    },
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
    addReport: (r, origin, fileHash) => addReport(corpus, r, origin, fileHash),
    removeReport: (id) => removeReport(corpus, id),
  };
  return corpus;
}

/** Each loaded report's text fingerprint, taken when first asked for; a re-ingested report is a new object. */
const fingerprints = new WeakMap<Report, string>();
function fingerprintOf(r: Report): string {
  let f = fingerprints.get(r);
  if (f === undefined) fingerprints.set(r, (f = textFingerprint(r.paragraphs)));
  return f;
}

function existsDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function addReport(corpus: Corpus, ingested: IngestedReport, origin: ReportOrigin, fileHash: string): void {
  const id = ingested.report.meta.id;
  if (corpus.reportById.has(id)) removeReport(corpus, id);
  corpus.index.add(ingested.report.passages);
  publish(corpus, ingested, origin, fileHash);
}

function removeReport(corpus: Corpus, id: string): boolean {
  const report = corpus.reportById.get(id);
  if (!report) return false;
  corpus.index.remove(report.passages);
  unpublish(corpus, report);
  return true;
}

/**
 * addReport for a server that keeps answering meanwhile: indexing a long report at once
 * holds the loop for half a second, so its passages go in a slice at a time
 * (DEFAULTS.indexSlicePassages), other requests running between slices. The report is in
 * the maps before its first slice, so a search that meets one of its passages finds its
 * paragraph; it ranks in full once the last slice is in. A failure undoes the slices in.
 */
export async function addReportGradually(corpus: Corpus, ingested: IngestedReport, origin: ReportOrigin, fileHash: string): Promise<void> {
  const id = ingested.report.meta.id;
  if (corpus.reportById.has(id)) await removeReportGradually(corpus, id);
  const passages = ingested.report.passages;
  publish(corpus, ingested, origin, fileHash);
  try {
    await inSlices(passages, (slice) => corpus.index.add(slice));
  } catch (e) {
    if (e instanceof SliceError) corpus.index.remove(passages.slice(0, e.done));
    unpublish(corpus, ingested.report);
    throw e instanceof SliceError ? e.cause : e;
  }
}

/** removeReport a slice at a time: the report stays in the maps until its last passage is out of the index. */
export async function removeReportGradually(corpus: Corpus, id: string): Promise<boolean> {
  const report = corpus.reportById.get(id);
  if (!report) return false;
  try {
    await inSlices(report.passages, (slice) => corpus.index.remove(slice));
  } catch (e) {
    if (e instanceof SliceError) corpus.index.add(report.passages.slice(0, e.done));
    throw e instanceof SliceError ? e.cause : e;
  }
  unpublish(corpus, report);
  return true;
}

/** A slice failed after `done` items had gone through. */
class SliceError extends Error {
  constructor(
    readonly done: number,
    override readonly cause: unknown,
  ) {
    super('slice failed');
  }
}

/** Runs `step` over `items` a slice at a time, yielding to other work between slices. */
async function inSlices<T>(items: T[], step: (slice: T[]) => void): Promise<void> {
  let done = 0;
  while (done < items.length) {
    const slice = items.slice(done, done + DEFAULTS.indexSlicePassages);
    try {
      step(slice);
    } catch (cause) {
      throw new SliceError(done, cause);
    }
    done += slice.length;
    if (done < items.length) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The report in the corpus's maps and tables (its passages are indexed separately). */
function publish(corpus: Corpus, { report, indicators, quantities }: IngestedReport, origin: ReportOrigin, fileHash: string): void {
  const id = report.meta.id;
  corpus.reports = [...corpus.reports, report];
  corpus.reportById.set(id, report);
  for (const p of report.paragraphs) corpus.paragraphById.set(p.id, p);
  for (const p of report.passages) corpus.passageById.set(p.id, p);
  corpus.indicators = [...corpus.indicators, ...indicators];
  corpus.quantities = [...corpus.quantities, ...quantities];
  corpus.origins.set(id, origin);
  corpus.contentHashes.set(id, fileHash);
  corpus.hash = mutatedHash(corpus.hash, `+${id}:${fileHash}`);
}

function unpublish(corpus: Corpus, report: Report): void {
  const id = report.meta.id;
  corpus.reports = corpus.reports.filter((r) => r !== report);
  corpus.reportById.delete(id);
  for (const p of report.paragraphs) corpus.paragraphById.delete(p.id);
  for (const p of report.passages) corpus.passageById.delete(p.id);
  corpus.indicators = corpus.indicators.filter((r) => r.reportId !== id);
  corpus.quantities = corpus.quantities.filter((q) => q.reportId !== id);
  corpus.origins.delete(id);
  corpus.contentHashes.delete(id);
  corpus.hash = mutatedHash(corpus.hash, `-${id}`);
}

/** A changed corpus gets a new hash; caches written at start stay keyed by what was on disk then. */
function mutatedHash(previous: string, change: string): string {
  return createHash('sha256').update(previous).update(change).digest('hex');
}

/** The corpus cache key: every source (id, file name, bytes, given text and metadata) and the ingestion code. */
function sourcesKey(sources: Entry[], code: string): string {
  const hasher = createHash('sha256').update(`corpus:${INDEX_FORMAT_VERSION}:${code}`);
  for (const src of sources) {
    hasher.update(`\u0000${src.id}\u0000${src.sourceFile}\u0000${src.bytes.length}\u0000`).update(src.bytes);
    if (src.text !== undefined) hasher.update(`\u0000text\u0000${src.format ?? ''}\u0000`).update(src.text);
    if (src.overrides) hasher.update(`\u0000meta\u0000${JSON.stringify(src.overrides)}`);
  }
  return hasher.digest('hex');
}

/**
 * Ingests every source and extracts its indicator rows; a duplicate id, a copy of a report
 * already loaded (the same bytes, or the same text in another format) or a bad file becomes an error.
 */
async function ingestAll(sources: Entry[], timing: { quantitiesMs: number; indicatorsMs: number }): Promise<IngestedCorpus> {
  const errors: LoadError[] = [];
  const reports: Report[] = [];
  const indicators: IndicatorRow[] = [];
  const quantities: QuantityRecord[] = [];
  const seen = new Set<string>();
  // The same file under another name (a copy, a re-download) is one report, not two in the index;
  // so is the same text in another format (.txt, .docx, .pdf of one report), found once ingested.
  const byContent = new Map<string, string>();
  const byText = new Map<string, string>();
  // The ingestion code is part of the corpus hash: the index cached for it holds the passages that code made.
  const hasher = createHash('sha256').update(`format:${INDEX_FORMAT_VERSION}:${ingestCodeHash() ?? ''}`);
  for (const src of sources) {
    if (seen.has(src.id)) {
      errors.push({ file: src.sourceFile, reason: `报告编号 ${src.id} 重复，已忽略` });
      continue;
    }
    const content = createHash('sha256').update(src.text ?? '').update(src.bytes).digest('hex');
    const twin = byContent.get(content);
    if (twin) {
      errors.push({ file: src.sourceFile, reason: `与报告 ${twin} 内容相同，已忽略` });
      continue;
    }
    try {
      const one = await ingestFile(src, timing);
      const text = textFingerprint(one.report.paragraphs);
      const sameText = byText.get(text);
      if (sameText) {
        errors.push({ file: src.sourceFile, reason: `与报告 ${sameText} 文字相同（同一份报告的另一个文件），已忽略` });
        continue;
      }
      byText.set(text, src.id);
      reports.push(one.report);
      indicators.push(...one.indicators);
      for (const q of one.quantities) quantities.push(q);
      seen.add(src.id);
      byContent.set(content, src.id);
      hasher.update(`\u0000${src.id}\u0000`).update(src.bytes);
    } catch (e) {
      errors.push({ file: src.sourceFile, reason: (e as Error).message });
    }
  }
  return { hash: hasher.digest('hex'), reports, indicators, quantities, errors };
}
