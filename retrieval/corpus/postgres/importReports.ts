// Report files into the database, each once by content hash: the built-in seeds/
// and the reports folder at every start (a start reads and hashes the files, and
// ingests only new ones), a folder by npm run db:load. Files go in listing order, so
// the corpus order is the in-memory loader's. What cannot be loaded is kept in
// load_errors with why; a file imported before and deleted since through the API is
// not brought back.
import { readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type pg from 'pg';
import { DEFAULTS } from '../../defaults.js';
import type { IngestSource } from '../../ingest/ingestReport.js';
import type { LoadError, ReportOrigin, Tokenizer } from '../../types.js';
import { PROJECT_ROOT } from '../loadCorpus.js';
import { contentHash } from '../ingestFile.js';
import { listReportFiles, reportIdOf, sizeLimitFor } from '../reportFiles.js';
import { inTransaction, lockWriters, type Database } from './connectDatabase.js';
import { prepareReport, type PreparedReport, type ReportSource } from './prepareReport.js';
import { StatsChange } from './corpusStats.js';
import { ReportRefused, storeReport } from './storeReport.js';

export interface ImportPlan {
  /** Built-in reports; default seeds/; null for none. */
  seedsDir?: string | null;
  /** The reports folder (REPORTS_DIR), with its sidecars. */
  reportsDir?: string | null;
  /** Further files, built in (the evals' corpora). */
  files?: string[];
}

export interface ImportEntry extends IngestSource {
  origin: ReportOrigin;
  source: ReportSource;
  fileHash: string;
}

export interface ImportResult {
  added: number;
  skipped: number;
  errors: LoadError[];
}

export interface ImportOptions {
  log?: (message: string) => void;
  /** Ingests entries, in any order; default one after another in this thread. */
  prepare?: (entries: ImportEntry[], onPrepared: (entry: ImportEntry, prepared: PreparedReport | Error) => Promise<void>) => Promise<void>;
  /** Reports per transaction. */
  batch?: number;
  /** Called after each committed batch with the number of files done so far. */
  progress?: (done: number, total: number) => void;
  /**
   * A new version of a file imported before under the same id replaces it (seeds/ and the reports
   * folder at start: the file was edited). Otherwise the id is taken and the file refused.
   */
  replaceSameSource?: boolean;
}

/** The files of a plan, in the in-memory loader's order, with read errors. */
export function importEntries(plan: ImportPlan): { entries: ImportEntry[]; errors: { source: ReportSource; error: LoadError }[] } {
  const entries: ImportEntry[] = [];
  const errors: { source: ReportSource; error: LoadError }[] = [];
  const seeds = plan.seedsDir === undefined ? join(PROJECT_ROOT, DEFAULTS.seedsDir) : plan.seedsDir;
  const folders: [string, ReportOrigin, ReportSource][] = [];
  if (seeds) folders.push([seeds, 'builtin', 'seeds']);
  if (plan.reportsDir && isDir(plan.reportsDir)) folders.push([plan.reportsDir, 'added', 'reports-dir']);
  for (const [folder, origin, source] of folders) {
    const listed = listReportFiles(folder, { sidecars: origin === 'added' });
    for (const error of listed.errors) errors.push({ source, error });
    for (const f of listed.files) entries.push({ id: f.id, sourceFile: f.sourceFile, bytes: f.bytes, overrides: f.overrides, origin, source, fileHash: contentHash(f.bytes) });
  }
  for (const file of plan.files ?? []) {
    const path = resolve(file);
    try {
      const size = statSync(path).size;
      const limit = sizeLimitFor(path);
      if (size > limit) throw new Error(`文件过大（${size} 字节，上限 ${limit}）`);
      const bytes = readFileSync(path);
      entries.push({ id: reportIdOf(path), sourceFile: basename(path), bytes, origin: 'builtin', source: 'files', fileHash: contentHash(bytes) });
    } catch (e) {
      errors.push({ source: 'files', error: { file: basename(path), reason: (e as Error).message } });
    }
  }
  return { entries, errors };
}

export async function importReports(db: Database, plan: ImportPlan, tokenizer: Tokenizer, options: ImportOptions = {}): Promise<ImportResult> {
  const { entries, errors } = importEntries(plan);
  const result = await importFiles(db, entries, errors, tokenizer, { ...options, replaceSameSource: true });
  // This run's errors replace the last run's, source by source.
  const sources = new Set<ReportSource>();
  if (plan.seedsDir !== null) sources.add('seeds');
  if (plan.reportsDir) sources.add('reports-dir');
  if (plan.files?.length) sources.add('files');
  await recordLoadErrors(db, [...sources], result.errors);
  if (result.errors.length) options.log?.(`${result.errors.length} file(s) could not be loaded (GET /api/reports lists them)`);
  return { ...result, errors: result.errors.map((e) => e.error) };
}

/** Replaces the load errors of `sources` with `errors`. */
export async function recordLoadErrors(db: Database, sources: ReportSource[], errors: { source: ReportSource; error: LoadError }[]): Promise<void> {
  await inTransaction(db, async (client) => {
    await client.query('DELETE FROM load_errors WHERE source = ANY($1)', [sources]);
    for (const { source, error } of errors) {
      await client.query('INSERT INTO load_errors (source, file, reason) VALUES ($1, $2, $3) ON CONFLICT (source, file) DO UPDATE SET reason = excluded.reason, at = now()', [
        source,
        error.file,
        error.reason,
      ]);
    }
  });
}

/** Imports `entries` not imported before; `readErrors` are files that could not even be read. */
export async function importFiles(
  db: Database,
  entries: ImportEntry[],
  readErrors: { source: ReportSource; error: LoadError }[],
  tokenizer: Tokenizer,
  options: ImportOptions = {},
): Promise<{ added: number; skipped: number; errors: { source: ReportSource; error: LoadError }[] }> {
  const { rows } = await db.pool.query<{ file_hash: string }>('SELECT file_hash FROM imported_files WHERE file_hash = ANY($1)', [entries.map((e) => e.fileHash)]);
  const known = new Set(rows.map((r) => r.file_hash));
  // One id, and one file, once per run: a.txt beside a.pdf, or a copy under another name, is
  // refused as the in-memory loader refuses it.
  const ids = new Set<string>();
  const firstOf = new Map<string, string>();
  const errors = [...readErrors];
  const todo: ImportEntry[] = [];
  for (const e of entries) {
    const twin = firstOf.get(e.fileHash);
    if (ids.has(e.id)) errors.push({ source: e.source, error: { file: e.sourceFile, reason: `报告编号 ${e.id} 重复，已忽略` } });
    else if (twin !== undefined) errors.push({ source: e.source, error: { file: e.sourceFile, reason: `与报告 ${twin} 内容相同，已忽略` } });
    else {
      ids.add(e.id);
      firstOf.set(e.fileHash, e.id);
      if (!known.has(e.fileHash)) todo.push(e);
    }
  }
  let added = 0;
  let done = entries.length - todo.length;
  const batchSize = options.batch ?? 1;
  const ready = new Map<ImportEntry, PreparedReport | Error>();
  let next = 0;
  // Committed in listing order whatever order they were ingested in.
  const flush = async (force: boolean) => {
    while (next < todo.length) {
      const slice: [ImportEntry, PreparedReport | Error][] = [];
      for (let i = next; i < todo.length && slice.length < batchSize && ready.has(todo[i]); i++) slice.push([todo[i], ready.get(todo[i])!]);
      const complete = slice.length === batchSize || next + slice.length === todo.length;
      if (slice.length === 0 || (!complete && !force)) return;
      await inTransaction(db, async (client) => {
        await lockWriters(client, db);
        const stats = new StatsChange();
        for (const [entry, prepared] of slice) {
          if (prepared instanceof Error) {
            errors.push({ source: entry.source, error: { file: entry.sourceFile, reason: prepared.message } });
            continue;
          }
          const outcome = await storeOne(client, db, entry, prepared, options.replaceSameSource === true, stats);
          if (outcome === true) added++;
          else if (outcome) errors.push({ source: entry.source, error: { file: entry.sourceFile, reason: outcome } });
        }
        await stats.apply(client);
      });
      for (const [entry] of slice) ready.delete(entry);
      next += slice.length;
      done += slice.length;
      options.progress?.(done, entries.length);
    }
  };
  const prepare =
    options.prepare ??
    (async (list, onPrepared) => {
      for (const e of list) {
        let prepared: PreparedReport | Error;
        try {
          prepared = await prepareReport(e, tokenizer);
        } catch (err) {
          prepared = err as Error;
        }
        await onPrepared(e, prepared);
      }
    });
  // One batch at a time, whatever order preparation finishes in.
  let flushing = Promise.resolve();
  const flushInTurn = (force: boolean) => (flushing = flushing.then(() => flush(force)));
  await prepare(todo, async (entry, prepared) => {
    ready.set(entry, prepared);
    await flushInTurn(false);
  });
  await flushInTurn(true);
  options.progress?.(done, entries.length);
  return { added, skipped: entries.length - todo.length, errors };
}

/** True when stored; a reason when refused; undefined when another process stored it meanwhile. */
async function storeOne(client: pg.PoolClient, db: Database, entry: ImportEntry, prepared: PreparedReport, replaceSameSource: boolean, stats: StatsChange): Promise<true | string | undefined> {
  const again = await client.query('SELECT 1 FROM imported_files WHERE file_hash = $1', [entry.fileHash]);
  if (again.rowCount) return undefined;
  // Refusals are found before anything is written (storeReport checks first), so the gathered
  // statistics never hold a refused report.
  await client.query('SAVEPOINT one_report');
  try {
    await storeReport(client, db, prepared, { origin: entry.origin, source: entry.source }, { replaceSameSource, imported: { file: entry.sourceFile }, stats });
    await client.query('RELEASE SAVEPOINT one_report');
    return true;
  } catch (e) {
    await client.query('ROLLBACK TO SAVEPOINT one_report');
    if (e instanceof ReportRefused) return e.message;
    throw e;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
