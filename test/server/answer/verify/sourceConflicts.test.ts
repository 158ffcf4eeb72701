// Two reports for one place and year that disagree on a figure: any answer using either says
// the sources differ and cites both, whoever answers and however the question names the year.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../../retrieval/corpus/loadCorpus.js';
import { disagreeingFigures } from '../../../../retrieval/indicators/disagreeingFigures.js';
import type { Corpus } from '../../../../retrieval/types.js';
import type { Answerer, AnswerContext } from '../../../../server/answer/Answerer.js';
import { answerQuestion } from '../../../../server/answer/answerQuestion.js';
import { buildPrompt } from '../../../../server/answer/llm/buildPrompt.js';
import { AskResponseSchema } from '../../../../server/api/schemas.js';
import { createApp } from '../../../../server/app.js';
import { syntheticReportText } from '../../../helpers/syntheticReport.js';

const original = syntheticReportText();
/** The same report as corrected later: another GDP target, everything else alike. */
const revised = original.replace('地区生产总值增长6%左右', '地区生产总值增长6.5%左右');

let dir: string;
let corpus: Corpus;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'source-conflicts-'));
  writeFileSync(join(dir, 'chengchuan-draft.txt'), original);
  writeFileSync(join(dir, 'chengchuan-final.txt'), revised);
  // A place of the same name under another city: no conflict with either.
  writeFileSync(join(dir, 'baisha-chengchuan.txt'), original.replace('地区生产总值增长6%左右', '地区生产总值增长9%').replaceAll('青澜市', '白沙市'));
  corpus = await loadCorpus({ dir: null, reportsDir: dir, cacheDir: false });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A model double: answers with what `write` makes of the evidence, and records what it was given. */
function model(write: (ctx: AnswerContext) => string): Answerer & { seen: AnswerContext[] } {
  const seen: AnswerContext[] = [];
  return {
    mode: 'llm',
    name: 'double',
    seen,
    async answer(ctx, options = {}) {
      seen.push(ctx);
      const text = write(ctx);
      for (const ch of text) options.onText?.(ch);
      return { text, status: 'answered' };
    },
  };
}
const markerOf = (ctx: AnswerContext, report: string) => ctx.evidence.find((e) => e.reportId === report && e.rows.length)!.marker;
const NOTE = /资料来源不一致[^]*chengchuan-(draft|final) 为“[^”]*6(\.5)?%左右”\[\d\][^]*chengchuan-(draft|final) 为“[^”]*6(\.5)?%左右”\[\d\]/;

describe('figures two reports of one place and year state differently', () => {
  it('are found between the two reports, not with a place of the same name elsewhere', () => {
    const found = disagreeingFigures(corpus.indicators, [], (id) => corpus.reportById.get(id)?.meta);
    expect(found.map((d) => [d.place, d.what, d.years, d.kind, d.statements.map((s) => s.reportId).sort()])).toEqual([
      ['澄川区', '地区生产总值', [2024], 'target', ['chengchuan-draft', 'chengchuan-final']],
    ]);
  });

  for (const question of ['澄川区2024年GDP目标是多少', '澄川区GDP目标是多少']) {
    it(`offline: the answer to “${question}” says the sources differ and cites both`, async () => {
      const res = await answerQuestion({ corpus }, { question });
      expect(res.answer).toMatch(NOTE);
      expect(res.answer).toContain('6%左右');
      expect(res.answer).toContain('6.5%左右');
      expect(res.citations.map((c) => c.reportId)).toEqual(expect.arrayContaining(['chengchuan-draft', 'chengchuan-final']));
      expect(res.answer.slice(res.answer.indexOf('资料来源不一致'))).not.toContain('baisha');
      expect(res.verified).toBe(true);
    });
  }

  it('offline: a figure both reports state alike needs no note', async () => {
    const res = await answerQuestion({ corpus }, { question: '澄川区2024年固定资产投资目标是多少' });
    expect(res.answer).toContain('8%');
    expect(res.answer).not.toContain('不一致');
  });

  it('in English, the note is English', async () => {
    const res = await answerQuestion({ corpus }, { question: 'What is the GDP growth target of Chengchuan District for 2024?' });
    expect(res.answer).toMatch(/Note: the sources differ\. .*report chengchuan-(draft|final) says “[^”]+” \[\d\], report chengchuan-(draft|final) says “[^”]+” \[\d\]\./);
  });

  it('a model citing only one of them gets the note, streamed after its verified text', async () => {
    const llm = model((ctx) => `澄川区2024年地区生产总值的预期目标是增长6.5%左右[${markerOf(ctx, 'chengchuan-final')}]。`);
    const app = createApp({ corpus, llm });
    const res = await app.request('/api/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: '澄川区GDP目标是多少' }] }] }),
    });
    const events = (await res.text()).split('\n\n').map((e) => e.replace(/^data: /, '').trim()).filter((e) => e && e !== '[DONE]').map((e) => JSON.parse(e));
    const body = AskResponseSchema.parse(events.find((e) => e.type === 'data-citations').data);
    expect(body).toMatchObject({ mode: 'llm', verified: true });
    expect(body.answer).toMatch(/^澄川区2024年地区生产总值的预期目标是增长6\.5%左右\[1\]。\n\n注意：资料来源不一致/);
    expect(body.answer).toMatch(NOTE);
    expect(events.filter((e) => e.type === 'text-delta').map((e) => e.delta).join('')).toBe(body.answer);
    // The model was shown both reports and told they disagree.
    const ctx = llm.seen[0];
    expect(ctx.evidence.map((e) => e.reportId)).toEqual(expect.arrayContaining(['chengchuan-draft', 'chengchuan-final']));
    expect(buildPrompt(ctx).messages.at(-1)!.content).toMatch(/注意：资料\[\d\]与\[\d\]来自澄川区2024年的不同报告，对“地区生产总值”的数字不一致/);
  });

  it('a model that says so itself, citing both, gets no second note', async () => {
    const llm = model(
      (ctx) =>
        `两份报告的数字不一致：一份为地区生产总值增长6%左右[${markerOf(ctx, 'chengchuan-draft')}]，另一份为地区生产总值增长6.5%左右[${markerOf(ctx, 'chengchuan-final')}]。`,
    );
    const res = await answerQuestion({ corpus, llm }, { question: '澄川区2024年GDP目标是多少' });
    expect(res).toMatchObject({ mode: 'llm', verified: true });
    expect(res.answer).not.toContain('资料来源不一致');
  });
});
