// Reports stored by other ingestion code or another tokenizer were read by rules
// this code no longer has: their paragraphs, records and tokens are re-made from the
// stored original file (and the user's corrections), in place: same id, origin and
// place in the corpus order. npm run db:load -- --reingest does it for a whole
// corpus; a server start only says how many there are.
import { ingestCodeHash } from '../../index/corpusCache.js';
import type { MetaOverrides } from '../../ingest/metaOverrides.js';
import type { ReportOrigin, Tokenizer } from '../../types.js';
import { inTransaction, lockWriters, type Database } from './connectDatabase.js';
import { prepareReport, type ReportSource } from './prepareReport.js';
import { deleteReport, insertReport, recordChanges } from './writeReports.js';

const STALE = 'ingest_code IS DISTINCT FROM $1 OR tokenizer <> $2';

export async function staleReports(db: Database, tokenizer: Tokenizer): Promise<number> {
  const { rows } = await db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM reports WHERE ${STALE}`, [ingestCodeHash(), tokenizer.name]);
  return Number(rows[0].n);
}

export async function reingestStale(db: Database, tokenizer: Tokenizer, progress?: (done: number, total: number) => void): Promise<{ done: number; failed: { id: string; reason: string }[] }> {
  const { rows: ids } = await db.pool.query<{ id: string }>(`SELECT id FROM reports WHERE ${STALE} ORDER BY seq`, [ingestCodeHash(), tokenizer.name]);
  const failed: { id: string; reason: string }[] = [];
  let done = 0;
  for (const { id } of ids) {
    const { rows } = await db.pool.query<{ seq: string; origin: ReportOrigin; source: ReportSource; source_file: string; file_bytes: Buffer; overrides: MetaOverrides | null }>(
      'SELECT seq, origin, source, source_file, file_bytes, overrides FROM reports WHERE id = $1',
      [id],
    );
    const row = rows[0];
    if (!row) continue;
    try {
      const prepared = await prepareReport({ id, sourceFile: row.source_file, bytes: row.file_bytes, overrides: row.overrides ?? undefined }, tokenizer);
      await inTransaction(db, async (client) => {
        await lockWriters(client, db);
        if (!(await deleteReport(client, id))) return;
        await insertReport(client, prepared, { origin: row.origin, source: row.source }, Number(row.seq));
        await recordChanges(client, db, [{ op: 'put', reportId: id }]);
      });
      done++;
    } catch (e) {
      failed.push({ id, reason: (e as Error).message });
    }
    progress?.(done + failed.length, ids.length);
  }
  return { done, failed };
}
