// The LLM answerer against a fake OpenAI-compatible server over loopback: the real
// @ai-sdk/openai chat model, real HTTP, real SSE parsing.
import { afterEach, describe, expect, it } from 'vitest';
import type { Corpus, Evidence, ParsedQuery, ReportMeta } from '../../../../retrieval/types.js';
import type { AnswerContext } from '../../../../server/answer/Answerer.js';
import { LlmError, createLlmAnswererFromConfig } from '../../../../server/answer/llm/llmAnswerer.js';
import type { LlmConfig } from '../../../../server/answer/llm/llmConfig.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeReply } from '../../../helpers/fakeOpenAIServer.js';
import { META, TARGETS } from '../../../helpers/huijiFixture.js';



const EVIDENCE: Evidence = {
  marker: 1,
  paragraphId: 'huiji-2024:p26',
  reportId: 'huiji-2024',
  place: '惠济区',
  year: 2024,
  section: '二、2024年政府工作总体要求和主要预期目标',
  text: TARGETS,
  passage: { start: 0, end: TARGETS.length },
  matched: [],
  rows: [],
  report: META,
};

const QUERY: ParsedQuery = {
  text: '惠济区2024年GDP增长目标是多少？',
  places: ['惠济区'],
  place: '惠济区',
  year: 2024,
  yearRole: 'target',
  indicator: '地区生产总值',
  intent: 'target',
  reportIds: [],
};

function context(): AnswerContext {
  return { question: QUERY.text, query: QUERY, history: [], evidence: [EVIDENCE], corpus: {} as unknown as Corpus };
}

const KEY = 'sk-fake-SECRET-0123456789abcdef';
const ANSWER = '惠济区2024年地区生产总值预期增长7%左右[1]。固定资产投资增长8%以上[1]。';

let fake: FakeOpenAI | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function serve(reply: FakeReply | ((n: number) => FakeReply)) {
  let n = 0;
  fake = await startFakeOpenAI(() => (typeof reply === 'function' ? reply(n++) : reply));
  return fake;
}

function config(url: string, over: Partial<LlmConfig> = {}): LlmConfig {
  return { baseURL: url, model: 'fake-model', apiKey: KEY, timeoutMs: 5000, temperature: 0, ...over };
}

async function rejection(p: Promise<unknown>): Promise<LlmError> {
  try {
    await p;
  } catch (error) {
    expect(error).toBeInstanceOf(LlmError);
    expect((error as Error).message).not.toContain(KEY);
    expect((error as Error).message).not.toContain('SECRET');
    return error as LlmError;
  }
  throw new Error('expected a rejection');
}

describe('LLM answerer against a fake OpenAI-compatible server', () => {
  it('streams a scripted answer back whole, over Chat Completions with stream:true', async () => {
    const server = await serve({ text: ANSWER, pieces: 5 });
    const answerer = createLlmAnswererFromConfig(config(server.url));
    expect(answerer.name).toBe('fake-model');

    const deltas: string[] = [];
    const draft = await answerer.answer(context(), { onText: (d) => deltas.push(d) });
    expect(draft).toEqual({ text: ANSWER, status: 'answered' });
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(ANSWER);

    expect(server.calls).toHaveLength(1);
    const body = server.calls[0];
    expect(body.model).toBe('fake-model');
    expect(body.stream).toBe(true);
    expect(body.temperature).toBe(0);
    expect(body.messages[0]).toEqual({ role: 'system', content: expect.stringContaining('报告中没有找到') });
    const user = body.messages.at(-1);
    expect(user.role).toBe('user');
    expect(JSON.stringify(user.content)).toContain(TARGETS);
    expect(JSON.stringify(user.content)).toContain('[1] 〈惠济区 2024年报告');

    expect(server.requests[0].path).toBe('/v1/chat/completions');
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('sends a placeholder key when none is configured', async () => {
    const server = await serve({ text: ANSWER });
    await createLlmAnswererFromConfig(config(server.url, { apiKey: undefined })).answer(context());
    expect(server.requests[0].headers.authorization).toMatch(/^Bearer \S+$/);
  });

  it('HTTP 500 → LlmError(unavailable), no retry', async () => {
    const server = await serve({ status: 500 });
    const error = await rejection(createLlmAnswererFromConfig(config(server.url)).answer(context()));
    expect(error.kind).toBe('unavailable');
    expect(error.status).toBe(500);
    expect(error.message).toContain('500');
    expect(server.calls).toHaveLength(1);
  });

  it('HTTP 401 echoing the key → unavailable, key scrubbed from the message', async () => {
    const server = await serve({
      status: 401,
      body: JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}`, type: 'invalid_request_error' } }),
    });
    const error = await rejection(createLlmAnswererFromConfig(config(server.url)).answer(context()));
    expect(error.kind).toBe('unavailable');
    expect(error.status).toBe(401);
    expect(error.message).toContain('Incorrect API key');
  });

  it('a wrong base URL (404) → unavailable', async () => {
    const server = await serve({ text: ANSWER });
    const error = await rejection(
      createLlmAnswererFromConfig(config(server.url.replace(/\/v1$/, ''))).answer(context()),
    );
    expect(error.kind).toBe('unavailable');
    expect(error.status).toBe(404);
  });

  it('nothing listening → unavailable', async () => {
    const server = await serve({ text: ANSWER });
    const url = server.url;
    await server.close();
    fake = undefined;
    const error = await rejection(createLlmAnswererFromConfig(config(url)).answer(context()));
    expect(error.kind).toBe('unavailable');
  });

  it('200 with an HTML page → bad_response', async () => {
    const server = await serve({ garbage: true });
    const error = await rejection(createLlmAnswererFromConfig(config(server.url)).answer(context()));
    expect(error.kind).toBe('bad_response');
  });

  it('200 with SSE frames that are not JSON → bad_response', async () => {
    const server = await serve({ garbage: 'data: {"choices": [oops\n\ndata: [DONE]\n\n' });
    const error = await rejection(createLlmAnswererFromConfig(config(server.url)).answer(context()));
    expect(error.kind).toBe('bad_response');
  });

  it('an endpoint that never answers → timeout within ~2 s', async () => {
    const server = await serve({ hang: true });
    const t0 = Date.now();
    const error = await rejection(createLlmAnswererFromConfig(config(server.url, { timeoutMs: 300 })).answer(context()));
    const elapsed = Date.now() - t0;
    expect(error.kind).toBe('timeout');
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2000);
    expect(server.calls).toHaveLength(1);
  });

  it('the fake server itself: non-streaming JSON and 404 for other paths', async () => {
    const server = await serve({ text: '你好' });
    const res = await fetch(`${server.url}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
    });
    const json = await res.json();
    expect(json.object).toBe('chat.completion');
    expect(json.choices[0].message.content).toBe('你好');
    expect((await fetch(`${server.url}/models`)).status).toBe(404);
  });
});
