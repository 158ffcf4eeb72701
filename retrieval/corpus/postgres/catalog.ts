// A server's catalog of the database's reports: each one's metadata, origin and
// file hash, in corpus order, plus the files an import could not load. It is what
// query understanding reads (places, years, parents), kept in memory, and followed
// change by change (corpus_changes) whenever any server adds, corrects or deletes.
import type { LoadError, ReportMeta, ReportOrigin } from '../../types.js';
import type { Database } from './connectDatabase.js';

export interface CatalogReport {
  id: string;
  seq: number;
  origin: ReportOrigin;
  meta: ReportMeta;
  fileHash: string;
}

interface ReportRow {
  id: string;
  seq: string;
  origin: ReportOrigin;
  meta: ReportMeta;
  file_hash: string;
}

const CATALOG_COLUMNS = 'id, seq, origin, meta, file_hash';

const entryOf = (r: ReportRow): CatalogReport => ({ id: r.id, seq: Number(r.seq), origin: r.origin, meta: r.meta, fileHash: r.file_hash });

export class Catalog {
  /** The corpus version this catalog is at (corpus_state.version). */
  version = -1;
  reports: CatalogReport[] = [];
  errors: LoadError[] = [];
  /** Reports changed or removed by the last catch-up: their cached copies are stale. */
  private listeners: ((changed: string[]) => void)[] = [];
  private running: Promise<boolean> | undefined;
  private again = false;

  constructor(private readonly db: Database) {}

  /** Called with the ids of reports that changed (or every id, after a full reload). */
  onChange(fn: (changed: string[]) => void): void {
    this.listeners.push(fn);
  }

  /** Brings the catalog up to the database's current version; true if anything changed. One at a time. */
  catchUp(): Promise<boolean> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const run = async (): Promise<boolean> => {
      let changed = false;
      do {
        this.again = false;
        changed = (await this.step()) || changed;
      } while (this.again);
      return changed;
    };
    this.running = run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async step(): Promise<boolean> {
    const { rows } = await this.db.pool.query<{ current: string; versions: string[] | null; ops: string[] | null; ids: string[] | null }>(
      `SELECT (SELECT version FROM corpus_state) AS current,
         array_agg(version ORDER BY version) AS versions, array_agg(op ORDER BY version) AS ops, array_agg(report_id ORDER BY version) AS ids
       FROM corpus_changes WHERE version > $1`,
      [this.version],
    );
    const current = Number(rows[0].current);
    if (current === this.version) return false;
    const versions = (rows[0].versions ?? []).map(Number);
    // Behind by more than the changes kept (or never loaded): read everything again.
    if (this.version < 0 || versions[0] !== this.version + 1) return this.reload();
    const ids = [...new Set(rows[0].ids ?? [])];
    const { rows: puts } = await this.db.pool.query<ReportRow>(`SELECT ${CATALOG_COLUMNS} FROM reports WHERE id = ANY($1)`, [ids]);
    const gone = new Set(ids);
    const kept = this.reports.filter((r) => !gone.has(r.id));
    this.reports = [...kept, ...puts.map(entryOf)].sort((x, y) => x.seq - y.seq);
    this.version = versions[versions.length - 1];
    this.errors = await this.readErrors();
    for (const fn of this.listeners) fn(ids);
    return true;
  }

  /** Reads the whole catalog. */
  async reload(): Promise<boolean> {
    const client = await this.db.pool.connect();
    try {
      // One snapshot: the version and the reports it describes.
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const { rows: state } = await client.query<{ version: string }>('SELECT version FROM corpus_state');
      const { rows } = await client.query<ReportRow>(`SELECT ${CATALOG_COLUMNS} FROM reports ORDER BY seq`);
      await client.query('COMMIT');
      const before = this.reports.map((r) => r.id);
      this.reports = rows.map(entryOf);
      this.version = Number(state[0].version);
      this.errors = await this.readErrors();
      for (const fn of this.listeners) fn([...new Set([...before, ...this.reports.map((r) => r.id)])]);
      return true;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }

  private async readErrors(): Promise<LoadError[]> {
    const { rows } = await this.db.pool.query<LoadError>('SELECT file, reason FROM load_errors ORDER BY source, file');
    return rows;
  }
}
