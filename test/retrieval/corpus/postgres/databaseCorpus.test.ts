// The corpus in PostgreSQL beyond what the contract suites hold for every store and
// index: schema versions, imports by content hash, transactions, several servers on
// one database, questions over more reports than a working set holds, re-ingesting.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusFor } from '../../../../retrieval/corpus/corpusFor.js';
import { loadCorpus } from '../../../../retrieval/corpus/loadCorpus.js';
import { connectDatabase } from '../../../../retrieval/corpus/postgres/connectDatabase.js';
import { openDatabaseCorpus, type DatabaseCorpus, type OpenDatabaseCorpusOptions } from '../../../../retrieval/corpus/postgres/databaseCorpus.js';
import { migrate, SchemaTooNewError } from '../../../../retrieval/corpus/postgres/migrate.js';
import { reingestStale, staleReports } from '../../../../retrieval/corpus/postgres/reingestReports.js';
import { searchDatabase } from '../../../../retrieval/corpus/postgres/searchDatabase.js';
import { TermStatsCache } from '../../../../retrieval/corpus/postgres/termStatsCache.js';
import { createTokenizer } from '../../../../retrieval/tokenize/createTokenizer.js';
import { dropSchemas, testDatabaseUrl, testSchema } from '../../../helpers/postgres.js';
import { syntheticReportText } from '../../../helpers/syntheticReport.js';

const url = await testDatabaseUrl();
const schemas: string[] = [];
const opened: DatabaseCorpus[] = [];
const tokenizer = createTokenizer();
afterAll(async () => {
  await Promise.all(opened.map((o) => o.close()));
  if (url && schemas.length) await dropSchemas(url, schemas);
});

async function open(schema: string, options: Partial<OpenDatabaseCorpusOptions> = {}): Promise<DatabaseCorpus> {
  const o = await openDatabaseCorpus({ config: { url: url!, schema }, tokenizer, imports: {}, listen: false, log: () => {}, ...options });
  opened.push(o);
  return o;
}

function schema(prefix: string): string {
  const s = testSchema(prefix);
  schemas.push(s);
  return s;
}

async function sql<T extends pg.QueryResultRow>(s: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url!, options: `-c search_path=${s}` });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function eventually(check: () => boolean | Promise<boolean>, ms = 1000): Promise<number> {
  const t0 = performance.now();
  while (!(await check())) {
    if (performance.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - t0;
}

describe.skipIf(!url)('the corpus in PostgreSQL', () => {
  it('migrates once, and refuses a database migrated by newer code, saying what to do', async () => {
    const s = schema('migrate');
    const db = connectDatabase({ url: url!, schema: s }, 1);
    try {
      expect((await migrate(db)).applied).toEqual(['0001_corpus']);
      expect((await migrate(db)).applied).toEqual([]);
      await db.pool.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'from_the_future')");
      const error = await migrate(db).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SchemaTooNewError);
      expect((error as Error).message).toMatch(/999.*比这份代码认识的 1 新/);
      await expect(open(s)).rejects.toThrow(SchemaTooNewError);
    } finally {
      await db.close();
    }
  });

  it('imports the seeds and the reports folder once by content hash; a deleted report stays deleted; an edited file replaces its report', async () => {
    const s = schema('import');
    const folder = mkdtempSync(join(tmpdir(), 'db-import-'));
    try {
      writeFileSync(join(folder, 'lanxi.txt'), syntheticReportText(0, '岚溪'));
      writeFileSync(join(folder, 'muxi.txt'), syntheticReportText(0, '沐溪'));
      writeFileSync(join(folder, 'broken.txt'), '只有一行字，不是报告。');
      const first = await open(s, { imports: { reportsDir: folder } });
      expect(first.corpus.reports.map((r) => r.meta.id)).toEqual(['hongqi-2017', 'hongqi-2020', 'hongqi-2024', 'huiji-2024', 'weidong-2024', 'lanxi', 'muxi']);
      expect(first.corpus.origins.get('lanxi')).toBe('added');
      expect(first.corpus.errors.map((e) => e.file)).toEqual(['broken.txt']);
      await first.store.remove('muxi');
      const seqBefore = await sql<{ seq: string }>(s, "SELECT seq FROM reports WHERE id = 'lanxi'");
      writeFileSync(join(folder, 'lanxi.txt'), syntheticReportText(1, '岚溪'));
      const second = await open(s, { imports: { reportsDir: folder } });
      expect(second.corpus.reports.map((r) => r.meta.id)).toEqual(['hongqi-2017', 'hongqi-2020', 'hongqi-2024', 'huiji-2024', 'weidong-2024', 'lanxi']);
      const seqAfter = await sql<{ seq: string }>(s, "SELECT seq FROM reports WHERE id = 'lanxi'");
      expect(Number(seqAfter[0].seq)).toBeGreaterThan(Number(seqBefore[0].seq));
      expect((await corpusFor(second.corpus, { reportIds: ['lanxi'] })).reportById.get('lanxi')!.paragraphs.some((p) => p.text.includes('第1批重点片区'))).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('stores an upload in one transaction: a failure at its last step leaves nothing of it', async () => {
    const s = schema('atomic');
    const o = await open(s);
    const count = async () =>
      (await sql<{ n: string }>(s, "SELECT (SELECT count(*) FROM reports) + (SELECT count(*) FROM paragraphs) + (SELECT count(*) FROM passages) + (SELECT count(*) FROM term_stats) + (SELECT sum(df_text + df_title + df_lead) FROM term_stats) AS n"))[0].n;
    const state = async () => (await sql(s, 'SELECT * FROM corpus_state'))[0];
    const before = [await count(), await state()];
    // The indicator rows are written after everything else of a report.
    await sql(s, `CREATE FUNCTION refuse() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'disk full'; END $$ LANGUAGE plpgsql`);
    await sql(s, 'CREATE TRIGGER refuse BEFORE INSERT ON indicator_rows FOR EACH ROW EXECUTE FUNCTION refuse()');
    await expect(o.store.add('lanxi.txt', Buffer.from(syntheticReportText(0, '岚溪')))).rejects.toThrow('disk full');
    expect([await count(), await state()]).toEqual(before);
    expect(o.corpus.reports.some((r) => r.meta.id === 'lanxi')).toBe(false);
    await sql(s, 'DROP TRIGGER refuse ON indicator_rows');
    await o.store.add('lanxi.txt', Buffer.from(syntheticReportText(0, '岚溪')));
    expect(o.corpus.reports.some((r) => r.meta.id === 'lanxi')).toBe(true);
  });

  it('serves one corpus to several servers: a change through one is seen by the others within a second', async () => {
    const s = schema('servers');
    const a = await open(s, { listen: true });
    const b = await open(s, { listen: true });
    // Without notifications, a server asks for changes on every request.
    const c = await open(s, { listen: false });
    const question = '岚溪区2024年地区生产总值增长目标是多少';
    const answerOf = async (o: DatabaseCorpus) => (await corpusFor(o.corpus, { question })).search(question).results[0]?.reportId;
    await eventually(() => a.listening && b.listening, 5000);
    await a.store.add('lanxi.txt', Buffer.from(syntheticReportText(0, '岚溪')));
    const ms = await eventually(() => b.corpus.reports.some((r) => r.meta.id === 'lanxi'));
    expect(ms).toBeLessThan(1000);
    expect(await answerOf(b)).toBe('lanxi');
    expect(await answerOf(c)).toBe('lanxi');
    await b.store.update('lanxi', { city: '青澜市' });
    await eventually(() => a.corpus.reports.find((r) => r.meta.id === 'lanxi')?.meta.city === '青澜市');
    expect((await corpusFor(c.corpus, { reportIds: ['lanxi'] })).reportById.get('lanxi')!.meta.city).toBe('青澜市');
    await c.store.remove('lanxi');
    await eventually(() => !a.corpus.reports.some((r) => r.meta.id === 'lanxi') && !b.corpus.reports.some((r) => r.meta.id === 'lanxi'));
    expect(await answerOf(a)).toBeUndefined();
  });

  it('answers a question over more reports than a working set holds from the reports of its best hits', async () => {
    const s = schema('wide');
    const o = await open(s, { maxWorkingSet: 2, hitReports: 2 });
    const memory = await loadCorpus({ cacheDir: false });
    for (const question of ['营商环境有哪些改善', '一般公共预算收入增长多少', '老旧小区改造']) {
      const working = await corpusFor(o.corpus, { question });
      const loaded = working.reports.filter((r) => r.paragraphs.length > 0).map((r) => r.meta.id);
      expect(loaded.length).toBeLessThanOrEqual(2);
      const found = working.search(question).results;
      const expected = memory.search(question).results;
      expect(found[0].id).toBe(expected[0].id);
      expect(found[0].score).toBe(expected[0].score);
      for (const hit of found) expect(loaded).toContain(hit.reportId);
    }
  });

  it('takes any token as a lexeme (quotes, backslashes, percentages)', async () => {
    const s = schema('lexemes');
    const o = await open(s);
    const terms = ["it's", 'a\\b', '7%', '地区生产总值'];
    const stats = await new TermStatsCache(1000).statsFor(o.db, terms, 0);
    const hits = await searchDatabase(o.db, terms, stats, { limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
  });

  it('re-ingests reports stored by other ingestion code in place', async () => {
    const s = schema('reingest');
    const o = await open(s);
    const question = '惠济区2024年GDP目标是多少';
    const before = (await corpusFor(o.corpus, { question })).search(question).results;
    const order = await sql<{ id: string; seq: string }>(s, 'SELECT id, seq FROM reports ORDER BY seq');
    await sql(s, "UPDATE reports SET ingest_code = 'older code' WHERE id IN ('huiji-2024', 'hongqi-2020')");
    expect(await staleReports(o.db, tokenizer)).toBe(2);
    expect(await reingestStale(o.db, tokenizer)).toEqual({ done: 2, failed: [] });
    expect(await staleReports(o.db, tokenizer)).toBe(0);
    expect(await sql(s, 'SELECT id, seq FROM reports ORDER BY seq')).toEqual(order);
    const again = await open(s);
    expect((await corpusFor(again.corpus, { question })).search(question).results.map((h) => h.id)).toEqual(before.map((h) => h.id));
  });
});
