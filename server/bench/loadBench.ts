// npm run bench:server — 200 concurrent /api/ask on loopback against the offline
// answerer, then the same questions one at a time for the unloaded latency.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { percentile } from '../../retrieval/bench/percentile.js';
import { PROJECT_ROOT } from '../../retrieval/loadCorpus.js';
import { startServer } from '../startServer.js';
import { runLoad } from './runLoad.js';

const questions = readFileSync(join(PROJECT_ROOT, 'evals', 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => (JSON.parse(l) as { question: string }).question);

const server = await startServer({ port: 0, llm: null, quiet: true });
try {
  await runLoad(server.url, questions, 50); // warm up
  const sequential: number[] = [];
  for (const q of questions) {
    const t = performance.now();
    await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: q }) }).then((r) => r.text());
    sequential.push(performance.now() - t);
  }
  console.log(`# server load benchmark — node ${process.version}, ${new Date().toISOString()}`);
  console.log(`sequential /api/ask (${sequential.length} questions): p50 ${percentile(sequential, 50).toFixed(2)} ms  p95 ${percentile(sequential, 95).toFixed(2)} ms`);
  for (const total of [200, 1000]) {
    const r = await runLoad(server.url, questions, total);
    console.log(
      `${total} concurrent /api/ask: ${r.ok}/${r.total} ok, p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms  wall ${r.wallMs.toFixed(0)} ms (${((r.total / r.wallMs) * 1000).toFixed(0)} req/s)`,
    );
  }
  console.log(`RSS ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MB`);
} finally {
  await server.close();
}
