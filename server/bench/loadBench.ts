// npm run bench:server — the server in its own process (as `npm start` runs it),
// this process as the client: sequential /api/ask for unloaded latency, then
// bursts of 200 and 1,000 requests all in flight at once. Offline answerer, loopback only.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { percentile, PROJECT_ROOT } from '../../retrieval/public.js';
import { runLoad } from './runLoad.js';

const PORT = Number(process.env.BENCH_PORT ?? 18788);
const questions = readFileSync(join(PROJECT_ROOT, 'evals', 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { question: string }).question);

const env = { ...process.env, PORT: String(PORT), LLM_BASE_URL: '', LLM_MODEL: '' };
const server = spawn(process.execPath, ['--import', 'tsx', join(PROJECT_ROOT, 'server', 'main.ts')], { env, stdio: ['ignore', 'pipe', 'inherit'] });
const url = `http://127.0.0.1:${PORT}`;
try {
  await new Promise<void>((resolve, reject) => {
    server.stdout!.on('data', (d: Buffer) => d.toString().includes('listening on') && resolve());
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  await runLoad(url, questions, 100); // warm up
  const sequential: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const q of questions) {
      const t = performance.now();
      await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }) }).then((r) => r.text());
      sequential.push(performance.now() - t);
    }
  }
  console.log(`# server load benchmark — node ${process.version}, ${new Date().toISOString()}`);
  console.log(`sequential /api/ask (${sequential.length} requests): p50 ${percentile(sequential, 50).toFixed(2)} ms  p95 ${percentile(sequential, 95).toFixed(2)} ms`);
  for (const total of [200, 1000]) {
    const r = await runLoad(url, questions, total);
    console.log(
      `${total} concurrent /api/ask: ${r.ok}/${r.total} ok, p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms  wall ${r.wallMs.toFixed(0)} ms (${((r.total / r.wallMs) * 1000).toFixed(0)} req/s)`,
    );
  }
  const health = (await (await fetch(`${url}/healthz`)).json()) as { answerer: string };
  console.log(`answerer: ${health.answerer}`);
} finally {
  server.kill('SIGTERM');
}
