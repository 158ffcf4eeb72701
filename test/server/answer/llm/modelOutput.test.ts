// What real OpenAI-compatible servers send, through the real provider client against our
// fake server on loopback: reasoning fields, <think> blocks, and JSON replies to stream requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../../retrieval/types.js';
import type { AnswerContext } from '../../../../server/answer/Answerer.js';
import { createOpenAI } from '@ai-sdk/openai';
import { DEFAULTS } from '../../../../retrieval/defaults.js';
import { capReplyBytes, ReplyTooLargeError } from '../../../../server/answer/llm/capReplyBytes.js';
import { createLlmAnswerer, createLlmAnswererFromConfig, LlmError } from '../../../../server/answer/llm/llmAnswerer.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeReply } from '../../../helpers/fakeOpenAIServer.js';

const ANSWER = '惠济区2024年地区生产总值预期增长7%左右[1]。';
const REASONING = '用户问的是GDP。2023年增长6%[1]，2025年也许是8%。';

let reply: FakeReply = { text: ANSWER };
let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI(() => reply);
});
afterAll(async () => fake?.close());

const ctx = (): AnswerContext => ({
  question: '惠济区2024年GDP目标是多少',
  query: { text: '', places: [], year: 2024, intent: 'target', reportIds: [] } as unknown as AnswerContext['query'],
  history: [],
  evidence: [],
  corpus: {} as Corpus,
});

async function draft(r: FakeReply) {
  reply = r;
  const answerer = createLlmAnswererFromConfig({ baseURL: fake.url, model: 'm', apiKey: undefined, timeoutMs: 2000, temperature: 0 });
  const seen: string[] = [];
  let resets = 0;
  const d = await answerer.answer(ctx(), { onText: (t) => seen.push(t), onReset: () => { resets++; seen.length = 0; } });
  return { text: d.text, streamed: seen.join(''), resets };
}

describe('model output as real servers send it', () => {
  it.each(['reasoning_content', 'reasoning'] as const)('drops the %s stream field', async (field) => {
    const r = await draft({ text: ANSWER, reasoning: REASONING, reasoningField: field });
    expect(r.text).toBe(ANSWER);
    expect(r.streamed).toBe(ANSWER);
  });

  it('drops a <think> block', async () => {
    const r = await draft({ text: `<think>${REASONING}</think>\n\n${ANSWER}`, pieces: 7 });
    expect(r.text).toBe(ANSWER);
    expect(r.streamed).not.toContain('8%');
  });

  it('drops an unopened reasoning prefix ending in </think> (template opened <think>)', async () => {
    const r = await draft({ text: `${REASONING}</think>\n\n${ANSWER}`, pieces: 9 });
    expect(r.text).toBe(ANSWER);
    expect(r.resets).toBe(1);
    expect(r.streamed).toBe(ANSWER);
  });

  it('reads a JSON completion sent in reply to a stream request', async () => {
    const r = await draft({ text: ANSWER, json: true, reasoning: REASONING });
    expect(r.text).toBe(ANSWER);
  });
});

describe('model output is bounded', () => {
  const model = () => createOpenAI({ baseURL: fake.url, apiKey: 'k' }).chat('m');

  it('stops reading an answer past its length bound and cancels the request', async () => {
    reply = { text: ANSWER.repeat(40), pieces: 200, delayMs: 5 };
    const aborted = fake.aborted;
    const seen: string[] = [];
    const answerer = createLlmAnswerer({ model: model(), modelName: 'm', timeoutMs: 5000, maxAnswerChars: 60 });
    const error = await answerer.answer(ctx(), { onText: (t) => seen.push(t) }).catch((e) => e);
    expect(error).toBeInstanceOf(LlmError);
    expect(error.kind).toBe('too_long');
    // What reached the verifier: the bound, not the answer the model went on writing.
    expect(seen.join('').length).toBeLessThanOrEqual(61);
    await expect.poll(() => fake.aborted - aborted).toBe(1);
  });

  it('stops reading reasoning that never ends', async () => {
    reply = { text: `<think>${'想'.repeat(DEFAULTS.answer.llm.maxReasoningChars + 5000)}</think>${ANSWER}`, pieces: 100, delayMs: 1 };
    const answerer = createLlmAnswerer({ model: model(), modelName: 'm', timeoutMs: 5000 });
    const error = await answerer.answer(ctx(), {}).catch((e) => e);
    expect(error.kind).toBe('too_long');
  });

  it('reads a reply only up to its byte budget, then cancels it', async () => {
    reply = { text: ANSWER.repeat(2000), pieces: 100, delayMs: 1 };
    const aborted = fake.aborted;
    const capped = capReplyBytes(4096);
    const res = await capped(`${fake.url}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'm', stream: true, messages: [] }) });
    await expect(res.text()).rejects.toBeInstanceOf(ReplyTooLargeError);
    await expect.poll(() => fake.aborted - aborted).toBe(1);
  });
});
