// npm run bench:start — how long `npm start` takes until /healthz answers: the
// first start after a fresh clone and `npm ci` (no built UI, no caches), then
// restarts. Runs in a copy of the project's sources (node_modules linked), so
// this checkout's dist/ and .cache/ are left as they are. Loopback only.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, PROJECT_ROOT } from '../../retrieval/public.js';

const PORT = Number(process.env.BENCH_PORT ?? 18789);
const RESTARTS = 5;
const copy = mkdtempSync(join(tmpdir(), 'start-bench-'));

/** One `npm start` until /healthz answers; then stopped. Returns the wall time and what the server said. */
async function timeStart(): Promise<{ ms: number; log: string }> {
  const t0 = performance.now();
  const child = spawn('npm', ['start'], {
    cwd: copy,
    env: { ...process.env, PORT: String(PORT), REPORTS_DIR: join(copy, 'data', 'reports'), LLM_BASE_URL: '', LLM_MODEL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so npm, tsx and the server stop together.
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let ms = 0;
  try {
    for (;;) {
      const early = await Promise.race([exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 25))]);
      if (early) throw new Error(`npm start exited before serving:\n${log}`);
      const ok = await fetch(`http://127.0.0.1:${PORT}/healthz`).then((r) => r.ok, () => false);
      if (ok) {
        ms = performance.now() - t0;
        break;
      }
    }
  } finally {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
    await exited;
    // npm is gone; the server may still be closing. The next start must not find it.
    for (let i = 0; i < 200 && (await fetch(`http://127.0.0.1:${PORT}/healthz`).then(() => true, () => false)); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { ms, log };
}

try {
  for (const entry of ['client', 'server', 'retrieval', 'seeds', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(PROJECT_ROOT, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');

  const first = await timeStart();
  const restarts: number[] = [];
  let lastLog = '';
  for (let i = 0; i < RESTARTS; i++) {
    const r = await timeStart();
    restarts.push(r.ms);
    lastLog = r.log;
  }
  const line = (log: string) => /listening on .*$/m.exec(log)?.[0] ?? '';
  console.log(`# npm start benchmark — node ${process.version}, ${new Date().toISOString()}`);
  console.log(`first start (builds the UI, ingests the reports, builds the index): ${(first.ms / 1000).toFixed(1)} s`);
  console.log(`  ${line(first.log)}`);
  console.log(
    `restart (UI current, reports and index from the cache), ${RESTARTS} runs: median ${(percentile(restarts, 50) / 1000).toFixed(1)} s, ` +
      `min ${(Math.min(...restarts) / 1000).toFixed(1)} s, max ${(Math.max(...restarts) / 1000).toFixed(1)} s`,
  );
  console.log(`  ${line(lastLog)}`);
} finally {
  rmSync(copy, { recursive: true, force: true });
}
