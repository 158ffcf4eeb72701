// One prepared report into the database, as an add: refused when its id is taken
// by another report, when the same file or the same text is stored already (the
// messages the in-memory loader gives); a new version of a file imported before
// under the same id (a changed seed, an edited file in the reports folder) replaces
// it. Runs inside the caller's transaction, under the writer lock.
import type pg from 'pg';
import type { Database } from './connectDatabase.js';
import type { PreparedReport, ReportPlacement } from './prepareReport.js';
import type { StatsChange } from './corpusStats.js';
import { deleteReport, insertReport, recordChanges } from './writeReports.js';

export class ReportRefused extends Error {
  constructor(
    readonly kind: 'duplicate' | 'id_taken',
    message: string,
  ) {
    super(message);
  }
}

export interface StoreOptions {
  /** Gathers the statistics change for the caller to write once (several reports in one transaction). */
  stats?: StatsChange;
  /** Replace a report of this id stored from the same source (a newer version of one file). */
  replaceSameSource?: boolean;
  /** Record the file as imported (imports and npm run db:load: not read again). */
  imported?: { file: string };
}

export async function storeReport(client: pg.PoolClient, db: Database, prepared: PreparedReport, placement: ReportPlacement, options: StoreOptions = {}): Promise<void> {
  const id = prepared.ingested.report.meta.id;
  const same = await client.query<{ id: string }>('SELECT id FROM reports WHERE file_hash = $1 AND id <> $2 LIMIT 1', [prepared.fileHash, id]);
  if (same.rows[0]) throw new ReportRefused('duplicate', `与报告 ${same.rows[0].id} 内容相同，已忽略`);
  const sameText = await client.query<{ id: string }>('SELECT id FROM reports WHERE text_hash = $1 AND id <> $2 LIMIT 1', [prepared.textHash, id]);
  if (sameText.rows[0]) throw new ReportRefused('duplicate', `与报告 ${sameText.rows[0].id} 文字相同（同一份报告的另一个文件），已忽略`);
  const existing = await client.query<{ source: string; origin: string }>('SELECT source, origin FROM reports WHERE id = $1', [id]);
  if (existing.rows[0]) {
    const { source, origin } = existing.rows[0];
    if (!options.replaceSameSource || source !== placement.source || origin !== placement.origin) throw new ReportRefused('id_taken', `报告编号 ${id} 重复，已忽略`);
    await deleteReport(client, id, options.stats);
  }
  await insertReport(client, prepared, placement, undefined, options.stats);
  if (options.imported) {
    await client.query(
      `INSERT INTO imported_files (file_hash, source, file, report_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (file_hash) DO UPDATE SET source = excluded.source, file = excluded.file, report_id = excluded.report_id, imported_at = now()`,
      [prepared.fileHash, placement.source, options.imported.file, id],
    );
  }
  await recordChanges(client, db, [{ op: 'put', reportId: id }]);
}
