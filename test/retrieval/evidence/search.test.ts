import { execFile } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../retrieval/types.js';
import { QueryError } from '../../../retrieval/evidence/searchCorpus.js';
import { sharedCorpus } from '../../helpers/corpus.js';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await sharedCorpus();
});

describe('search', () => {
  it('puts the paragraph with 地区生产总值增长7%左右 first for the example question', () => {
    const r = corpus.search('惠济区2024年GDP目标是多少');
    expect(r.query).toMatchObject({ place: '惠济区', year: 2024, indicator: '地区生产总值', intent: 'target' });
    expect(r.results[0].reportId).toBe('huiji-2024');
    expect(corpus.paragraphById.get(r.results[0].id)!.text).toContain('地区生产总值增长7%左右');
    // The matched sentence is the one stating the figure.
    const p = corpus.paragraphById.get(r.results[0].id)!;
    expect(r.results[0].matchedSentences.some((s) => p.text.slice(s.start, s.end).includes('7%左右'))).toBe(true);
  });

  it('finds an actual figure for year Y in the report delivered in Y+1', () => {
    const r = corpus.search('红旗区2019年一般公共预算收入是多少');
    expect(r.results[0].reportId).toBe('hongqi-2020');
    expect(r.results[0].text).toContain('9.6亿元');
  });

  it('searches every report when no district is named, and one when it is', () => {
    const all = corpus.search('城镇调查失业率', { k: 10 });
    expect(new Set(all.results.map((h) => h.reportId)).size).toBeGreaterThan(1);
    const one = corpus.search('卫东区城镇调查失业率', { k: 10 });
    expect(one.results.every((h) => h.reportId === 'weidong-2024')).toBe(true);
  });

  it('applies explicit filters', () => {
    const r = corpus.search('一般公共预算收入', { k: 10, filters: { place: '惠济' } });
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.every((h) => h.place === '惠济区')).toBe(true);
  });

  it('returns distinct paragraphs, each with a score, its section path and passage offsets', () => {
    const r = corpus.search('黄河流域生态保护', { k: 8 });
    expect(new Set(r.results.map((h) => h.id)).size).toBe(r.results.length);
    for (const h of r.results) {
      const p = corpus.paragraphById.get(h.id)!;
      expect(p.text.slice(h.start, h.end)).toBe(h.text);
      expect(h.score).toBeGreaterThan(0);
    }
  });

  it('finds nothing for places no report covers', () => {
    expect(corpus.search('金水区2024年GDP目标').results).toEqual([]);
  });

  it('rejects an empty question and survives a 100 KB one', () => {
    expect(() => corpus.search('   ')).toThrow(QueryError);
    const huge = '惠济区GDP目标'.repeat(15_000);
    expect(huge.length).toBeGreaterThan(100_000);
    expect(() => corpus.search(huge)).not.toThrow();
  });
});

describe('CLI', () => {
  const cli = (args: string[], input?: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile('npx', ['tsx', 'retrieval/cli/search.ts', ...args], { cwd: new URL('../../..', import.meta.url).pathname }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      if (input !== undefined) child.stdin!.end(input);
    });

  it('prints the GDP target paragraph first', async () => {
    const r = await cli(['惠济区2024年GDP目标是多少']);
    expect(r.code).toBe(0);
    const first = r.stdout.split('\n').findIndex((l) => l.startsWith('1. '));
    expect(r.stdout.split('\n')[first]).toContain('huiji-2024');
    expect(r.stdout.split('\n')[first + 1]).toContain('地区生产总值增长7%左右');
  });

  it('answers JSON lines for questions on stdin', async () => {
    const r = await cli(['--k', '3', '--jsonl'], '惠济区2024年GDP目标是多少\n\n卫东区研发投入\n');
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0].query).toEqual({ place: '惠济区', year: 2024, indicator: '地区生产总值', intent: 'target' });
    expect(lines[0].results).toHaveLength(3);
    expect(Object.keys(lines[0].results[0]).sort()).toEqual(['id', 'reportId', 'score', 'text']);
  });

  it('says clearly that an empty question is empty', async () => {
    const r = await cli(['']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('问题为空');
  });
});
