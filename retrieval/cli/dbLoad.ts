// npm run db:load -- <folder> [--workers N] [--reingest]
// Loads every report file of a folder (any supported format, with <id>.meta.json
// sidecars) into the database DATABASE_URL names, with a progress line. Files are
// ingested in worker threads and written DEFAULTS.database.loadBatch per
// transaction; a file loaded before (same bytes) is skipped, so an interrupted load
// is resumed by running it again. --reingest first renews reports stored by other
// ingestion code. Servers running on the database see the new reports at once.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULTS } from '../defaults.js';
import { SIDECAR_SUFFIX, readSidecar, reportIdOf, sizeLimitFor } from '../corpus/reportFiles.js';
import { contentHash } from '../corpus/ingestFile.js';
import { isReportFile } from '../ingest/readers/readReportFile.js';
import { connectDatabase, databaseConfigFromEnv, redactUrl } from '../corpus/postgres/connectDatabase.js';
import { migrate } from '../corpus/postgres/migrate.js';
import { importFiles, recordLoadErrors, type ImportEntry } from '../corpus/postgres/importReports.js';
import { createPreparePool } from '../corpus/postgres/preparePool.js';
import type { PreparedReport } from '../corpus/postgres/prepareReport.js';
import { reingestStale } from '../corpus/postgres/reingestReports.js';
import { tokenizerFromEnv } from '../tokenize/tokenizerFromEnv.js';
import type { LoadError, Tokenizer } from '../types.js';
import { fail } from './cliCorpus.js';
import { progressLine } from './progressLine.js';

const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { workers: { type: 'string' }, reingest: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } } });
  } catch (e) {
    return fail(`参数错误：${(e as Error).message}`);
  }
})();
if (values.help || (positionals.length === 0 && !values.reingest)) {
  console.log('用法：DATABASE_URL=postgres://… npm run db:load -- <报告目录> [--workers N] [--reingest]');
  process.exit(values.help ? 0 : 2);
}
let config;
let tokenizer: Tokenizer;
try {
  config = databaseConfigFromEnv();
  tokenizer = tokenizerFromEnv();
} catch (e) {
  fail((e as Error).message, 1);
}
if (!config) fail('请设置 DATABASE_URL，如 DATABASE_URL=postgres://用户@localhost/reports npm run db:load -- data/reports');
const workers = values.workers ? Number(values.workers) : undefined;
if (workers !== undefined && (!Number.isInteger(workers) || workers < 1 || workers > 64)) fail('--workers 需为 1 到 64 的整数');

const db = connectDatabase(config, 2);
const started = performance.now();
try {
  await migrate(db);
  if (values.reingest) {
    const bar = progressLine('re-ingesting');
    const { done, failed } = await reingestStale(db, tokenizer, (d, t) => bar.update(d, t));
    bar.end();
    console.log(`re-ingested ${done} report(s)${failed.length ? `; ${failed.length} failed: ${failed.map((f) => `${f.id} (${f.reason})`).join('; ')}` : ''}`);
  }
  for (const folder of positionals) await loadFolder(resolve(folder));
} catch (e) {
  console.error(`\n无法载入：${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}

async function loadFolder(folder: string): Promise<void> {
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch (e) {
    throw new Error(`无法读取目录 ${folder}：${(e as Error).message}`);
  }
  const files = names.filter((n) => !n.startsWith('.') && !n.endsWith(SIDECAR_SUFFIX) && isReportFile(n));
  const errors: { source: 'load'; error: LoadError }[] = [];
  const pool = createPreparePool(workers);
  const bar = progressLine(`db:load ${folder}`);
  let added = 0;
  let skipped = 0;
  const batch = DEFAULTS.database.loadBatch;
  try {
    /** A batch of files read, with what the workers made of those not loaded before. */
    const prepareBatch = async (chunk: string[]) => {
      const entries: ImportEntry[] = [];
      for (const name of chunk) {
        try {
          const path = join(folder, name);
          const size = statSync(path).size;
          if (size > sizeLimitFor(name)) throw new Error(`文件过大（${size} 字节，上限 ${sizeLimitFor(name)}）`);
          const bytes = readFileSync(path);
          const id = reportIdOf(name);
          entries.push({ id, sourceFile: name, bytes, overrides: readSidecar(folder, id), origin: 'added', source: 'load', fileHash: contentHash(bytes) });
        } catch (e) {
          errors.push({ source: 'load', error: { file: name, reason: (e as Error).message } });
        }
      }
      const { rows } = await db.pool.query<{ file_hash: string }>('SELECT file_hash FROM imported_files WHERE file_hash = ANY($1)', [entries.map((e) => e.fileHash)]);
      const known = new Set(rows.map((r) => r.file_hash));
      const prepared = new Map<ImportEntry, PreparedReport | Error>();
      await Promise.all(entries.filter((e) => !known.has(e.fileHash)).map(async (e) => prepared.set(e, await pool.prepare(e))));
      return { entries, prepared };
    };
    const chunks: string[][] = [];
    for (let i = 0; i < files.length; i += batch) chunks.push(files.slice(i, i + batch));
    let done = 0;
    // The next batch is ingested while this one is written.
    let next = chunks.length ? prepareBatch(chunks[0]) : undefined;
    for (let i = 0; i < chunks.length; i++) {
      const { entries, prepared } = await next!;
      next = i + 1 < chunks.length ? prepareBatch(chunks[i + 1]) : undefined;
      const result = await importFiles(db, entries, [], tokenizer, {
        batch,
        prepare: async (list, onPrepared) => {
          for (const e of list) await onPrepared(e, prepared.get(e) ?? new Error('not prepared'));
        },
      });
      added += result.added;
      skipped += result.skipped;
      errors.push(...result.errors.map((e) => ({ source: 'load' as const, error: e.error })));
      done += chunks[i].length;
      bar.update(done, files.length);
    }
    bar.update(files.length, files.length);
  } finally {
    bar.end();
    await pool.close();
  }
  await recordLoadErrors(db, ['load'], errors);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${folder}: ${added} report(s) added, ${skipped} loaded before, ${errors.length} could not be loaded · ${seconds.toFixed(1)} s (${(added / Math.max(seconds, 0.001)).toFixed(1)} reports/s) · ${redactUrl(config!.url)} (schema ${config!.schema})`,
  );
  for (const e of errors.slice(0, 20)) console.log(`  ⚠ ${e.error.file}：${e.error.reason}`);
  if (errors.length > 20) console.log(`  … and ${errors.length - 20} more (GET /api/reports lists them)`);
}
