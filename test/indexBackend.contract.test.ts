// One contract, every index backend (MiniSearch BM25 and the brute-force scan).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestReport } from '../retrieval/ingest/ingestReport.js';
import { miniSearchBackend } from '../retrieval/index/miniSearchBackend.js';
import { scanBackend } from '../retrieval/index/scanBackend.js';
import type { IndexBackend, SearchIndex } from '../retrieval/index/SearchIndex.js';
import { createTokenizer } from '../retrieval/tokenize/createTokenizer.js';
import type { Passage } from '../retrieval/types.js';

const tokenizer = createTokenizer();
const tokenize = (t: string) => tokenizer.tokenize(t);
const passages: Passage[] = ['huiji-2024', 'weidong-2024', 'hongqi-2024'].flatMap(
  (id) => ingestReport({ id, sourceFile: `${id}.txt`, bytes: readFileSync(new URL(`../seeds/${id}.txt`, import.meta.url)) }).passages,
);
const textOf = (id: string) => passages.find((p) => p.id === id)!.text;

for (const backend of [miniSearchBackend, scanBackend] as IndexBackend[]) {
  describe(`index backend: ${backend.name}`, () => {
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
