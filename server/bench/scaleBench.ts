// npm run bench:scale -- [--sizes 5,1000,10000] [--requests 400] [--embedded-max 1000] [--keep]
// The corpus in PostgreSQL at scale, measured as users run it: N synthetic reports
// (retrieval/bench/syntheticCorpus.ts) written to a folder and loaded by npm run
// db:load, two `npm start` servers on the database, /api/ask from 1, 16 and 64
// concurrent clients spread over both, each server's memory, the database's size,
// and how long one upload through one server takes to be answered by the other.
// The in-memory default is measured the same way where it fits (--embedded-max).
// Needs DATABASE_URL (a database it may create schemas bench_scale_<N> in); loopback
// only; every request and wait is bounded. --keep keeps the schemas and files, and a
// later run reuses a schema that already holds its N reports.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { databaseConfigFromEnv, percentile, PROJECT_ROOT, readSeeds, redactUrl, syntheticQuestion, syntheticQuestions, syntheticReport } from '../../retrieval/public.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '5,1000,10000' },
    requests: { type: 'string', default: '400' },
    'embedded-max': { type: 'string', default: '1000' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.sizes.split(',').map(Number);
const requests = Number(values.requests);
const embeddedMax = Number(values['embedded-max']);
const config = databaseConfigFromEnv();
if (!config) {
  console.error('npm run bench:scale needs DATABASE_URL (e.g. the throwaway cluster of the README: postgres://postgres@127.0.0.1:55432/postgres)');
  process.exit(2);
}
const CONCURRENCY = [1, 16, 64];
const REQUEST_TIMEOUT_MS = 30_000;
const seeds = readSeeds(join(PROJECT_ROOT, 'seeds'));
const asked = readFileSync(join(PROJECT_ROOT, 'evals', 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { question: string; category: string; evidence: { report: string }[] })
  .map((q) => ({ question: q.question, report: q.evidence[0]?.report, category: q.category }));
const tsx = join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const work = mkdtempSync(join(tmpdir(), 'bench-scale-'));
const running: ChildProcess[] = [];

const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

console.log(`# scale benchmark — ${new Date().toISOString()}, node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${mb(totalmem())} RAM`);
console.log(`database: ${redactUrl(config.url)}; /api/ask: ${requests} requests per concurrency level, dev questions rewritten for the synthetic reports`);

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = [], schema = 'public'): Promise<T[]> {
  const client = new pg.Client({ connectionString: config!.url, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

/** N synthetic report files, written one at a time. */
function writeCorpus(n: number): string {
  const dir = join(work, `reports-${n}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const r = syntheticReport(i, seeds);
    writeFileSync(join(dir, `${r.id}.txt`), r.bytes);
  }
  return dir;
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, ...args], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (out += d));
    child.on('exit', (code) => resolve({ code, out }));
  });
}

interface Server {
  port: number;
  child: ChildProcess;
  startMs: number;
  /** The server's last output, shown when something fails. */
  log(): string;
}

function startServer(port: number, env: NodeJS.ProcessEnv): Promise<Server> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'server', 'main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LLM_BASE_URL: '', LLM_MODEL: '', API_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server on ${port} did not start within 15 min:\n${log.slice(-2000)}`)), 15 * 60_000);
    const onData = (d: Buffer) => {
      log = (log + d).slice(-20_000);
      if (log.includes('listening on')) {
        clearTimeout(timer);
        resolve({ port, child, startMs: performance.now() - t0, log: () => log.slice(-3000) });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server on ${port} exited with ${code}:\n${log.slice(-2000)}`)));
  });
}

async function stop(servers: Server[]): Promise<void> {
  for (const s of servers) {
    if (s.child.exitCode !== null) continue;
    const gone = new Promise((r) => s.child.once('exit', r));
    s.child.kill('SIGTERM');
    await gone;
  }
}

/** Resident and peak memory of a process (Linux /proc). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

async function ask(port: number, question: string): Promise<{ ok: boolean; ms: number; body?: { status: string; citations: { reportId: string }[] } }> {
  const t = performance.now();
  try {
    const res = await fetch(`http://127.0.0.1:${port}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await res.json()) as { status: string; citations: { reportId: string }[] };
    return { ok: res.ok, ms: performance.now() - t, body };
  } catch {
    return { ok: false, ms: performance.now() - t };
  }
}

/** `total` questions from `clients` clients at once, client i on server i mod 2. */
async function load(servers: Server[], questions: string[], clients: number, total: number) {
  let next = 0;
  const times: number[] = [];
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = next++; i < total; i = next++) {
        const r = await ask(servers[c % servers.length].port, questions[i % questions.length]);
        times.push(r.ms);
        if (!r.ok) failed++;
      }
    }),
  );
  const wall = performance.now() - t0;
  return { p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), failed, rate: (total / wall) * 1000 };
}

/** One more report uploaded to the first server, and the time until the second answers from it (or the first, in memory). */
async function uploadToAnswer(servers: Server[], n: number, answeredBy: Server) {
  const i = n + 7;
  const report = syntheticReport(i, seeds);
  // A target question about the seed this report copies, asked of the new report's place and years.
  const q = asked.find((x) => x.report === seeds[i % seeds.length].id && x.category === 'target')!;
  const question = syntheticQuestion(q.question, i, seeds);
  // A kept schema may hold the upload of an earlier run: it goes first (through the API, so every server hears of it).
  await fetch(`http://127.0.0.1:${servers[0].port}/api/reports/bench-upload-${i}`, { method: 'DELETE', signal: AbortSignal.timeout(30_000) }).catch(() => undefined);
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(report.bytes)]), `bench-upload-${i}.txt`);
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${servers[0].port}/api/reports`, { method: 'POST', body: form, signal: AbortSignal.timeout(60_000) });
  const uploaded = (await res.json()) as { report?: { id: string } };
  const uploadMs = performance.now() - t0;
  if (!res.ok || !uploaded.report) return { uploadMs, answerMs: NaN, note: `upload failed: ${JSON.stringify(uploaded).slice(0, 200)}` };
  const id = uploaded.report.id;
  for (;;) {
    const r = await ask(answeredBy.port, question);
    if (r.body?.citations?.some((c) => c.reportId === id)) return { uploadMs, answerMs: performance.now() - t0 };
    if (!r.ok) console.error(`ask ${answeredBy.port} failed: ${JSON.stringify(r.body).slice(0, 300)}\n${answeredBy.log()}`);
    if (performance.now() - t0 > 20_000) return { uploadMs, answerMs: NaN, note: `not answered from it within 20 s: ${question} → ${JSON.stringify(r.body).slice(0, 300)}` };
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function schemaSize(schema: string): Promise<number> {
  const rows = await sql<{ bytes: string }>(
    `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
    [schema],
  );
  return Number(rows[0].bytes);
}

interface Row {
  corpus: string;
  loadRate?: string;
  startMs: string;
  levels: string[];
  rss: string;
  size: string;
  upload: string;
}
const table: Row[] = [];

async function measureServers(label: string, servers: Server[], questions: string[], n: number, size: string, loadRate: string | undefined, crossServer: boolean) {
  await load(servers, questions, 8, Math.min(200, requests)); // warm up: JIT, caches
  const levels: string[] = [];
  for (const c of CONCURRENCY) {
    const r = await load(servers, questions, c, c === 1 ? Math.min(requests, 200) : requests);
    levels.push(`${ms(r.p50)} / ${ms(r.p95)} / ${ms(r.p99)}${r.failed ? ` (${r.failed} failed)` : ''}`);
    console.log(`${label}: ${c} clients: p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}  ${r.rate.toFixed(0)} req/s  ${r.failed} failed`);
  }
  const mem = servers.map((s) => memory(s.child.pid!));
  const up = await uploadToAnswer(servers, n, crossServer ? servers[1] : servers[0]);
  const uploadText = Number.isNaN(up.answerMs) ? `— (${up.note})` : `${ms(up.answerMs)} (upload ${ms(up.uploadMs)})${crossServer ? '' : ', same server only'}`;
  console.log(`${label}: upload → answerable ${uploadText}`);
  console.log(`${label}: RSS ${mem.map((m) => `${mb(m.rss)} (peak ${mb(m.peak)})`).join(', ')}`);
  table.push({
    corpus: label,
    loadRate,
    startMs: servers.map((s) => `${(s.startMs / 1000).toFixed(1)} s`).join(', '),
    levels,
    rss: mem.map((m) => `${mb(m.rss)} (peak ${mb(m.peak)})`).join(', '),
    size,
    upload: uploadText,
  });
}

try {
  for (const n of sizes) {
    const questions = syntheticQuestions(asked, seeds, n);
    const folder = writeCorpus(n);
    const schema = `bench_scale_${n}`;
    const env = { DATABASE_URL: config.url, DATABASE_SCHEMA: schema, SEEDS: 'off', REPORTS_DIR: join(work, `empty-${n}`) };
    // Load (or reuse a kept schema holding these N reports).
    let loadRate = 'reused';
    // The reports db:load put there (an earlier run's upload is not one of them).
    const existing = await sql<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.reports WHERE source = 'load'`).catch(() => [{ n: '-1' }]);
    if (Number(existing[0].n) !== n) {
      await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      const t0 = performance.now();
      const res = await run(['retrieval/cli/dbLoad.ts', folder], { ...process.env, ...env });
      const seconds = (performance.now() - t0) / 1000;
      if (res.code !== 0) throw new Error(`db:load failed:\n${res.out.slice(-2000)}`);
      loadRate = `${(n / seconds).toFixed(1)} reports/s (${seconds.toFixed(0)} s)`;
      console.log(`postgres ×${n}: db:load ${loadRate}`);
    }
    const size = mb(await schemaSize(schema));
    console.log(`postgres ×${n}: database ${size}`);
    const a = await startServer(18870, env);
    const b = await startServer(18871, env);
    await measureServers(`postgres ×${n}`, [a, b], questions, n, size, loadRate, true);
    await stop([a, b]);
    if (!values.keep) await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);

    if (n <= embeddedMax) {
      // The in-memory default on the same files: the first server builds the caches, the second reads them.
      const memEnv = { DATABASE_URL: '', SEEDS: 'off', REPORTS_DIR: folder };
      const x = await startServer(18872, memEnv);
      const y = await startServer(18873, memEnv);
      await measureServers(`in memory ×${n}`, [x, y], questions, n, '—', undefined, false);
      await stop([x, y]);
    }
    if (!values.keep) rmSync(folder, { recursive: true, force: true });
  }
} finally {
  for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work} (${readdirSync(work).join(', ')})`);
}

console.log('\n| corpus | db:load | server start | /api/ask p50 / p95 / p99, 1 client | 16 clients | 64 clients | RSS per server | database | one upload → answerable |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of table) console.log(`| ${r.corpus} | ${r.loadRate ?? '—'} | ${r.startMs} | ${r.levels.join(' | ')} | ${r.rss} | ${r.size} | ${r.upload} |`);
