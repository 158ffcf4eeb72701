// npm run bench:uploads — how quickly the server answers GET /healthz and POST /api/ask
// while the worst uploads of each kind are processed (worstUploads.ts). For each kind: the
// server in its own process (as `npm start` runs it; built-in reports, a fresh reports
// folder, offline answerer), the file(s) uploaded at once, and a probe alternating /healthz
// and /api/ask, one after another, until every upload is answered. Loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { percentile, PROJECT_ROOT } from '../../retrieval/public.js';
import { worstUploads } from './worstUploads.js';

const QUESTION = '惠济区2024年GDP目标是多少';
/** An upload still unanswered after this long is counted as such and the kind ends. */
const UPLOAD_LIMIT_MS = 180_000;

async function startServer(reportsDir: string): Promise<{ url: string; child: ChildProcess }> {
  const env = { ...process.env, PORT: '0', REPORTS_DIR: reportsDir, LLM_BASE_URL: '', LLM_MODEL: '', API_TOKEN: '' };
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'server', 'main.ts')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', () => undefined);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return { url, child };
}

/**
 * Milliseconds until `fn` was answered, or until it failed: a server whose loop is held
 * lets keep-alive sockets time out under waiting requests, which then fail with ECONNRESET
 * after as long a wait.
 */
async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; ok: boolean }> {
  const t = performance.now();
  try {
    await fn();
    return { ms: performance.now() - t, ok: true };
  } catch {
    return { ms: performance.now() - t, ok: false };
  }
}

function upload(url: string, file: { name: string; bytes: Buffer }): Promise<number | string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
  return fetch(`${url}/api/reports`, { method: 'POST', body: form, signal: AbortSignal.timeout(UPLOAD_LIMIT_MS) }).then(
    async (r) => {
      await r.arrayBuffer();
      return r.status;
    },
    (e: Error) => (e.name === 'TimeoutError' ? 'no answer' : e.message),
  );
}

const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(1) : x.toFixed(0)) : '–');
const fmt = (xs: number[]) => `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 99))} / ${ms(Math.max(...xs))}`;

const kinds = await worstUploads();
const rows: string[] = [];
for (const { kind, files } of kinds) {
  const reportsDir = mkdtempSync(join(tmpdir(), 'bench-uploads-'));
  const { url, child } = await startServer(reportsDir);
  try {
    const ask = () => fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: QUESTION }) }).then((r) => r.text());
    const health = () => fetch(`${url}/healthz`).then((r) => r.text());
    for (let i = 0; i < 20; i++) await Promise.all([ask(), health()]); // warm up
    const healthMs: number[] = [];
    const askMs: number[] = [];
    let failed = 0;
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    let settled = false;
    const t0 = performance.now();
    const uploads = Promise.all(files.map((f) => upload(url, f))).finally(() => {
      settled = true;
    });
    while (!settled) {
      for (const [probe, times] of [[health, healthMs], [ask, askMs]] as const) {
        const took = await timed(probe);
        times.push(took.ms);
        if (!took.ok) failed++;
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const statuses = await uploads;
    const wall = performance.now() - t0;
    const counts = new Map<string, number>();
    for (const s of statuses) counts.set(String(s), (counts.get(String(s)) ?? 0) + 1);
    const outcome =
      [...counts].map(([s, n]) => (n > 1 ? `${s} ×${n}` : s)).join(', ') + (exited ? '; the server died' : '') + (failed ? `; ${failed} probe(s) failed after waiting` : '');
    const size = files.reduce((n, f) => n + f.bytes.length, 0);
    rows.push(`| ${kind} | ${(size / 1024).toFixed(0)} KB | ${outcome} | ${(wall / 1000).toFixed(1)} s | ${fmt(healthMs)} | ${fmt(askMs)} |`);
    console.error(`done: ${kind}`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(reportsDir, { recursive: true, force: true });
  }
}

console.log(`# /healthz and /api/ask while the worst uploads are processed`);
console.log(`${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'} · ${(totalmem() / 1024 ** 3).toFixed(0)} GiB · Node ${process.version} · \`npm run bench:uploads\``);
console.log('');
console.log('| upload | size | answer | until answered | /healthz ms p50 / p99 / max | /api/ask ms p50 / p99 / max |');
console.log('|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
