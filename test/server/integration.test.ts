// The real server on a loopback port, with its model path pointed at our own
// fake OpenAI-compatible server, scripted per question.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AskResponseSchema } from '../../server/api/schemas.js';
import { startServer, type RunningServer } from '../../server/startServer.js';
import { sharedCorpus } from '../helpers/corpus.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fakeOpenAIServer.js';

const SECRET = 'sk-test-secret-do-not-leak';

/** The marker the prompt gave to the source containing `needle`. */
function markerFor(messages: { role: string; content: unknown }[], needle: string): number {
  // Sources are in the question's user message; in a repair round the last one lists the problems.
  const user = messages.filter((m) => m.role === 'user').map((m) => String(m.content)).join('\n');
  const line = user.split('\n').find((l) => /^\[\d+\]/.test(l) && l.includes(needle));
  if (!line) throw new Error(`no source containing ${needle}`);
  return Number(/^\[(\d+)\]/.exec(line)![1]);
}

let fake: FakeOpenAI;
let server: RunningServer;
const logs: string[] = [];

beforeAll(async () => {
  fake = await startFakeOpenAI(({ messages }) => {
    const last = String(messages.filter((m: { role: string }) => m.role === 'user').pop()?.content ?? '');
    const repair = messages.some((m: { role: string }) => m.role === 'assistant') && /问题|修正|改正/.test(last);
    if (last.includes('惠济区2024年GDP目标')) {
      return { text: `惠济区2024年地区生产总值的预期目标是增长7%左右[${markerFor(messages, '地区生产总值增长7%左右')}]。` };
    }
    if (last.includes('红旗区2023年一般公共预算收入') || (repair && last.includes('[42]'))) {
      // First a citation of a source that was never given; fixed in the repair round.
      if (!repair) return { text: '红旗区2023年一般公共预算收入为16.1亿元[42]。' };
      return { text: `红旗区2023年一般公共预算收入为16.1亿元[${markerFor(messages, '16.1亿元')}]。` };
    }
    if (last.includes('卫东区2024年研发经费投入强度') || repair) {
      // A figure that is not in the cited source, in both rounds.
      return { text: '卫东区2024年研发经费投入强度目标为3.5%以上[1]。' };
    }
    if (last.includes('红旗区2016年')) return { hang: true };
    return { status: 500, body: 'boom' };
  });
  const corpus = await sharedCorpus();
  server = await startServer({
    port: 0,
    corpus,
    quiet: true,
    env: { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-model', LLM_API_KEY: SECRET, LLM_TIMEOUT_MS: '600' },
  });
  const warn = console.warn;
  console.warn = (...a: unknown[]) => void logs.push(a.join(' '));
  afterAll(() => void (console.warn = warn));
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
});

async function ask(question: string) {
  const res = await fetch(`${server.url}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  const raw = await res.text();
  expect(raw).not.toContain(SECRET);
  return { status: res.status, body: AskResponseSchema.parse(JSON.parse(raw)) };
}

describe('server with a model endpoint', () => {
  it('passes a good model answer through, verified, with the model named', async () => {
    const { status, body } = await ask('惠济区2024年GDP目标是多少');
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: 'answered', mode: 'llm', model: 'fake-model', verified: true });
    expect(body.answer).toContain('7%左右[1]');
    expect(body.citations[0].text).toContain('地区生产总值增长7%左右');
    const call = fake.calls.at(-1)!;
    expect(call.model).toBe('fake-model');
    expect(call.stream).toBe(true);
    expect(fake.requests.at(-1)!.headers.authorization).toBe(`Bearer ${SECRET}`);
  });

  it('repairs an answer that cites a source it was not given', async () => {
    const before = fake.calls.length;
    const { body } = await ask('红旗区2023年一般公共预算收入是多少');
    expect(fake.calls.length - before).toBe(2);
    const repairPrompt = JSON.stringify(fake.calls.at(-1)!.messages);
    expect(repairPrompt).toContain('[42]');
    expect(body).toMatchObject({ status: 'answered', mode: 'llm', verified: true });
    expect(body.answer).toContain('16.1亿元');
    expect(body.citations[0].text).toContain('16.1亿元');
  });

  it('falls back to the offline answer when the figure is not in the cited source after repair', async () => {
    const { body } = await ask('卫东区2024年研发经费投入强度目标');
    expect(body.mode).toBe('extractive');
    expect(body.notice).toContain('未通过引用核验');
    expect(body.answer).not.toContain('3.5%');
    expect(body.answer).toContain('2.1%以上');
    expect(body.verified).toBe(true);
  });

  it('falls back when the endpoint hangs, within the timeout, and stays up', async () => {
    const t0 = Date.now();
    const { body } = await ask('红旗区2016年GDP是多少');
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(body.mode).toBe('extractive');
    expect(body.notice).toContain('不可用');
    expect(body.answer).toContain('157.5亿元');
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expect((await health.json()).answerer).toBe('fake-model');
  });

  it('falls back when the endpoint errors, and never logs the key', async () => {
    const { body } = await ask('卫东区2024年规上工业增加值增长目标');
    expect(body.mode).toBe('extractive');
    expect(body.notice).toBeDefined();
    expect(logs.join('\n')).not.toContain(SECRET);
  });
});
