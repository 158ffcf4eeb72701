// 200 concurrent /api/ask on loopback: every one must succeed. Latency figures
// come from `npm run bench:server`, not from this test (machines are noisy).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AskResponseSchema } from '../../server/api/schemas.js';
import { runLoad } from '../../server/bench/runLoad.js';
import { startServer, type RunningServer } from '../../server/startServer.js';
import { sharedCorpus } from '../helpers/corpus.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, corpus: await sharedCorpus(), llm: null, quiet: true });
});
afterAll(() => server?.close());

it('answers 200 concurrent requests, all 200 OK with valid bodies', async () => {
  const questions = ['惠济区2024年GDP目标是多少', '卫东区2023年社会消费品零售总额增长多少', '金水区GDP目标', '红旗区政府工作报告是谁作的'];
  const r = await runLoad(server.url, questions, 200);
  expect(r.failed).toEqual([]);
  expect(r.ok).toBe(200);
  const one = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: questions[0] }) });
  expect(AskResponseSchema.parse(await one.json()).answer).toContain('7%左右');
});
