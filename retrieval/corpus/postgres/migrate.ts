// Schema migrations: numbered SQL files in migrations/ (0001_corpus.sql …), applied
// in order, each in its own transaction, and recorded in schema_migrations. Servers
// starting together take turns (an advisory lock). A database migrated by newer code
// is refused: this code would misread tables it does not know.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../loadCorpus.js';
import type { Database } from './connectDatabase.js';

export const MIGRATIONS_DIR = join(PROJECT_ROOT, 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export class SchemaTooNewError extends Error {}

export function listMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const m = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!m) continue;
    out.push({ version: Number(m[1]), name: m[2], sql: readFileSync(join(dir, file), 'utf8') });
  }
  out.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations/ must be numbered 0001, 0002 … without gaps; found ${String(m.version).padStart(4, '0')}_${m.name}.sql at place ${i + 1}`);
  });
  return out;
}

export interface MigrationResult {
  /** The schema's version after migrating. */
  version: number;
  applied: string[];
}

export async function migrate(db: Database, migrations: Migration[] = listMigrations()): Promise<MigrationResult> {
  const known = migrations.length;
  const client = await db.pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [`report-qa:migrate:${db.schema}`]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${db.schema}`);
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      const current = rows.length ? rows[rows.length - 1].version : 0;
      if (current > known) {
        throw new SchemaTooNewError(
          `数据库 schema ${db.schema} 的结构版本是 ${current}，比这份代码认识的 ${known} 新：请升级代码（git pull），或让 DATABASE_URL / DATABASE_SCHEMA 指向另一个数据库 ` +
            `(the database was migrated by newer code, version ${current} > ${known})`,
        );
      }
      const done = new Set(rows.map((r) => r.version));
      const applied: string[] = [];
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw new Error(`migration ${String(m.version).padStart(4, '0')}_${m.name}.sql failed: ${(e as Error).message}`);
        }
        applied.push(`${String(m.version).padStart(4, '0')}_${m.name}`);
      }
      return { version: Math.max(current, known), applied };
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [`report-qa:migrate:${db.schema}`]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
}

/** Drops the schema with everything in it (a corpus made afresh: the evals, the scale benchmark, tests). */
export async function dropSchema(db: Database): Promise<void> {
  if (db.schema === 'public') throw new Error('refusing to drop the public schema');
  await db.pool.query(`DROP SCHEMA IF EXISTS ${db.schema} CASCADE`);
}
