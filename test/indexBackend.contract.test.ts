// One contract, every index backend (MiniSearch BM25 scored from its postings,
// MiniSearch's own search, and the brute-force scan).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestReport } from '../retrieval/ingest/ingestReport.js';
import MiniSearch from 'minisearch';
import { CompactMiniSearch } from '../retrieval/index/compactMiniSearch.js';
import { createMiniSearchBackend, miniSearchBackend } from '../retrieval/index/miniSearchBackend.js';
import { scanBackend } from '../retrieval/index/scanBackend.js';
import type { IndexBackend, Passage, SearchIndex } from '../retrieval/types.js';
import { createTokenizer } from '../retrieval/tokenize/createTokenizer.js';

const tokenizer = createTokenizer();
const tokenize = (t: string) => tokenizer.tokenize(t);
const passages: Passage[] = ['huiji-2024', 'weidong-2024', 'hongqi-2024'].flatMap(
  (id) => ingestReport({ id, sourceFile: `${id}.txt`, bytes: readFileSync(new URL(`../seeds/${id}.txt`, import.meta.url)) }).passages,
);
const textOf = (id: string) => passages.find((p) => p.id === id)!.text;

const miniSearchReference = createMiniSearchBackend({ scorer: 'minisearch' });
const backends: [string, IndexBackend][] = [
  ['minisearch (postings scorer)', miniSearchBackend],
  ['minisearch (MiniSearch.search)', miniSearchReference],
  ['scan', scanBackend],
];

for (const [label, backend] of backends) {
  describe(`index backend: ${label}`, () => {
    let index: SearchIndex;
    beforeAll(() => {
      index = backend.build(passages, tokenize);
    });

    it('indexes every passage', () => {
      expect(index.size).toBe(passages.length);
      expect(index.backend).toBe(backend.name);
    });

    it('ranks the passage stating a figure first for its words', () => {
      const hits = index.search(tokenize('地区生产总值增长7%左右 预期目标'), { limit: 5 });
      expect(textOf(hits[0].passageId)).toContain('地区生产总值增长7%左右');
    });

    it('returns hits in descending score order with the matched terms', () => {
      const hits = index.search(tokenize('研发经费投入强度'), { limit: 10 });
      expect(hits.length).toBeGreaterThan(0);
      for (let i = 1; i < hits.length; i++) expect(hits[i - 1].score).toBeGreaterThanOrEqual(hits[i].score);
      expect(hits[0].terms.length).toBeGreaterThan(0);
      expect(textOf(hits[0].passageId)).toContain('研发经费投入强度');
    });

    it('respects the report filter and the limit', () => {
      const only = new Set(['weidong-2024']);
      const hits = index.search(tokenize('一般公共预算收入'), { limit: 3, reportIds: only });
      expect(hits.length).toBeLessThanOrEqual(3);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((h) => h.passageId.startsWith('weidong-2024:'))).toBe(true);
    });

    it('finds nothing for no terms or unknown terms', () => {
      expect(index.search([], { limit: 5 })).toEqual([]);
      expect(index.search(['zzzz不存在的词'], { limit: 5 })).toEqual([]);
    });

    it('adds a report’s passages and ranks exactly as an index built with them', () => {
      const without = passages.filter((p) => p.reportId !== 'hongqi-2024');
      const added = passages.filter((p) => p.reportId === 'hongqi-2024');
      const grown = backend.build(without, tokenize);
      expect(grown.search(tokenize('营商环境'), { limit: 50, reportIds: new Set(['hongqi-2024']) })).toEqual([]);
      grown.add(added);
      expect(grown.size).toBe(passages.length);
      for (const q of ['营商环境', '城镇调查失业率', '一般公共预算收入增长']) {
        expect(grown.search(tokenize(q), { limit: 20 })).toEqual(index.search(tokenize(q), { limit: 20 }));
      }
    });

    it('removes a report’s passages: they are never found again and the rest rank as without them', () => {
      const shrunk = backend.build(passages, tokenize);
      const gone = passages.filter((p) => p.reportId === 'weidong-2024');
      shrunk.remove(gone);
      expect(shrunk.size).toBe(passages.length - gone.length);
      const fresh = backend.build(passages.filter((p) => p.reportId !== 'weidong-2024'), tokenize);
      // Every hit, rounded: document numbering (and so the order of exact ties) may differ.
      const all = (i: SearchIndex, q: string) =>
        i
          .search(tokenize(q), { limit: 10_000 })
          .map((h) => `${h.passageId} ${h.score.toFixed(6)}`)
          .sort();
      for (const q of ['一般公共预算收入', '卫东区 营商环境', '黄河流域生态保护']) {
        const hits = all(shrunk, q);
        expect(hits.some((h) => h.startsWith('weidong-2024:'))).toBe(false);
        expect(hits).toEqual(all(fresh, q));
      }
      shrunk.add(gone);
      expect(shrunk.search(tokenize('一般公共预算收入'), { limit: 5, reportIds: new Set(['weidong-2024']) }).length).toBeGreaterThan(0);
    });

    it('round-trips through its serialised form with identical results', () => {
      const restored = backend.load(JSON.parse(JSON.stringify(index.serialize())), tokenize);
      for (const q of ['惠济区招商引资', '城镇调查失业率', '黄河流域生态保护']) {
        expect(restored.search(tokenize(q), { limit: 5 })).toEqual(index.search(tokenize(q), { limit: 5 }));
      }
    });
  });
}

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
  const questions = readFileSync(new URL('../evals/questions.jsonl', import.meta.url), 'utf8')
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
