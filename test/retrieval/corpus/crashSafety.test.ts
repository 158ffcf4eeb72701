// A crash (kill -9) at any write, rename or removal of adding, correcting or deleting a
// report leaves, after the next start, a whole report or none: never a report without its
// sidecar, an orphan sidecar that makes the next upload <id>-2, or a temp file. Every step of
// each change is tried as the last one (test/helpers/faultInjection.ts), in child processes.
// A change that completed was flushed before it was acknowledged: file, then rename, then
// the folder.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../retrieval/corpus/loadCorpus.js';
import { createReportStore } from '../../../retrieval/corpus/reportStore.js';
import { ReportChangeResponseSchema, ReportListResponseSchema } from '../../../server/api/schemas.js';
import { startServer } from '../../../server/startServer.js';
import type { StoreJob } from '../../helpers/storeChild.js';
import { syntheticReportText } from '../../helpers/syntheticReport.js';

const CHILD = fileURLToPath(new URL('../../helpers/storeChild.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const TEXT = syntheticReportText();
const FIELDS = { province: '青澜省' };

let work: string;
/** A folder holding chengchuan.txt, added with its sidecar: what delete and update start from. */
let withReport: string;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'crash-safety-'));
  withReport = join(work, 'with-report');
  const corpus = await loadCorpus({ dir: null, reportsDir: withReport, cacheDir: false });
  await createReportStore(corpus, withReport).add('chengchuan.txt', Buffer.from(TEXT), FIELDS);
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

let runs = 0;
/** Runs one job in a child process: 'done' with its steps, or 'killed'. */
function runChild(job: StoreJob): Promise<{ killed: boolean; steps: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CHILD, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') return resolve({ killed: true, steps: [] });
      if (code !== 0) return reject(new Error(`child failed (${code}): ${err}`));
      resolve({ killed: false, steps: (JSON.parse(out.trim().split('\n').pop()!) as { steps: string[] }).steps });
    });
  });
}

function folderFor(start: 'empty' | 'with-report'): string {
  const dir = join(work, `run-${++runs}`);
  if (start === 'with-report') cpSync(withReport, dir, { recursive: true });
  return dir;
}

/** The server started again on the folder: what it serves, and whether a fresh upload of the name gets its id back. */
async function restart(dir: string) {
  const server = await startServer({ port: 0, quiet: true, llm: null, reportsDir: dir, env: { SEEDS: 'off' } });
  try {
    const list = ReportListResponseSchema.parse(await (await fetch(`${server.url}/api/reports`)).json());
    const files = readdirSync(dir).sort();
    const report = list.reports.find((r) => r.id.startsWith('chengchuan'));
    let reuploadId: string | undefined;
    if (!report) {
      const form = new FormData();
      form.append('file', new Blob([TEXT]), 'chengchuan.txt');
      const res = await fetch(`${server.url}/api/reports`, { method: 'POST', body: form });
      reuploadId = ReportChangeResponseSchema.parse(await res.json()).report.id;
    }
    return { report, files, errors: list.errors, reuploadId };
  } finally {
    await server.close();
  }
}

/** Every step of `job` as the last: each run killed there, then the folder checked after a restart. */
async function everyCrash(start: 'empty' | 'with-report', job: Omit<StoreJob, 'dir' | 'killAt'>, check: (after: Awaited<ReturnType<typeof restart>>, completed: boolean) => void) {
  const full = await runChild({ ...job, dir: folderFor(start), killAt: 0 });
  const changes = full.steps.filter((s) => !s.startsWith('sync ')).length;
  expect(changes).toBeGreaterThan(0);
  const killAts = Array.from({ length: changes }, (_, i) => i + 1);
  // A few children at a time: each mostly waits on start-up.
  for (let i = 0; i < killAts.length; i += 3) {
    const batch = killAts.slice(i, i + 3).map(async (k) => {
      const dir = folderFor(start);
      const run = await runChild({ ...job, dir, killAt: k });
      return { dir, run, k };
    });
    for (const { dir, run, k } of await Promise.all(batch)) {
      expect(run.killed, `step ${k} of ${changes} was reached`).toBe(true);
      check(await restart(dir), false);
    }
  }
  return full.steps;
}

describe('a crash at any step of a change to the reports folder', () => {
  it('adding: afterwards the report is whole (with its sidecar) or absent, and its name is free again', { timeout: 300_000 }, async () => {
    const steps = await everyCrash('empty', { op: 'add', name: 'chengchuan.txt', text: TEXT, fields: FIELDS }, (after) => {
      expect(after.files.filter((f) => f.startsWith('.'))).toEqual([]);
      expect(after.errors).toEqual([]);
      if (after.report) {
        expect(after.report).toMatchObject({ id: 'chengchuan', province: '青澜省' });
        expect(after.files).toEqual(['chengchuan.meta.json', 'chengchuan.txt']);
      } else {
        expect(after.files).toEqual([]);
        expect(after.reuploadId).toBe('chengchuan');
      }
    });
    // Completed: flushed before it was acknowledged. Each file is flushed before it is renamed
    // into place, the sidecar lands before the report file, and the folder is flushed after.
    const at = (s: string) => steps.indexOf(s);
    const renames = steps.filter((s) => s.startsWith('rename '));
    expect(renames.map((s) => s.split(' ')[2])).toEqual(['chengchuan.meta.json', 'chengchuan.txt']);
    for (const r of renames) {
      const tmp = r.split(' ')[1];
      expect(at(`sync ${tmp}`)).toBeGreaterThan(-1);
      expect(at(`sync ${tmp}`)).toBeLessThan(at(r));
      expect(steps.indexOf('sync .', at(r))).toBeGreaterThan(at(r));
    }
  });

  it('deleting: afterwards the report is whole or gone with its sidecar, and its name is free again', { timeout: 300_000 }, async () => {
    const steps = await everyCrash('with-report', { op: 'delete', id: 'chengchuan' }, (after) => {
      expect(after.files.filter((f) => f.startsWith('.'))).toEqual([]);
      if (after.report) {
        expect(after.report).toMatchObject({ id: 'chengchuan', province: '青澜省' });
        expect(after.files).toEqual(['chengchuan.meta.json', 'chengchuan.txt']);
      } else {
        expect(after.files).toEqual([]);
        expect(after.reuploadId).toBe('chengchuan');
      }
    });
    const unlinks = steps.filter((s) => /^unlink chengchuan/.test(s));
    expect(unlinks).toEqual(['unlink chengchuan.txt', 'unlink chengchuan.meta.json']);
    expect(steps.lastIndexOf('sync .')).toBeGreaterThan(steps.indexOf('unlink chengchuan.meta.json'));
  });

  it('correcting: afterwards the old metadata or the new, never none', { timeout: 300_000 }, async () => {
    await everyCrash('with-report', { op: 'update', id: 'chengchuan', fields: { city: '澄川新市' } }, (after) => {
      expect(after.files).toEqual(['chengchuan.meta.json', 'chengchuan.txt']);
      expect(after.report).toMatchObject({ id: 'chengchuan', province: '青澜省' });
      expect(['青澜市', '澄川新市']).toContain(after.report!.city);
    });
  });
});
