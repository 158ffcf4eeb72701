// One contract, every index backend (MiniSearch BM25 scored from its postings,
// MiniSearch's own search, the brute-force scan, and the corpus in PostgreSQL: its
// corpus-wide search and a working set ranked with its statistics). The contract is
// awaited, so the database's asynchronous search runs the same cases.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestReport } from '../../../retrieval/ingest/ingestReport.js';
import MiniSearch from 'minisearch';
import { CompactMiniSearch } from '../../../retrieval/index/compactMiniSearch.js';
import { createMiniSearchBackend, miniSearchBackend } from '../../../retrieval/index/miniSearchBackend.js';
import { scanBackend } from '../../../retrieval/index/scanBackend.js';
import type { IndexBackend, IndexHit, IndexSearchOptions, Passage, SearchIndex } from '../../../retrieval/types.js';
import { createTokenizer } from '../../../retrieval/tokenize/createTokenizer.js';
import { createStatsIndex } from '../../../retrieval/index/statsIndex.js';
import type { TermDoc } from '../../../retrieval/index/statsScorer.js';
import { connectDatabase, inTransaction, type Database } from '../../../retrieval/corpus/postgres/connectDatabase.js';
import { migrate } from '../../../retrieval/corpus/postgres/migrate.js';
import { passageTerms, type PreparedReport } from '../../../retrieval/corpus/postgres/prepareReport.js';
import { readReports } from '../../../retrieval/corpus/postgres/readReports.js';
import { searchDatabase } from '../../../retrieval/corpus/postgres/searchDatabase.js';
import { TermStatsCache } from '../../../retrieval/corpus/postgres/termStatsCache.js';
import { deleteReport, insertReport } from '../../../retrieval/corpus/postgres/writeReports.js';
import { dropSchemas, testDatabaseUrl, testSchema } from '../../helpers/postgres.js';

const tokenizer = createTokenizer();
const tokenize = (t: string) => tokenizer.tokenize(t);
const passages: Passage[] = ['huiji-2024', 'weidong-2024', 'hongqi-2024'].flatMap(
  (id) => ingestReport({ id, sourceFile: `${id}.txt`, bytes: readFileSync(new URL(`../../../seeds/${id}.txt`, import.meta.url)) }).passages,
);
const textOf = (id: string) => passages.find((p) => p.id === id)!.text;

const miniSearchReference = createMiniSearchBackend({ scorer: 'minisearch' });

/** An index as the contract sees it: every call awaited, so a database's index runs the same cases. */
interface IndexUnderTest {
  backend: string;
  size(): Promise<number>;
  search(terms: string[], options: IndexSearchOptions): Promise<IndexHit[]>;
  add(passages: Passage[]): Promise<void>;
  remove(passages: Passage[]): Promise<void>;
  /** The same index read back from where it is kept (a snapshot, the database). */
  reload(): Promise<IndexUnderTest>;
}

interface BackendUnderTest {
  name: string;
  build(passages: Passage[]): Promise<IndexUnderTest>;
}

function inMemory(backend: IndexBackend): BackendUnderTest {
  const wrap = (index: SearchIndex): IndexUnderTest => ({
    backend: index.backend,
    size: async () => index.size,
    search: async (terms, options) => index.search(terms, options),
    add: async (p) => index.add(p),
    remove: async (p) => index.remove(p),
    reload: async () => wrap(backend.load(JSON.parse(JSON.stringify(index.serialize())), tokenize)),
  });
  return { name: backend.name, build: async (passages) => wrap(backend.build(passages, tokenize)) };
}

// ── The corpus in PostgreSQL ────────────────────────────────────────────────────
const databaseUrl = await testDatabaseUrl();
const schemas: string[] = [];
const databases: Database[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.close()));
  if (databaseUrl && schemas.length) await dropSchemas(databaseUrl, schemas);
});

/** Passages stored as the report store stores them, one report (a run of passages) at a time. */
async function storePassages(db: Database, list: Passage[]): Promise<void> {
  const byReport = new Map<string, Passage[]>();
  for (const p of list) byReport.set(p.reportId, [...(byReport.get(p.reportId) ?? []), p]);
  await inTransaction(db, async (client) => {
    for (const [id, ps] of byReport) {
      const prepared: PreparedReport = {
        ingested: { report: { meta: { id } as never, paragraphs: [], sections: [], passages: ps }, indicators: [], quantities: [] },
        passageTerms: ps.map((p) => passageTerms(p, tokenize)),
        sourceFile: `${id}.txt`,
        bytes: new Uint8Array(0),
        fileHash: `file-${id}`,
        textHash: `text-${id}`,
        tokenizer: tokenizer.name,
      };
      await insertReport(client, prepared, { origin: 'added', source: 'load' });
    }
  });
}

/**
 * The database's index: its corpus-wide search (in rounds of `batch` candidates), or a working set
 * (the filtered reports, or all) loaded and ranked with the database's statistics.
 */
function inDatabase(mode: 'corpus' | 'working set', batch?: number): BackendUnderTest {
  const open = async (schema: string): Promise<IndexUnderTest> => {
    const db = connectDatabase({ url: databaseUrl!, schema }, 2);
    databases.push(db);
    await migrate(db);
    const loaded = new Map<string, TermDoc[]>();
    const statsNow = async (terms: Iterable<string>) => new TermStatsCache(1e6).statsFor(db, terms, 0);
    const index: IndexUnderTest = {
      backend: 'postgres',
      size: async () => Number((await db.pool.query('SELECT passages FROM corpus_state')).rows[0].passages),
      search: async (terms, options) => {
        if (mode === 'corpus') {
          const stats = await statsNow(terms.join(' ').split(' '));
          const hits = await searchDatabase(db, terms, stats, { limit: options.limit, reportIds: options.reportIds && [...options.reportIds], batch, budget: Infinity });
          return hits.map(({ reportId: _, ...hit }) => hit);
        }
        const ids = options.reportIds ? [...options.reportIds] : (await db.pool.query<{ id: string }>('SELECT id FROM reports')).rows.map((r) => r.id);
        const key = ids.sort().join(',');
        if (!loaded.has(key)) loaded.set(key, (await readReports(db, ids)).flatMap((r) => r.docs));
        const docs = loaded.get(key)!;
        const stats = await statsNow(docs.flatMap((d) => Object.keys(d.tf)));
        return createStatsIndex(docs, stats).search(terms, options);
      },
      add: async (p) => {
        loaded.clear();
        await storePassages(db, p);
      },
      remove: async (p) => {
        loaded.clear();
        await inTransaction(db, async (client) => {
          for (const id of new Set(p.map((x) => x.reportId))) await deleteReport(client, id);
        });
      },
      reload: () => open(schema),
    };
    return index;
  };
  return {
    name: 'postgres',
    build: async (list) => {
      const schema = testSchema('index');
      schemas.push(schema);
      const index = await open(schema);
      await storePassages(databases[databases.length - 1], list);
      return index;
    },
  };
}

const backends: [string, BackendUnderTest][] = [
  ['minisearch (postings scorer)', inMemory(miniSearchBackend)],
  ['minisearch (MiniSearch.search)', inMemory(miniSearchReference)],
  ['scan', inMemory(scanBackend)],
  ...(databaseUrl
    ? ([
        ['postgres (corpus-wide search)', inDatabase('corpus')],
        ['postgres (working set)', inDatabase('working set')],
      ] as [string, BackendUnderTest][])
    : []),
];

for (const [label, backend] of backends) {
  describe(`index backend: ${label}`, () => {
    let index: IndexUnderTest;
    beforeAll(async () => {
      index = await backend.build(passages);
    });

    it('indexes every passage', async () => {
      expect(await index.size()).toBe(passages.length);
      expect(index.backend).toBe(backend.name);
    });

    it('ranks the passage stating a figure first for its words', async () => {
      const hits = await index.search(tokenize('地区生产总值增长7%左右 预期目标'), { limit: 5 });
      expect(textOf(hits[0].passageId)).toContain('地区生产总值增长7%左右');
    });

    it('returns hits in descending score order with the matched terms', async () => {
      const hits = await index.search(tokenize('研发经费投入强度'), { limit: 10 });
      expect(hits.length).toBeGreaterThan(0);
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
      expect(hits[0].terms.length).toBeGreaterThan(0);
      expect(textOf(hits[0].passageId)).toContain('研发经费投入强度');
    });

    it('respects the report filter and the limit', async () => {
      const only = new Set(['weidong-2024']);
      const hits = await index.search(tokenize('一般公共预算收入'), { limit: 3, reportIds: only });
      expect(hits.length).toBeLessThanOrEqual(3);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.passageId.startsWith('weidong-2024:'))).toBe(true);
    });

    it('finds nothing for no terms or unknown terms', async () => {
      expect(await index.search([], { limit: 5 })).toEqual([]);
      expect(await index.search(['zzzz不存在的词'], { limit: 5 })).toEqual([]);
    });

    it('adds a report’s passages and ranks exactly as an index built with them', async () => {
      const without = passages.filter((p) => p.reportId !== 'hongqi-2024');
      const added = passages.filter((p) => p.reportId === 'hongqi-2024');
      const grown = await backend.build(without);
      expect(await grown.search(tokenize('营商环境'), { limit: 50, reportIds: new Set(['hongqi-2024']) })).toEqual([]);
      await grown.add(added);
      expect(await grown.size()).toBe(passages.length);
      for (const q of ['营商环境', '城镇调查失业率', '一般公共预算收入增长']) {
        expect(await grown.search(tokenize(q), { limit: 20 })).toEqual(await index.search(tokenize(q), { limit: 20 }));
      }
    });

    it('removes a report’s passages: they are never found again and the rest rank as without them', async () => {
      const shrunk = await backend.build(passages);
      const gone = passages.filter((p) => p.reportId === 'weidong-2024');
      await shrunk.remove(gone);
      expect(await shrunk.size()).toBe(passages.length - gone.length);
      const fresh = await backend.build(passages.filter((p) => p.reportId !== 'weidong-2024'));
      // Every hit, rounded: document numbering (and so the order of exact ties) may differ.
      const all = async (i: IndexUnderTest, q: string) =>
        (await i.search(tokenize(q), { limit: 10_000 }))
          .map((h) => `${h.passageId} ${h.score.toFixed(6)}`)
          .sort();
      for (const q of ['一般公共预算收入', '卫东区 营商环境', '黄河流域生态保护']) {
        const hits = await all(shrunk, q);
        expect(hits.some((h) => h.startsWith('weidong-2024:'))).toBe(false);
        expect(hits).toEqual(await all(fresh, q));
      }
      await shrunk.add(gone);
      expect((await shrunk.search(tokenize('一般公共预算收入'), { limit: 5, reportIds: new Set(['weidong-2024']) })).length).toBeGreaterThan(0);
    });

    it('round-trips through its serialised form with identical results', async () => {
      const restored = await index.reload();
      for (const q of ['惠济区招商引资', '城镇调查失业率', '黄河流域生态保护']) {
        expect(await restored.search(tokenize(q), { limit: 5 })).toEqual(await index.search(tokenize(q), { limit: 5 }));
      }
    });
  });
}

describe.skipIf(!databaseUrl)('the database', () => {
  // A copy of each report under another id: identical passages tie exactly, which tests tie order.
  const copies = passages.map((p) => ({ ...p, id: `copy-${p.id}`, paragraphId: `copy-${p.paragraphId}`, reportId: `copy-${p.reportId}` }));
  const all = [...passages, ...copies];
  // Every third development question: each search is a few database round trips.
  const questions = readFileSync(new URL('../../../evals/questions.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { question: string }).question)
    .filter((_, i) => i % 3 === 0);
  const filters: (Set<string> | undefined)[] = [undefined, new Set(['weidong-2024']), new Set(['hongqi-2024', 'copy-weidong-2024', 'no-such-report'])];

  it('gives exactly the in-memory index’s hits: scores, order, ties and matched terms, whichever way it searches', async () => {
    const reference = miniSearchBackend.build(all, tokenize);
    // Corpus-wide in big rounds, one term a round (the bound checked at every step), a working set.
    const built: IndexUnderTest[] = [];
    for (const way of [inDatabase('corpus'), inDatabase('corpus', 1), inDatabase('working set')]) built.push(await way.build(all));
    let compared = 0;
    for (const q of [...questions, '发展 发展 推进 2024 工作', '一般公共预算收入 一般公共预算收入']) {
      const terms = tokenize(q);
      for (const reportIds of filters) {
        for (const limit of [10, 90]) {
          const expected = reference.search(terms, { limit, reportIds });
          for (const index of built) expect(await index.search(terms, { limit, reportIds }), `${q} ${limit}`).toEqual(expected);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  }, 300_000);
});

describe('the backends agree', () => {
  it('on the top passage for most questions', () => {
    const a = miniSearchBackend.build(passages, tokenize);
    const b = scanBackend.build(passages, tokenize);
    const questions = ['固定资产投资增长', '黄河流域生态保护', '城中村改造', '招商引资签约项目', '学校建设', '老旧小区改造', '营商环境', '粮食生产'];
    const same = questions.filter((q) => a.search(tokenize(q), { limit: 1 })[0]?.passageId === b.search(tokenize(q), { limit: 1 })[0]?.passageId);
    // Both implement BM25 with the same parameters; small differences in IDF rounding may reorder near-ties.
    expect(same.length).toBeGreaterThanOrEqual(questions.length - 2);
  });
});

describe('the postings scorer', () => {
  // A copy of each report under another id: identical passages tie exactly, which tests tie order.
  const copies = passages.map((p) => ({ ...p, id: `copy-${p.id}`, paragraphId: `copy-${p.paragraphId}`, reportId: `copy-${p.reportId}` }));
  const all = [...passages, ...copies];
  const questions = readFileSync(new URL('../../../evals/questions.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { question: string }).question);
  const filters: (Set<string> | undefined)[] = [
    undefined,
    new Set(['weidong-2024']),
    new Set(['huiji-2024', 'copy-huiji-2024']),
    new Set(['hongqi-2024', 'copy-weidong-2024', 'no-such-report']),
    new Set(['no-such-report']),
  ];

  it('gives exactly MiniSearch.search’s hits: scores, order, ties and matched terms', () => {
    const fast = miniSearchBackend.build(all, tokenize);
    const reference = miniSearchReference.build(all, tokenize);
    let compared = 0;
    for (const q of [...questions, '发展 发展 推进 2024 工作', '一般公共预算收入 一般公共预算收入']) {
      const terms = tokenize(q);
      for (const reportIds of filters) {
        for (const limit of [1, 10, 90]) {
          expect(fast.search(terms, { limit, reportIds })).toEqual(reference.search(terms, { limit, reportIds }));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('gives the same hits after a round trip through the snapshot', () => {
    const built = miniSearchBackend.build(all, tokenize);
    const loaded = miniSearchBackend.load(JSON.parse(JSON.stringify(built.serialize())), tokenize);
    const reference = miniSearchReference.load(JSON.parse(JSON.stringify(built.serialize())), tokenize);
    for (const q of questions.slice(0, 40)) {
      for (const reportIds of filters) {
        const hits = loaded.search(tokenize(q), { limit: 20, reportIds });
        expect(hits).toEqual(built.search(tokenize(q), { limit: 20, reportIds }));
        expect(hits).toEqual(reference.search(tokenize(q), { limit: 20, reportIds }));
      }
    }
  });
});

describe('the compact MiniSearch snapshot', () => {
  it('restores exactly the state MiniSearch.loadJS restores from toJSON', () => {
    const options = { fields: ['text', 'sectionTitle', 'lead'], storeFields: ['reportId'], tokenize, processTerm: (t: string) => t };
    const ms = new CompactMiniSearch<Passage>(options);
    ms.addAll(passages);
    const compact = CompactMiniSearch.fromCompact(JSON.parse(JSON.stringify(ms.toCompact())), options);
    const viaLoadJS = MiniSearch.loadJS(JSON.parse(JSON.stringify(ms.toJSON())), options);
    // toJSON lists every map in iteration order, so equal JSON means equal maps in equal order.
    expect(JSON.stringify(compact.toJSON()), 'same state as loadJS').toBe(JSON.stringify(viaLoadJS.toJSON()));
    // The built instance's term tree may list terms in another order (it grew term by term).
    const sorted = (m: MiniSearch) => {
      const js = m.toJSON();
      return JSON.stringify({ ...js, index: [...js.index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) });
    };
    expect(sorted(compact), 'same state as built').toBe(sorted(ms));
    expect(compact.search('黄河流域生态保护')).toEqual(ms.search('黄河流域生态保护'));
  });

  it('refuses a snapshot of another layout', () => {
    expect(() => CompactMiniSearch.fromCompact({} as never, { fields: ['text'] })).toThrow(/snapshot/);
  });
});
