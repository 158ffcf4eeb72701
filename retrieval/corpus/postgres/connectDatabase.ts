// The connection to PostgreSQL: DATABASE_URL names the server and database,
// DATABASE_SCHEMA (default public) the schema the corpus lives in, so one database
// can hold several corpora (the evals keep one per question set). Every connection
// of the pool has that schema as its search_path; nothing else names it.
import pg from 'pg';
import { DEFAULTS } from '../../defaults.js';

export interface DatabaseConfig {
  url: string;
  schema: string;
}

export interface Database extends DatabaseConfig {
  pool: pg.Pool;
  /** The NOTIFY channel of this schema's corpus. */
  channel: string;
  close(): Promise<void>;
}

/** A schema name as PostgreSQL keeps it unquoted: lower-case letters, digits and _. */
const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/** The database DATABASE_URL names, or undefined when it is unset (the in-memory corpus). */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig | undefined {
  const url = env.DATABASE_URL?.trim();
  if (!url) return undefined;
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error(`DATABASE_URL 须为 postgres://用户:密码@主机:端口/数据库 形式，收到 ${redactUrl(url)}`);
  const schema = env.DATABASE_SCHEMA?.trim() || 'public';
  if (!SCHEMA.test(schema)) throw new Error(`DATABASE_SCHEMA 只能由小写字母、数字和 _ 组成（不以数字开头），收到 ${schema}`);
  return { url, schema };
}

export function connectDatabase(config: DatabaseConfig, poolSize: number = DEFAULTS.database.poolSize): Database {
  if (!SCHEMA.test(config.schema)) throw new Error(`not a schema name: ${config.schema}`);
  const pool = new pg.Pool({
    connectionString: config.url,
    options: `-c search_path=${config.schema}`,
    max: poolSize,
    application_name: 'report-qa',
  });
  // An idle connection the server drops (a restart, a network cut) must not take the process down;
  // the next query opens a new one.
  pool.on('error', (e) => console.warn(`[postgres] idle connection lost: ${e.message}`));
  let closed = false;
  return {
    ...config,
    pool,
    channel: `report_qa_${config.schema}`,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}

/** `fn` inside one transaction on one connection: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(db: Database, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** Writers (uploads, corrections, deletions, imports) take this lock first, one at a time across servers. */
export async function lockWriters(client: pg.PoolClient, db: Database): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`report-qa:write:${db.schema}`]);
}
