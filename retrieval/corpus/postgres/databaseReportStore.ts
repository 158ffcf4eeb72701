// Adds, corrects and removes user reports in the database (the ReportStore seam the
// reports-folder store also implements): a file is checked and ingested first, then
// stored in one transaction with everything made from it, so a crash mid-upload
// leaves nothing, and an acknowledged change is committed (kill -9 loses nothing).
// Writers on every server take turns (the writer lock); the other servers hear of
// the change at once (NOTIFY) and this one has it before it answers.
import { extname } from 'node:path';
import { ReportReadError } from '../../ingest/decodeText.js';
import type { MetaOverrides } from '../../ingest/metaOverrides.js';
import { readerFor, REPORT_EXTENSIONS } from '../../ingest/readers/readReportFile.js';
import type { Corpus, ReportOrigin, Tokenizer } from '../../types.js';
import { contentHash } from '../ingestFile.js';
import { sizeLimitFor } from '../reportFiles.js';
import { IngestError } from '../ingestPool.js';
import { uploadAdmission } from '../uploadAdmission.js';
import { type Ingest, ReportStoreError, safeReportId, type ReportChange, type ReportStore } from '../reportStore.js';
import { inTransaction, lockWriters, type Database } from './connectDatabase.js';
import { prepareReport, type PreparedReport, type ReportSource } from './prepareReport.js';
import { ReportRefused, storeReport } from './storeReport.js';
import { deleteReport, insertReport, recordChanges } from './writeReports.js';

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** How uploads are read: the server's worker threads (`ingest`) and how many files they take at once. */
export interface UploadIngest {
  ingest: Ingest;
  capacity: number;
}

/**
 * `caughtUp` brings this server's catalog up to the committed change before the caller answers.
 * Without `uploads`, files are read in this thread, any number at once (the CLIs and tests).
 */
export function createDatabaseReportStore(db: Database, catalog: Corpus, tokenizer: Tokenizer, caughtUp: () => Promise<void>, uploads?: UploadIngest): ReportStore {
  const prepare = async (id: string, sourceFile: string, bytes: Uint8Array, overrides: MetaOverrides | undefined, signal?: AbortSignal): Promise<PreparedReport> => {
    try {
      return await prepareReport({ id, sourceFile, bytes, overrides }, tokenizer, uploads?.ingest, signal);
    } catch (e) {
      // Any reason ingestion gives (no text, no date, not a report, over its budget, busy …) is the user's to read.
      if (e instanceof IngestError) throw new ReportStoreError(e.kind, e.message);
      throw new ReportStoreError('unreadable', e instanceof ReportReadError ? e.message : (e as Error).message);
    }
  };
  const stored = async (id: string) => {
    const { rows } = await db.pool.query<{ origin: ReportOrigin; source: ReportSource; source_file: string; file_bytes: Buffer; overrides: MetaOverrides | null }>(
      'SELECT origin, source, source_file, file_bytes, overrides FROM reports WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) throw new ReportStoreError('not_found', `没有编号为 ${id} 的报告`);
    if (row.origin !== 'added') throw new ReportStoreError('builtin', `${id} 是内置报告，不能修改或删除`);
    return row;
  };

  return {
    dir: catalog.database?.label ?? `postgres (${db.schema})`,

    admit: uploadAdmission(uploads?.capacity ?? Infinity),

    add: async (fileName, bytes, overrides, signal) => {
      const ext = extname(fileName).toLowerCase();
      if (!readerFor(fileName)) throw new ReportStoreError('unsupported', `不支持 ${ext || '无扩展名的'}文件。可添加：${REPORT_EXTENSIONS.join(' ')}`);
      if (bytes.length === 0) throw new ReportStoreError('unreadable', '文件为空（0 字节）');
      const limit = sizeLimitFor(fileName);
      if (bytes.length > limit) throw new ReportStoreError('too_large', `文件过大：${megabytes(bytes.length)}，上限 ${megabytes(limit)}`);
      const hash = contentHash(bytes);
      const same = await db.pool.query<{ id: string }>('SELECT id FROM reports WHERE file_hash = $1 LIMIT 1', [hash]);
      if (same.rows[0]) throw new ReportStoreError('duplicate', `这个文件已经添加过：与报告 ${same.rows[0].id} 内容相同`);
      const given = overrides && Object.keys(overrides).length > 0 ? overrides : undefined;
      const base = safeReportId(fileName);
      // The id is in every paragraph id, so it is chosen before ingesting; another server taking it
      // meanwhile means ingesting again under the next one.
      for (let n = 1; ; n++) {
        const taken = await db.pool.query<{ id: string }>('SELECT id FROM reports WHERE id = $1 OR id LIKE $2', [base, `${base.replace(/[\\%_]/g, '\\$&')}-%`]);
        const ids = new Set(taken.rows.map((r) => r.id));
        let id = base;
        for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
        const prepared = await prepare(id, id + ext, bytes, given, signal);
        const twin = await db.pool.query<{ id: string }>('SELECT id FROM reports WHERE text_hash = $1 LIMIT 1', [prepared.textHash]);
        if (twin.rows[0]) throw new ReportStoreError('duplicate', `这份报告已经添加过：与报告 ${twin.rows[0].id} 文字相同（同一份报告的另一个文件）`);
        try {
          await inTransaction(db, async (client) => {
            await lockWriters(client, db);
            await storeReport(client, db, prepared, { origin: 'added', source: 'upload' });
          });
        } catch (e) {
          if (e instanceof ReportRefused && e.kind === 'id_taken' && n < 5) continue;
          if (e instanceof ReportRefused) throw new ReportStoreError('duplicate', `这份报告已经添加过：${e.message.replace(/，已忽略$/, '')}`);
          throw e;
        }
        await caughtUp();
        return { report: prepared.ingested.report, warnings: prepared.ingested.report.meta.warnings ?? [] } satisfies ReportChange;
      }
    },

    update: async (id, overrides) => {
      const row = await stored(id);
      const merged = { ...(row.overrides ?? {}), ...overrides };
      const prepared = await prepare(id, row.source_file, row.file_bytes, merged);
      await inTransaction(db, async (client) => {
        await lockWriters(client, db);
        // A correction re-adds the report last, as the in-memory corpus does.
        if (!(await deleteReport(client, id))) throw new ReportStoreError('not_found', `没有编号为 ${id} 的报告`);
        await insertReport(client, prepared, { origin: 'added', source: row.source });
        await recordChanges(client, db, [{ op: 'put', reportId: id }]);
      });
      await caughtUp();
      return { report: prepared.ingested.report, warnings: prepared.ingested.report.meta.warnings ?? [] };
    },

    remove: async (id) => {
      await stored(id);
      await inTransaction(db, async (client) => {
        await lockWriters(client, db);
        if (!(await deleteReport(client, id))) throw new ReportStoreError('not_found', `没有编号为 ${id} 的报告`);
        await recordChanges(client, db, [{ op: 'remove', reportId: id }]);
      });
      await caughtUp();
    },
  };
}
