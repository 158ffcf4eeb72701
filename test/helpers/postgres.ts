// PostgreSQL for the tests: TEST_DATABASE_URL (CI starts a throwaway cluster and sets
// it, see .ci/run and the README), else DATABASE_URL, else a server on this machine's
// default port. Each test file works in schemas of its own, dropped afterwards. With no
// server reachable the tests that need one are skipped, except under CI=true, where
// that is a failure.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const CANDIDATES = [process.env.TEST_DATABASE_URL, process.env.DATABASE_URL, 'postgres://postgres@127.0.0.1:5432/postgres'].filter((u): u is string => !!u);

let found: Promise<string | undefined> | undefined;

/** The URL of a reachable PostgreSQL, or undefined (locally, when there is none). */
export function testDatabaseUrl(): Promise<string | undefined> {
  found ??= (async () => {
    for (const url of CANDIDATES) {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
      try {
        await client.connect();
        await client.query('SELECT 1');
        return url;
      } catch {
        // try the next
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    if (process.env.CI === 'true') throw new Error('CI=true: the PostgreSQL tests need a server; set TEST_DATABASE_URL (see .ci/run)');
    return undefined;
  })();
  return found;
}

/** A schema name no other test uses. */
export function testSchema(prefix: string): string {
  return `t_${prefix}_${randomBytes(5).toString('hex')}`;
}

export async function dropSchemas(url: string, schemas: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  } finally {
    await client.end();
  }
}
