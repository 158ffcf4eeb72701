// Model conformance: one table of the ways real models behave (good answers in every
// marker style, lies in Arabic and Chinese numerals, uncited facts, borrowed figures,
// false refusals, reasoning text, the wrong language, correct arithmetic, a hang, 429,
// 401, a dropped stream), each run against our fake OpenAI-compatible server in both
// streaming and JSON replies, through /api/ask and /api/chat on a real loopback port.
// What is asserted is what the user sees: status, answer, verified, notice, mode, and
// for /api/chat every byte streamed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AskResponseSchema, type AskResponse } from '../../server/api/schemas.js';
import { startServer, type RunningServer } from '../../server/startServer.js';
import { sharedCorpus } from '../helpers/corpus.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeReply, type FakeRequest } from '../helpers/fakeOpenAIServer.js';

const QUESTION = '惠济区2024年GDP目标是多少';
/** The sentence in the 惠济区 report that answers QUESTION. */
const SOURCE = '地区生产总值增长7%左右';
/** The answer when the model fails: the offline answer. */
const OFFLINE = '惠济区2024年地区生产总值（GDP）的预期目标是增长7%左右[1]。';
const TIMEOUT_MS = 700;

/** The marker the prompt gave to the source containing `needle`. */
function markerFor(req: FakeRequest, needle = SOURCE): number {
  const user = req.messages.filter((m) => m.role === 'user').map((m) => String(m.content)).join('\n');
  const line = user.split('\n').find((l) => /^\[\d+\]/.test(l) && l.includes(needle));
  if (!line) throw new Error(`no source containing ${needle}`);
  return Number(/^\[(\d+)\]/.exec(line)![1]);
}
const isRepair = (req: FakeRequest) => req.messages.some((m) => m.role === 'assistant');
const good = (m: number) => `惠济区2024年地区生产总值的预期目标是增长7%左右[${m}]。`;

interface Case {
  name: string;
  /** The model's reply to the first call and to the repair call. */
  reply: (req: FakeRequest) => Omit<Extract<FakeReply, { text: string }>, 'json'> | Exclude<FakeReply, { text: string }>;
  expect: {
    mode: AskResponse['mode'];
    verified: boolean;
    /** Substring of the notice, or undefined for none. */
    notice?: string;
    calls: number;
    answerContains: string;
  };
  /** Text that must never reach the user, in the answer or in any streamed byte. */
  never?: string[];
  /** Verified text the chat stream may have shown before the answer was replaced. */
  mayStream?: string[];
}

const OK = { mode: 'llm' as const, verified: true, calls: 1, answerContains: '7%左右' };
const REPAIRED = { ...OK, calls: 2 };
const REPLACED = { mode: 'extractive' as const, verified: true, notice: '未通过引用核验', calls: 2, answerContains: '7%左右' };
const DOWN = { mode: 'extractive' as const, verified: true, notice: '不可用', calls: 1, answerContains: '7%左右' };
const TOO_LONG = { mode: 'extractive' as const, verified: true, notice: '超出长度上限', calls: 1, answerContains: '7%左右' };

const CASES: Case[] = [
  { name: 'good answer', reply: (r) => ({ text: good(markerFor(r)) }), expect: OK },
  ...['【n】', '［n］', '[^n]', '[n,n]', '[n-n]', '(来源n)', '[来源n]'].map(
    (style): Case => ({
      name: `good answer citing ${style}`,
      reply: (r) => ({ text: `惠济区2024年地区生产总值的预期目标是增长7%左右${style.replace(/n/g, String(markerFor(r)))}。` }),
      expect: OK,
    }),
  ),
  {
    name: 'right figure in Chinese numerals',
    reply: (r) => ({ text: `惠济区2024年地区生产总值预期增长百分之七左右[${markerFor(r)}]。` }),
    expect: { ...OK, answerContains: '百分之七左右' },
  },
  {
    name: 'wrong figure in Chinese numerals, twice',
    reply: (r) => ({ text: `惠济区2024年地区生产总值预期增长百分之十二左右[${markerFor(r)}]。` }),
    expect: REPLACED,
    never: ['十二'],
  },
  {
    name: 'right number with the wrong qualifier, repaired',
    reply: (r) => ({ text: isRepair(r) ? good(markerFor(r)) : `惠济区2024年地区生产总值的预期目标是增长7%以上[${markerFor(r)}]。` }),
    expect: REPAIRED,
    never: ['7%以上'],
  },
  {
    name: 'invented figure, repaired',
    reply: (r) => ({ text: isRepair(r) ? good(markerFor(r)) : `惠济区2024年地区生产总值的预期目标是增长12.5%[${markerFor(r)}]。` }),
    expect: REPAIRED,
    never: ['12.5%'],
  },
  {
    name: 'uncited factual sentence, repaired',
    reply: (r) => ({ text: isRepair(r) ? good(markerFor(r)) : `${good(markerFor(r))}惠济区还将建成全省最大的数据中心。` }),
    expect: REPAIRED,
    never: ['数据中心'],
  },
  {
    name: 'figure of another indicator in the cited paragraph, twice',
    reply: (r) => ({ text: `惠济区2024年GDP目标是增长9%以上[${markerFor(r)}]。` }),
    expect: REPLACED,
    never: ['9%以上'],
  },
  {
    name: 'false refusal, repaired',
    reply: (r) => ({ text: isRepair(r) ? good(markerFor(r)) : '报告中没有找到惠济区2024年GDP目标的相关内容。' }),
    expect: REPAIRED,
    never: ['没有找到'],
  },
  {
    name: 'English answer to a Chinese question, twice',
    reply: (r) => ({ text: `Huiji's GDP target for 2024 is growth of about 7% [${markerFor(r)}].` }),
    expect: REPLACED,
    never: ['Huiji'],
  },
  {
    name: 'correct arithmetic',
    reply: (r) => ({ text: `惠济区2024年固定资产投资目标增长8%以上，比地区生产总值目标7%左右高出1个百分点[${markerFor(r)}]。` }),
    expect: { ...OK, answerContains: '1个百分点' },
  },
  {
    name: '<think> block before the answer',
    reply: (r) => ({ text: `<think>用户问GDP。2023年增长6%，也许是8.8%。</think>\n\n${good(markerFor(r))}`, pieces: 8 }),
    expect: OK,
    never: ['8.8%', '用户问'],
  },
  {
    name: 'unopened reasoning ending in </think>',
    reply: (r) => ({ text: `好的，用户问的是惠济区的GDP目标。资料[${markerFor(r)}]里也许是8.8%。</think>\n\n${good(markerFor(r))}`, pieces: 8 }),
    expect: OK,
    never: ['8.8%', '用户问'],
  },
  {
    // /api/ask runs first and the answerer learns the model reasons; then /api/chat holds its text until </think>.
    name: 'reasoning that would pass the checks, from a model known to reason',
    reply: (r) => ({ text: `资料[${markerFor(r)}]说明地区生产总值增长7%左右。用户问的是目标。</think>\n\n${good(markerFor(r))}`, pieces: 8 }),
    expect: OK,
    never: ['说明地区', '用户问'],
  },
  {
    name: 'reasoning_content field',
    reply: (r) => ({ text: good(markerFor(r)), reasoning: '用户问GDP，也许是8.8%。', reasoningField: 'reasoning_content' }),
    expect: OK,
    never: ['8.8%', '用户问'],
  },
  {
    name: 'reasoning field',
    reply: (r) => ({ text: good(markerFor(r)), reasoning: '用户问GDP，也许是8.8%。', reasoningField: 'reasoning' }),
    expect: OK,
    never: ['8.8%', '用户问'],
  },
  { name: 'hang', reply: () => ({ hang: true }), expect: DOWN },
  { name: '429 rate limited', reply: () => ({ status: 429 }), expect: DOWN },
  { name: '401 bad key', reply: () => ({ status: 401 }), expect: DOWN },
  {
    name: 'Markdown: a heading, bold and bullets',
    reply: (r) => ({ text: `## 惠济区2024年主要预期目标\n\n- **地区生产总值**：增长**7%左右**[${markerFor(r)}]\n- **固定资产投资**：增长8%以上[${markerFor(r)}]`, pieces: 6 }),
    expect: { ...OK, answerContains: '- **地区生产总值**：增长**7%左右**[1]' },
  },
  {
    name: 'Markdown: a table',
    reply: (r) => ({ text: `惠济区2024年的预期目标如下：\n\n| 指标 | 2024年目标 |\n| --- | --- |\n| 地区生产总值 | 增长7%左右[${markerFor(r)}] |\n| 固定资产投资 | 增长8%以上[${markerFor(r)}] |`, pieces: 6 }),
    expect: { ...OK, answerContains: '| 地区生产总值 | 增长7%左右[1] |' },
  },
  {
    // 300,000 characters of one sentence (a megabyte): reading stops at the bound and the call is cancelled.
    name: 'one valid sentence padded to a megabyte',
    reply: (r) => ({ text: good(markerFor(r)).replace('。', `${'…'.repeat(300_000)}。`), pieces: 300 }),
    expect: TOO_LONG,
    never: ['……'],
  },
  {
    name: 'stream dropped mid-answer',
    reply: (r) => ({ text: `惠济区2024年地区生产总值的预期目标是增长7%左右[${markerFor(r)}]。此外还有12.5%。`, pieces: 6, dropAfter: 5 }),
    expect: DOWN,
    never: ['12.5%'],
    mayStream: [good(1)],
  },
];

let current: Case = CASES[0];
/** Replies for the tests after the table (other questions). */
let script: ((req: FakeRequest) => FakeReply) | undefined;
let json = false;
let fake: FakeOpenAI;
let server: RunningServer;

/** A fresh server per case: what the answerer learns about one model (it reasons) must not carry over. */
async function restart(timeoutMs = TIMEOUT_MS) {
  await server?.close();
  server = await startServer({
    port: 0,
    corpus: await sharedCorpus(),
    quiet: true,
    env: { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: String(timeoutMs) },
  });
}

beforeAll(async () => {
  fake = await startFakeOpenAI((req) => {
    const reply = script ? script(req) : current.reply(req);
    return 'text' in reply ? { ...reply, json } : reply;
  });
  await restart();
});

afterAll(async () => {
  await server?.close();
  await fake?.close();
});

async function viaAsk(question = QUESTION): Promise<{ body: AskResponse; bytes: string }> {
  const res = await fetch(`${server.url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  expect(res.status).toBe(200);
  const bytes = await res.text();
  return { body: AskResponseSchema.parse(JSON.parse(bytes)), bytes };
}

async function viaChat(question = QUESTION): Promise<{ body: AskResponse; bytes: string; streamed: string }> {
  const res = await fetch(`${server.url}/api/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: question }] }] }),
  });
  expect(res.status).toBe(200);
  const bytes = await res.text();
  const events = bytes
    .split('\n\n')
    .map((e) => e.replace(/^data: /, '').trim())
    .filter((e) => e && e !== '[DONE]')
    .map((e) => JSON.parse(e));
  const streamed = events.filter((e) => e.type === 'text-delta').map((e) => e.delta).join('');
  const data = events.find((e) => e.type === 'data-citations');
  expect(data, bytes.slice(0, 300)).toBeDefined();
  return { body: AskResponseSchema.parse(data.data), bytes, streamed };
}

function expectUserSees(c: Case, body: AskResponse, raw: string, calls: number) {
  // The cited paragraphs are the report's own text; everything else sent is checked.
  let bytes = raw;
  for (const cit of body.citations) bytes = bytes.split(JSON.stringify(cit.text).slice(1, -1)).join('');
  expect(body.status).toBe('answered');
  expect(body.mode).toBe(c.expect.mode);
  expect(body.verified).toBe(c.expect.verified);
  expect(body.answer).toContain(c.expect.answerContains);
  if (c.expect.notice) expect(body.notice).toContain(c.expect.notice);
  else expect(body.notice).toBeUndefined();
  if (c.expect.mode === 'extractive') expect(body.answer).toBe(OFFLINE);
  expect(body.citations[0].text).toContain(SOURCE);
  expect(calls).toBe(c.expect.calls);
  for (const s of c.never ?? []) expect(bytes, `"${s}" reached the client`).not.toContain(s);
}

for (const mode of ['streaming', 'JSON'] as const) {
  describe(`model conformance, ${mode} replies`, () => {
    for (const c of CASES) {
      it(`${c.name}: /api/ask and /api/chat`, async () => {
        current = c;
        json = mode === 'JSON';
        await restart();

        let before = fake.calls.length;
        const ask = await viaAsk();
        expectUserSees(c, ask.body, ask.bytes, fake.calls.length - before);

        before = fake.calls.length;
        const aborted = fake.aborted;
        const chat = await viaChat();
        expectUserSees(c, chat.body, chat.bytes, fake.calls.length - before);
        // Reading stopped at the length bound: the upstream call was cancelled, not read to its end.
        if (c.expect === TOO_LONG && mode === 'streaming') await expect.poll(() => fake.aborted - aborted).toBe(1);
        // Only verified text was streamed: the answer the user ends up with, or verified model text the answer replaced.
        expect([chat.body.answer, ...(c.mayStream ?? [])]).toContain(chat.streamed);
      });
    }
  });
}

it('the repair prompt names the problem exactly', async () => {
  const cases: [string, string[]][] = [
    ['wrong figure in Chinese numerals, twice', ['百分之十二', '不在所引用的段落']],
    ['figure of another indicator in the cited paragraph, twice', ['9%以上', '地区生产总值', '规模以上工业增加值']],
    ['false refusal, repaired', ['地区生产总值 2024 目标 增长 7%左右']],
    ['uncited factual sentence, repaired', ['没有引用来源', '数据中心']],
    ['English answer to a Chinese question, twice', ['简体中文']],
  ];
  json = false;
  await restart();
  for (const [name, words] of cases) {
    current = CASES.find((c) => c.name === name)!;
    await viaAsk();
    const repair = JSON.stringify(fake.calls.at(-1)!.messages.at(-1));
    for (const w of words) expect(repair, name).toContain(w);
  }
});

it('a client that goes away mid-answer is not logged as an error', async () => {
  current = CASES.find((c) => c.name === 'hang')!;
  await restart();
  const errors: string[] = [];
  const original = console.error;
  console.error = (...a: unknown[]) => void errors.push(a.map(String).join(' '));
  try {
    for (const path of ['/api/chat', '/api/ask']) {
      const controller = new AbortController();
      const body =
        path === '/api/chat'
          ? { messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: QUESTION }] }] }
          : { question: QUESTION };
      const pending = fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: controller.signal,
      }).then((r) => r.text());
      setTimeout(() => controller.abort(), 150);
      await expect(pending).rejects.toThrow();
    }
    await new Promise((r) => setTimeout(r, TIMEOUT_MS + 300));
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
  } finally {
    console.error = original;
  }
  expect(errors).toEqual([]);
});

describe('the lying model: a figure of another place or year', () => {
  const BOTH = '惠济区和卫东区2024年GDP目标分别是多少';
  const WEIDONG = '经济增长6.5%';
  afterAll(() => {
    script = undefined;
  });

  for (const mode of ['streaming', 'JSON'] as const) {
    it(`two places' figures swapped, twice, are never shown as verified (${mode})`, async () => {
      json = mode === 'JSON';
      const swapped = (r: FakeRequest) => `惠济区2024年GDP目标是增长6.5%[${markerFor(r, WEIDONG)}]。卫东区2024年GDP目标是增长7%左右[${markerFor(r)}]。`;
      script = (r) => ({ text: swapped(r), json });
      await restart();
      for (const via of [viaAsk, viaChat]) {
        const before = fake.calls.length;
        const { body, bytes } = await via(BOTH);
        expect(fake.calls.length - before).toBe(2);
        expect(body.mode).toBe('extractive');
        expect(body.notice).toContain('未通过引用核验');
        expect(body.answer).toContain('7%左右');
        expect(body.answer).toContain('6.5%');
        expect(bytes).not.toContain('惠济区2024年GDP目标是增长6.5%');
        const repair = JSON.stringify(fake.calls.at(-1)!.messages.at(-1));
        expect(repair).toContain('出自卫东区的报告');
      }
    });
  }

  it('the right figures for each place pass', async () => {
    json = false;
    script = (r) => ({ text: `惠济区2024年GDP目标是增长7%左右[${markerFor(r)}]。卫东区2024年GDP目标是增长6.5%[${markerFor(r, WEIDONG)}]。` });
    await restart();
    const { body } = await viaChat(BOTH);
    expect(body).toMatchObject({ mode: 'llm', verified: true });
    expect(body.citations.map((c) => c.place)).toEqual(['惠济区', '卫东区']);
  });

  it('a plan figure stated as the year before’s outcome is rejected', async () => {
    json = false;
    script = (r) => ({ text: `惠济区2023年地区生产总值增长7%左右[${markerFor(r)}]。` });
    await restart();
    const { body } = await viaAsk('惠济区2023年GDP增长多少');
    expect(body.mode).toBe('extractive');
    expect(body.answer).not.toContain('7%左右');
    expect(JSON.stringify(fake.calls.at(-1)!.messages.at(-1))).toContain('是2024年的数字');
  });
});

it('aborted /api/chat streams cancel their upstream model calls', { timeout: 30_000 }, async () => {
  const N = 20;
  json = false;
  // A model that keeps generating: verified sentences, slowly.
  script = (r) => ({ text: good(markerFor(r)).repeat(200), pieces: 400, delayMs: 20 });
  // A roomy answer deadline: twenty answers at once on a busy machine must not time out before the
  // client goes away, or the server's own cancel would be counted as the client's.
  await restart(20_000);
  const before = { aborted: fake.aborted, completed: fake.completed, calls: fake.calls.length };
  try {
    await Promise.all(
      Array.from({ length: N }, async () => {
        const controller = new AbortController();
        const res = await fetch(`${server.url}/api/chat`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ messages: [{ id: 'u1', role: 'user', parts: [{ type: 'text', text: QUESTION }] }] }),
          signal: controller.signal,
        });
        // Read until the first verified text arrives (the model is mid-answer), then go away.
        const reader = res.body!.getReader();
        let seen = '';
        while (!seen.includes('text-delta')) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before any verified text: ${seen.slice(-300)}`);
          seen += new TextDecoder().decode(value);
        }
        controller.abort();
        await reader.read().catch(() => {});
      }),
    );
    await expect.poll(() => fake.aborted - before.aborted, { timeout: 5_000 }).toBe(N);
    expect(fake.calls.length - before.calls).toBe(N);
    expect(fake.completed - before.completed).toBe(0);
  } finally {
    script = undefined;
  }
});
