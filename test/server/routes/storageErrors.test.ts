// A reports folder that is full or read-only: the API says so (507 / 503) with what to do,
// never "retry later" and never the folder's absolute path, and nothing is half-added or
// half-deleted. The failures are injected where the file system reports them.
import fs, { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import fsp from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../retrieval/corpus/loadCorpus.js';
import type { Corpus } from '../../../retrieval/types.js';
import { createApp } from '../../../server/app.js';
import { syntheticReportText } from '../../helpers/syntheticReport.js';

let parent: string;
let dir: string;
let corpus: Corpus;
let app: ReturnType<typeof createApp>;
/** The error code every write, rename, removal or folder creation in the reports folder fails with; none when undefined. */
let failing: string | undefined;

type AnyFn = (...args: unknown[]) => unknown;
const originals = new Map<object, Map<string, AnyFn>>();
function failInside(module: object, names: string[]) {
  const saved = new Map<string, AnyFn>();
  originals.set(module, saved);
  for (const name of names) {
    const original = (module as Record<string, AnyFn>)[name];
    saved.set(name, original);
    (module as Record<string, AnyFn>)[name] = function (this: unknown, path: unknown, ...rest: unknown[]) {
      const abs = typeof path === 'string' ? resolve(path) : '';
      const writing = name !== 'open' && name !== 'openSync' ? true : /[wa+x]/.test(String(rest[0] ?? 'r'));
      if (failing && writing && (abs === resolve(dir) || abs.startsWith(resolve(dir) + sep))) {
        throw Object.assign(new Error(`${failing}: injected, ${name} '${abs}'`), { code: failing, path: abs });
      }
      return original.call(this, path, ...rest);
    };
  }
}

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'storage-errors-'));
  dir = join(parent, 'reports');
  corpus = await loadCorpus({ reportsDir: dir, cacheDir: false });
  app = createApp({ corpus, reportsDir: dir });
  failInside(fsp, ['open', 'writeFile', 'rename', 'unlink', 'rm', 'mkdir']);
  failInside(fs, ['openSync', 'writeFileSync', 'renameSync', 'unlinkSync', 'rmSync', 'mkdirSync']);
  syncBuiltinESMExports();
});
afterEach(() => {
  failing = undefined;
});
afterAll(() => {
  for (const [module, saved] of originals) for (const [name, fn] of saved) (module as Record<string, AnyFn>)[name] = fn;
  syncBuiltinESMExports();
  rmSync(parent, { recursive: true, force: true });
});

function upload(name: string, text: string) {
  const form = new FormData();
  form.append('file', new Blob([text]), name);
  form.append('province', '青澜省');
  return app.request('/api/reports', { method: 'POST', body: form });
}
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;
const files = () => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('a reports folder that cannot be written', () => {
  it('full: an upload is 507 saying the disk is full, and nothing is added', async () => {
    failing = 'ENOSPC';
    const res = await upload('chengchuan.txt', syntheticReportText());
    expect(res.status).toBe(507);
    const error = await errorOf(res);
    expect(error.code).toBe('storage_full');
    expect(error.message).toMatch(/磁盘已满/);
    expect(error.message).not.toContain(parent);
    expect(error.message).not.toMatch(/稍后重试/);
    expect(corpus.reportById.has('chengchuan')).toBe(false);
    failing = undefined;
    expect(files()).toEqual([]);
  });

  it('read-only: an upload is 503 saying so, and works once the folder is writable', async () => {
    failing = 'EROFS';
    const res = await upload('chengchuan.txt', syntheticReportText());
    expect(res.status).toBe(503);
    const error = await errorOf(res);
    expect(error.code).toBe('storage_read_only');
    expect(error.message).toMatch(/只读/);
    expect(error.message).not.toContain(parent);
    failing = undefined;
    expect(files()).toEqual([]);
    expect((await upload('chengchuan.txt', syntheticReportText())).status).toBe(201);
  });

  it('not ours to write: a delete is 503 saying so, and the report stays, here and on disk', async () => {
    failing = 'EACCES';
    const res = await app.request('/api/reports/chengchuan', { method: 'DELETE' });
    expect(res.status).toBe(503);
    const error = await errorOf(res);
    expect(error.message).toMatch(/权限/);
    expect(error.message).not.toContain(parent);
    failing = undefined;
    expect(corpus.reportById.has('chengchuan')).toBe(true);
    expect(files()).toEqual(['chengchuan.meta.json', 'chengchuan.txt']);
    const patch = await app.request('/api/reports/chengchuan', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ city: '澄川新市' }) });
    expect(patch.status).toBe(200);
  });

  it('full while correcting: 507, and the metadata stays as it was', async () => {
    failing = 'ENOSPC';
    const res = await app.request('/api/reports/chengchuan', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ city: '别的市' }) });
    expect(res.status).toBe(507);
    failing = undefined;
    expect(corpus.reportById.get('chengchuan')!.meta.city).toBe('澄川新市');
    expect(files()).toEqual(['chengchuan.meta.json', 'chengchuan.txt']);
  });
});
