// The corpus in PostgreSQL, as a server (or a command) holds it: the catalog in
// memory, followed as other servers change the corpus, and a bounded cache of whole
// reports. Each request loads what it needs into a working corpus (workingCorpus.ts):
// a question gets the reports it may be answered from (questionPool.ts), or, when
// that is more than DEFAULTS.database.maxWorkingSet reports (no place named), the
// reports holding its best hits across the whole database (searchDatabase.ts).
import { createHash } from 'node:crypto';
import { candidateLimit, queryTerms } from '../../evidence/searchCorpus.js';
import { DEFAULTS } from '../../defaults.js';
import { createStatsIndex } from '../../index/statsIndex.js';
import { samePlace } from '../../places/samePlace.js';
import { createTokenizer } from '../../tokenize/createTokenizer.js';
import type { Corpus, CorpusNeed, IndicatorLookup, IndicatorRow, Paragraph, Report, Tokenizer } from '../../types.js';
import type { ReportStore } from '../reportStore.js';
import { Catalog } from './catalog.js';
import { connectDatabase, redactUrl, type Database, type DatabaseConfig } from './connectDatabase.js';
import { createDatabaseReportStore, type UploadIngest } from './databaseReportStore.js';
import { importReports, type ImportPlan } from './importReports.js';
import { listenForChanges, type ChangeListener } from './listenForChanges.js';
import { dropSchema, migrate, SchemaTooNewError } from './migrate.js';
import { questionPool } from './questionPool.js';
import { readReports, type LoadedReport } from './readReports.js';
import { ReportCache } from './reportCache.js';
import { searchDatabase } from './searchDatabase.js';
import { staleReports } from './reingestReports.js';
import { TermStatsCache } from './termStatsCache.js';
import { workingCorpus, type RowsOf } from './workingCorpus.js';

export interface OpenDatabaseCorpusOptions {
  config: DatabaseConfig;
  tokenizer?: Tokenizer;
  /** Report files imported (each once, by content hash) before the corpus is served. */
  imports?: ImportPlan;
  /** Drop the schema and everything in it first (the evals: a corpus made exactly from the given files). */
  fresh?: boolean;
  /** Follow other servers' changes by LISTEN (default); false: check the change counter on every request. */
  listen?: boolean;
  /** Overrides of DEFAULTS.database (tests). */
  maxWorkingSet?: number;
  hitReports?: number;
  cachedReports?: number;
  log?: (message: string) => void;
  /** Uploads are read by these worker threads (the server's pool); unset, in this thread. */
  uploads?: UploadIngest;
}

export interface DatabaseCorpus {
  /** The catalog corpus (Corpus.database set): what a server, a command or the evals hold. */
  corpus: Corpus;
  store: ReportStore;
  db: Database;
  /** Reports stored by other ingestion code or another tokenizer (npm run db:load -- --reingest renews them). */
  stale: number;
  /** True while other servers' changes arrive by notification (else each request asks). */
  readonly listening: boolean;
  close(): Promise<void>;
}

export async function openDatabaseCorpus(options: OpenDatabaseCorpusOptions): Promise<DatabaseCorpus> {
  const log = options.log ?? ((m: string) => console.log(m));
  const db = connectDatabase(options.config);
  let listener: ChangeListener | undefined;
  try {
    try {
      if (options.fresh) await dropSchema(db);
      await migrate(db);
    } catch (e) {
      if (e instanceof SchemaTooNewError) throw e;
      // Unreachable, refused, no such database: say which one.
      throw new Error(`数据库 ${redactUrl(db.url)}（schema ${db.schema}）不可用：${(e as Error).message}`, { cause: e });
    }
    const tokenizer = options.tokenizer ?? createTokenizer();
    const t0 = performance.now();
    if (options.imports) {
      const imported = await importReports(db, options.imports, tokenizer, { log });
      if (imported.added) log(`imported ${imported.added} report file(s) into the database`);
    }
    const catalog = new Catalog(db);
    await catalog.reload();
    const stale = await staleReports(db, tokenizer);
    const maxWorkingSet = options.maxWorkingSet ?? DEFAULTS.database.maxWorkingSet;
    const cache = new ReportCache(options.cachedReports ?? DEFAULTS.database.cachedReports);
    const statsCache = new TermStatsCache(DEFAULTS.database.cachedTerms);
    const pending = new Map<string, Promise<LoadedReport | undefined>>();
    /** The reports a corpus-wide search chose, by corpus version, terms and pool. */
    const wideChoices = new Map<string, string[]>();
    const label = `${redactUrl(db.url)} (schema ${db.schema})`;

    const unsupported = (what: string) => () => {
      throw new Error(`${what}: this corpus is in a database; load what a request needs first (corpusFor)`);
    };
    const top: Corpus = {
      reports: [],
      origins: new Map(),
      contentHashes: new Map(),
      findSameText: unsupported('findSameText'),
      reportById: new Map(),
      paragraphById: new Map(),
      passageById: new Map(),
      indicators: [],
      quantities: [],
      errors: [],
      hash: '',
      tokenizer,
      index: createStatsIndex([], undefined),
      stats: { ingestMs: performance.now() - t0, quantitiesMs: 0, indicatorsMs: 0, reportsFromCache: true, indexMs: 0, indexFromCache: true },
      search: unsupported('search'),
      lookupIndicators: unsupported('lookupIndicators'),
      addReport: unsupported('addReport'),
      removeReport: unsupported('removeReport'),
      database: { label, load: (need) => load(need), originalFile: (id) => originalFile(id) },
    };

    let seqOf = new Map<string, number>();
    /** The catalog's reports as metadata-only reports, and the maps over them. */
    const refresh = () => {
      seqOf = new Map(catalog.reports.map((r) => [r.id, r.seq]));
      const shells: Report[] = catalog.reports.map((r) => ({ meta: r.meta, paragraphs: [], sections: [], passages: [] }));
      top.reports = shells;
      top.reportById = new Map(shells.map((r) => [r.meta.id, r]));
      top.origins = new Map(catalog.reports.map((r) => [r.id, r.origin]));
      top.contentHashes = new Map(catalog.reports.map((r) => [r.id, r.fileHash]));
      top.errors = catalog.errors;
      const hasher = createHash('sha256').update(`postgres:${db.schema}`);
      for (const r of catalog.reports) hasher.update(`\u0000${r.id}\u0000${r.seq}\u0000${r.fileHash}`);
      top.hash = hasher.digest('hex');
    };
    refresh();
    catalog.onChange((ids) => {
      for (const id of ids) cache.delete(id);
      wideChoices.clear();
      refresh();
    });
    if (options.listen !== false) {
      listener = listenForChanges(db, () => {
        catalog.catchUp().catch((e: Error) => log(`[postgres] catching up failed: ${e.message}`));
      });
    }
    /** Current before a request: notifications keep it so; without them, ask. */
    const current = async () => {
      if (!listener?.listening) await catalog.catchUp();
    };

    /** Whole reports, from the cache or the database (one read per report however many ask at once). */
    const reportsFor = async (ids: readonly string[]): Promise<LoadedReport[]> => {
      const found: LoadedReport[] = [];
      const missing: string[] = [];
      const waits: Promise<LoadedReport | undefined>[] = [];
      for (const id of ids) {
        const seq = seqOf.get(id);
        if (seq === undefined) continue;
        const hit = cache.get(id, seq);
        if (hit) found.push(hit);
        else if (pending.has(id)) waits.push(pending.get(id)!);
        else missing.push(id);
      }
      if (missing.length) {
        const read = readReports(db, missing);
        for (const id of missing) {
          const one = read.then((all) => all.find((l) => l.report.meta.id === id));
          pending.set(id, one);
          waits.push(one);
        }
        try {
          for (const l of await read) if (seqOf.get(l.report.meta.id) === l.seq) cache.set(l);
        } finally {
          for (const id of missing) pending.delete(id);
        }
      }
      for (const l of await Promise.all(waits)) if (l) found.push(l);
      return found.sort((a, b) => a.seq - b.seq);
    };

    const load = async (need: CorpusNeed): Promise<Corpus> => {
      await current();
      if ('question' in need) return forQuestion(need.question, need);
      if ('reportIds' in need) return workingCorpus(top, { loaded: await reportsFor(need.reportIds) });
      if ('paragraphIds' in need) {
        const { rows } = await db.pool.query<{ report_id: string }>('SELECT DISTINCT report_id FROM paragraphs WHERE id = ANY($1)', [need.paragraphIds]);
        return workingCorpus(top, { loaded: await reportsFor(rows.map((r) => r.report_id)) });
      }
      return forIndicators(need.indicators, need.paragraphs === true);
    };

    const forQuestion = async (question: string, need: Extract<CorpusNeed, { question: string }>): Promise<Corpus> => {
      const pool = questionPool(top, question, need.history ?? [], need.filters ?? {});
      let ids = pool.reportIds;
      if (ids.length > maxWorkingSet) {
        // Too many to load: the reports holding the best hits of the whole pool, ranked by the database.
        // (queryTerms keeps the cities it read per corpus object; a copy reads the current catalog.)
        const terms = queryTerms({ ...top }, pool.text, pool.query);
        const everyReport = ids.length === top.reports.length;
        const limit = candidateLimit(need.k ?? DEFAULTS.evidence.searchK);
        const key = [catalog.version, limit, terms.join(' '), everyReport ? '*' : createHash('sha256').update(ids.join('\u0000')).digest('hex')].join('\u0000');
        let chosen = wideChoices.get(key);
        if (!chosen) {
          const stats = await statsCache.statsFor(db, terms, catalog.version);
          const hits = await searchDatabase(db, terms, stats, { limit, reportIds: everyReport ? undefined : ids });
          chosen = [...new Set(hits.map((h) => h.reportId))].slice(0, options.hitReports ?? DEFAULTS.database.hitReports);
          wideChoices.set(key, chosen);
          if (wideChoices.size > DEFAULTS.database.cachedWideQuestions) wideChoices.delete(wideChoices.keys().next().value!);
        }
        ids = chosen;
      }
      const loaded = await reportsFor(ids);
      const stats = await statsCache.statsForVocabularies(db, loaded.map((l) => l.vocabulary), catalog.version);
      const rows = await rowsBeyond(pool.query.indicator, pool.query.year, pool.places, pool.reportIds);
      return workingCorpus(top, { loaded, stats, rows });
    };

    /**
     * Rows of the asked indicator in reports outside the pool: the evidence never reads them,
     * but an answer saying which measure the reports do state looks across the whole corpus
     * (or the named places). Bounded: that answer needs only one.
     */
    const rowsBeyond = async (indicator: string | undefined, year: number | undefined, places: string[], pool: string[]): Promise<RowsOf[]> => {
      if (!indicator || pool.length === top.reports.length) return [];
      const { rows } = await db.pool.query<{ report_seq: string; data: IndicatorRow }>(
        `SELECT report_seq, data FROM indicator_rows
         WHERE indicator = $1 AND ($2::int IS NULL OR year = $2) AND report_id NOT IN (SELECT unnest($3::text[])) AND (cardinality($4::text[]) = 0 OR place = ANY($4))
         ORDER BY report_seq, position LIMIT 2000`,
        [indicator, year ?? null, pool, places],
      );
      return groupRows(rows);
    };

    const forIndicators = async (lookup: IndicatorLookup, withParagraphs: boolean): Promise<Corpus> => {
      const place = lookup.place?.trim();
      const reportIds = place ? catalog.reports.filter((r) => samePlace(r.meta.place, place)).map((r) => r.id) : null;
      const kinds = lookup.kind === undefined ? null : Array.isArray(lookup.kind) ? lookup.kind : [lookup.kind];
      // Every row the lookup can return (lookupIndicators then applies it exactly), and one row of each
      // indicator name beyond them: the route lists every name the corpus has.
      const { rows } = await db.pool.query<{ report_id: string; position: number; report_seq: string; data: IndicatorRow }>(
        `SELECT report_id, position, report_seq, data FROM indicator_rows
         WHERE ($1::text[] IS NULL OR report_id = ANY($1)) AND ($2::int IS NULL OR year = $2) AND ($3::text[] IS NULL OR kind = ANY($3))
         ORDER BY report_seq, position`,
        [reportIds, lookup.year ?? null, kinds],
      );
      const { rows: names } = await db.pool.query<{ report_id: string; position: number; report_seq: string; data: IndicatorRow }>(
        'SELECT DISTINCT ON (indicator) report_id, position, report_seq, data FROM indicator_rows ORDER BY indicator, report_seq, position',
      );
      const have = new Set(rows.map((r) => `${r.report_id}\u0000${r.position}`));
      const all = [...rows, ...names.filter((r) => !have.has(`${r.report_id}\u0000${r.position}`))];
      let paragraphs: Paragraph[] = [];
      if (withParagraphs && rows.length) {
        const ids = [...new Set(rows.map((r) => r.data.paragraphId))];
        paragraphs = (await db.pool.query<{ data: Paragraph }>('SELECT data FROM paragraphs WHERE id = ANY($1)', [ids])).rows.map((r) => r.data);
      }
      return workingCorpus(top, { loaded: [], rows: groupRows(all), paragraphs });
    };

    const originalFile = async (id: string) => {
      const { rows } = await db.pool.query<{ file_bytes: Buffer; file_hash: string }>('SELECT file_bytes, file_hash FROM reports WHERE id = $1', [id]);
      return rows[0] ? { bytes: new Uint8Array(rows[0].file_bytes), hash: rows[0].file_hash } : undefined;
    };

    const store = createDatabaseReportStore(db, top, tokenizer, () => catalog.catchUp().then(() => undefined), options.uploads);
    return {
      corpus: top,
      store,
      db,
      stale,
      get listening() {
        return listener?.listening ?? false;
      },
      close: async () => {
        await listener?.close();
        await db.close();
      },
    };
  } catch (e) {
    await listener?.close();
    await db.close();
    throw e;
  }
}

function groupRows(rows: { report_seq: string; data: IndicatorRow }[]): RowsOf[] {
  const bySeq = new Map<number, IndicatorRow[]>();
  for (const r of rows) {
    const seq = Number(r.report_seq);
    let list = bySeq.get(seq);
    if (!list) bySeq.set(seq, (list = []));
    list.push(r.data);
  }
  return [...bySeq].map(([seq, list]) => ({ seq, rows: list }));
}
