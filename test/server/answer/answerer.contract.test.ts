// One contract, every answerer: the offline extractive answerer and the LLM
// answerer (driven by a MockLanguageModelV3 that reads its prompt the way a
// faithful model would). Whatever produces the draft, the pipeline relies on these.
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../retrieval/types.js';
import type { AnswerContext, Answerer } from '../../../server/answer/Answerer.js';
import { createLlmAnswerer } from '../../../server/answer/llm/llmAnswerer.js';
import { createOfflineAnswerer } from '../../../server/answer/offline/offlineAnswerer.js';
import { prepareEvidence } from '../../../retrieval/evidence/prepareEvidence.js';
import { verifyCitations } from '../../../server/answer/verify/verifyCitations.js';
import { sharedCorpus } from '../../helpers/corpus.js';

type StreamPart = Awaited<ReturnType<MockLanguageModelV3['doStream']>>['stream'] extends ReadableStream<infer P> ? P : never;
type CallOptions = MockLanguageModelV3['doStreamCalls'][number];

/** Answers with the first figure of the first numbered source, cited; or says it found nothing. */
function faithfulReader(call: CallOptions): string {
  const user = call.prompt
    .filter((m) => m.role === 'user')
    .map((m) => (typeof m.content === 'string' ? m.content : m.content.map((p) => ('text' in p ? p.text : '')).join('')))
    .join('\n');
  for (const line of user.split('\n')) {
    const source = /^\[(\d+)\]/.exec(line);
    const figure = source && /\d+(?:\.\d+)?(?:%|亿元|万元|个)/.exec(line.slice(source[0].length));
    if (source && figure) return `根据资料，相关数字为${figure[0]}[${source[1]}]。`;
  }
  return '报告中没有找到相关内容。';
}

function readerModel() {
  return new MockLanguageModelV3({
    modelId: 'faithful-reader',
    doStream: async (call) => {
      const text = faithfulReader(call);
      const pieces = [text.slice(0, 5), text.slice(5, 12), text.slice(12)].filter(Boolean);
      const chunks: StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 't' },
        ...pieces.map((delta): StreamPart => ({ type: 'text-delta', id: 't', delta })),
        { type: 'text-end', id: 't' },
        {
          type: 'finish',
          finishReason: { unified: 'stop', raw: 'stop' },
          usage: { inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 1, text: 1, reasoning: undefined } },
        },
      ];
      return { stream: simulateReadableStream({ chunks }) };
    },
  });
}

const implementations: [string, () => Answerer][] = [
  ['offline', () => createOfflineAnswerer()],
  ['llm', () => createLlmAnswerer({ model: readerModel(), modelName: 'faithful-reader' })],
];

let corpus: Corpus;
beforeAll(async () => {
  corpus = await sharedCorpus();
});

function context(question: string): AnswerContext {
  const p = prepareEvidence(corpus, question);
  return { question, query: p.query, history: [], evidence: p.evidence, corpus };
}

for (const [name, make] of implementations) {
  describe(`answerer contract: ${name}`, () => {
    it('answers from the evidence, citing only markers it was given, and passes citation checks', async () => {
      const ctx = context('惠济区2024年GDP目标是多少');
      const draft = await make().answer(ctx);
      expect(draft.status).toBe('answered');
      const markers = [...draft.text.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
      expect(markers.length).toBeGreaterThan(0);
      for (const m of markers) expect(ctx.evidence.map((e) => e.marker)).toContain(m);
      expect(verifyCitations(draft.text, ctx.evidence).ok).toBe(true);
    });

    it('streams: the deltas given to onText join to the returned text', async () => {
      const deltas: string[] = [];
      const draft = await make().answer(context('卫东区2024年研发经费投入强度目标'), { onText: (d) => deltas.push(d) });
      expect(deltas.length).toBeGreaterThan(0);
      expect(deltas.join('')).toBe(draft.text);
    });

    it('says it found nothing, citing nothing, when there is no evidence', async () => {
      const ctx = { ...context('惠济区2024年GDP目标是多少'), evidence: [] };
      const draft = await make().answer(ctx);
      expect(draft.status).toBe('no_evidence');
      expect(draft.text).not.toMatch(/\[\d+\]/);
      expect(draft.text).toMatch(/没有找到/);
    });

    it('is deterministic and leaves its context untouched', async () => {
      const ctx = context('红旗区2016年GDP是多少');
      const before = JSON.stringify(ctx.evidence);
      const a = await make().answer(ctx);
      const b = await make().answer(ctx);
      expect(b.text).toBe(a.text);
      expect(JSON.stringify(ctx.evidence)).toBe(before);
    });
  });
}
