// Uploads are read and ingested in worker threads: the server keeps answering while a long
// file is processed, and each file has a budget (time 422, memory 413, text 413) and waits in
// a bounded queue (503 with Retry-After past it). A refused upload writes nothing.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../retrieval/corpus/loadCorpus.js';
import type { Corpus } from '../../../retrieval/types.js';
import { createIngestPool, type IngestPool } from '../../../retrieval/corpus/ingestPool.js';
import { createApp } from '../../../server/app.js';
import { syntheticReportText } from '../../helpers/syntheticReport.js';

let parent: string;
let corpus: Corpus;
const pools: IngestPool[] = [];
beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'upload-workers-'));
  corpus = await loadCorpus({ cacheDir: false });
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  rmSync(parent, { recursive: true, force: true });
});

function appWith(budget: Partial<Parameters<typeof createIngestPool>[0]> = {}) {
  const pool = createIngestPool({ timeMs: 60_000, heapMb: 512, maxThreads: 1, queue: 8, warm: 0, idleMs: 5_000, ...budget });
  pools.push(pool);
  const dir = mkdtempSync(join(parent, 'reports-'));
  return { app: createApp({ corpus, reportsDir: dir, ingestPool: pool }), dir };
}

function upload(app: ReturnType<typeof createApp>, name: string, bytes: Uint8Array | string) {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  return app.request('/api/reports', { method: 'POST', body: form });
}

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;
const files = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);
/** A report near the longest a file may be (300,000 characters): seconds of reading and indexing. */
const longReport = (place: string) => syntheticReportText(2150, place);

describe('uploads read in worker threads', () => {
  it('leave the loop free: /healthz and /api/ask are answered all the while a long report is read and indexed', { timeout: 120_000 }, async () => {
    const { app } = appWith();
    const indexed = corpus.index.size;
    const started = performance.now();
    let settled = false;
    const pending = Promise.resolve(upload(app, 'long.txt', longReport('澄川'))).finally(() => {
      settled = true;
    });
    const answeredAt: number[] = [];
    let asked = false;
    while (!settled) {
      const res = await app.request('/healthz');
      expect(res.status).toBe(200);
      answeredAt.push(performance.now());
      if (!asked) {
        asked = true;
        const ask = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '惠济区2024年GDP目标是多少' }) });
        expect(((await ask.json()) as { answer: string }).answer).toContain('7%左右');
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const res = await pending;
    expect(res.status).toBe(201);
    const took = performance.now() - started;
    // Held on the loop, reading and indexing would leave one gap as long as most of the upload;
    // here the loop is never held for more than a small share of it.
    const gaps = answeredAt.map((t, i) => t - (i ? answeredAt[i - 1] : started));
    expect(answeredAt.length).toBeGreaterThan(10);
    expect(Math.max(...gaps)).toBeLessThan(took / 4);
    // Indexed in full, slice after slice.
    expect(corpus.index.size).toBe(indexed + corpus.reportById.get('long')!.passages.length);
    expect(corpus.search('澄川区2024年GDP目标是多少').results.some((h) => h.reportId === 'long')).toBe(true);
    corpus.removeReport('long');
  });

  it('refuse a file whose text is longer than any report’s with 413, before indexing it', async () => {
    const { app, dir } = appWith();
    const res = await upload(app, 'huge.txt', syntheticReportText(2600, '沐溪'));
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toMatch(/文字过多.*上限 300 千字/);
    expect(files(dir)).toEqual([]);
  });

  it('refuse a file that takes longer than its time budget with 422', { timeout: 60_000 }, async () => {
    const { app, dir } = appWith({ timeMs: 300 });
    const res = await upload(app, 'slow.txt', longReport('濯阳'));
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('processing_timeout');
    expect(error.message).toMatch(/超时/);
    expect(files(dir)).toEqual([]);
    expect(corpus.reportById.has('slow')).toBe(false);
  });

  it('refuse a file that needs more memory than its budget with 413, and the next upload still works', { timeout: 120_000 }, async () => {
    const { app, dir } = appWith({ heapMb: 40 });
    // Half a megabyte of nested markup: a DOM of hundreds of thousands of nodes.
    const page = '<!doctype html><html><body>' + '<div><span>字</span></div>'.repeat(20_000) + '</body></html>';
    const res = await upload(app, 'deep.html', page);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toMatch(/内存超过上限（40 MB）/);
    expect(files(dir)).toEqual([]);
    const next = await upload(app, 'after.txt', syntheticReportText(0, '岚溪'));
    expect(next.status).toBe(201);
    corpus.removeReport('after');
  });

  it('refuse uploads past the queue at once with 503 and Retry-After, writing nothing for them', { timeout: 120_000 }, async () => {
    const { app, dir } = appWith({ queue: 1 });
    const places = ['蓼川', '苇川', '芦川', '荇川', '蒹川'];
    const results = await Promise.all(places.map((p, i) => upload(app, `queued-${i}.txt`, syntheticReportText(300, p))));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 201 || s === 503)).toBe(true);
    for (const r of results.filter((r) => r.status === 503)) {
      expect(r.headers.get('retry-after')).toBe('10');
      expect((await errorOf(r)).code).toBe('busy');
    }
    const added = statuses.filter((s) => s === 201).length;
    expect(files(dir).filter((f) => f.endsWith('.txt'))).toHaveLength(added);
    expect(files(dir).some((f) => f.startsWith('.'))).toBe(false);
    for (let i = 0; i < places.length; i++) corpus.removeReport(`queued-${i}`);
  });
});
