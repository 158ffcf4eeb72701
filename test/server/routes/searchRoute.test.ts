// GET /api/search, the hit test: the question as understood, and the ranked
// passages with their scores and the words that matched.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../retrieval/public.js';
import { ErrorResponseSchema, SearchResponseSchema } from '../../../server/api/schemas.js';
import { createApp } from '../../../server/app.js';
import { findTerms } from '../../../server/routes/findTerms.js';
import { sharedCorpus } from '../../helpers/corpus.js';

let corpus: Corpus;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  corpus = await sharedCorpus();
  app = createApp({ corpus });
});

const search = async (params: Record<string, string | string[]>) => {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of [v].flat()) qs.append(k, one);
  return app.request(`/api/search?${qs}`);
};

describe('GET /api/search', () => {
  it('reads the example question and ranks the paragraph stating the target first', async () => {
    const res = await search({ q: '惠济区2024年GDP目标是多少' });
    expect(res.status).toBe(200);
    const body = SearchResponseSchema.parse(await res.json());
    expect(body.query).toMatchObject({ place: '惠济区', year: 2024, indicator: '地区生产总值', intent: 'target', yearRole: 'target' });
    expect(body.query.terms).toContain('地区生产总值');
    expect(body.results.length).toBeGreaterThan(1);
    expect(body.results.length).toBeLessThanOrEqual(10);
    const top = body.results[0];
    expect(top).toMatchObject({ rank: 1, reportId: 'huiji-2024' });
    expect(top.text).toContain('地区生产总值增长7%左右');
    expect(top.matchedTerms).toContain('地区生产总值');
    // Every span marks a matched word, inside the passage.
    for (const s of top.termSpans) expect(top.matchedTerms.some((t) => top.text.slice(s.start, s.end).toLowerCase().includes(t))).toBe(true);
    expect(body.results.map((r) => r.score)).toEqual([...body.results.map((r) => r.score)].sort((a, b) => b - a));
    // The same ranking the library gives.
    expect(body.results.map((r) => r.id)).toEqual(corpus.search('惠济区2024年GDP目标是多少', { k: 10 }).results.map((r) => r.id));
  });

  it('honours k and the filters, and reads a follow-up with the conversation before it', async () => {
    const two = SearchResponseSchema.parse(await (await search({ q: '科技创新', k: '2', place: '卫东区' })).json());
    expect(two.results).toHaveLength(2);
    expect(two.results.every((r) => r.place === '卫东区')).toBe(true);

    const follow = SearchResponseSchema.parse(await (await search({ q: '那卫东区呢？', context: ['惠济区2024年GDP目标是多少'] })).json());
    expect(follow.query).toMatchObject({ place: '卫东区', indicator: '地区生产总值', year: 2024 });
    expect(follow.results[0].reportId).toBe('weidong-2024');
  });

  it('says the reports do not cover a place it does not know, with no passages', async () => {
    const body = SearchResponseSchema.parse(await (await search({ q: '金水区2024年GDP目标是多少' })).json());
    expect(body.results).toEqual([]);
    expect(body.query.noMatchingReport).toBe(true);
  });

  it('refuses a missing question or a bad k, in Chinese', async () => {
    const cases: Record<string, string>[] = [{}, { q: '  ' }, { q: '科技', k: '0' }, { q: '科技', k: '51' }, { q: '科技', year: 'abc' }];
    for (const params of cases) {
      const res = await search(params);
      expect(res.status).toBe(400);
      const { error } = ErrorResponseSchema.parse(await res.json());
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(error.message).not.toMatch(/Invalid|expected|Too (big|small)/);
    }
  });
});

describe('findTerms', () => {
  it('finds each term case-insensitively, merges touching spans and skips lone characters', () => {
    const { matched, spans } = findTerms('GDP增长7%，地区生产总值增长', ['gdp', '增长', '地区生产总值', '区', '7%']);
    expect(matched).toEqual(['gdp', '增长', '地区生产总值', '7%']);
    expect(spans).toEqual([
      { start: 0, end: 7 },
      { start: 8, end: 16 },
    ]);
  });
});
