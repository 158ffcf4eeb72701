// npm run db:migrate: brings the database DATABASE_URL names (schema DATABASE_SCHEMA)
// to this code's schema version. npm start and the other commands do the same at
// start; this is for doing it ahead, e.g. before starting several servers.
import { connectDatabase, databaseConfigFromEnv, redactUrl } from '../corpus/postgres/connectDatabase.js';
import { migrate } from '../corpus/postgres/migrate.js';
import { fail } from './cliCorpus.js';

let config;
try {
  config = databaseConfigFromEnv();
} catch (e) {
  fail((e as Error).message);
}
if (!config) fail('请设置 DATABASE_URL，如 DATABASE_URL=postgres://用户@localhost/reports npm run db:migrate');
const db = connectDatabase(config, 1);
try {
  const { version, applied } = await migrate(db);
  console.log(`${redactUrl(config.url)} (schema ${config.schema}): ${applied.length ? `applied ${applied.join(', ')}` : 'already current'}; schema version ${version}`);
} catch (e) {
  console.error(`无法迁移数据库：${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
