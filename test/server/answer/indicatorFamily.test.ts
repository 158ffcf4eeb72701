// 城镇登记失业率 and 城镇调查失业率 are different statistics: a question naming one is never
// answered with the other, while a question saying only 失业率 is answered with whichever
// the report states. The report is written for this test (invented place-less figures).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../retrieval/corpus/loadCorpus.js';
import type { Corpus } from '../../../retrieval/types.js';
import { answerQuestion } from '../../../server/answer/answerQuestion.js';

const REPORT = [
  '政府工作报告',
  '——2013年1月8日在秦安县第十七届人民代表大会第二次会议上',
  '秦安县人民政府县长 某某',
  '各位代表：',
  '一、2012年工作回顾',
  '全县生产总值完成58.2亿元，增长12.1%；城镇登记失业率控制在3.6%以内。',
  '城镇居民人均可支配收入达到17210元，增长10.2%；农村居民人均纯收入达到4860元，农村居民人均可支配收入达到5120元，增长12.6%。',
  '二、2013年工作安排',
  '今年经济社会发展的主要预期目标是：生产总值增长12%，城镇登记失业率控制在4%以内。',
].join('\n');

let corpus: Corpus;
beforeAll(async () => {
  corpus = await loadCorpus({ dir: null, sources: [{ id: 'registered', sourceFile: 'registered.txt', bytes: Buffer.from(REPORT) }], cacheDir: false });
});
const ask = (question: string) => answerQuestion({ corpus }, { question });

describe('indicators of one family', () => {
  it('answers the generic 失业率 with the registered rate the report states', async () => {
    const res = await ask('秦安县2013年失业率目标是多少');
    expect(res.status).toBe('answered');
    expect(res.answer).toContain('4%以内');
  });
  it('does not pass the registered rate off as the surveyed one', async () => {
    const res = await ask('秦安县2013年城镇调查失业率目标是多少');
    expect(res.status).toBe('no_evidence');
    expect(res.answer).not.toMatch(/4%|3\.6%/);
  });
  it('answers the registered rate when asked by name', async () => {
    const res = await ask('秦安县2012年城镇登记失业率是多少');
    expect(res.answer).toContain('3.6%');
  });
});

describe('one wording of an indicator asked', () => {
  it('answers 农村 with the rural figure and 城镇 with the urban one, never the sibling', async () => {
    const rural = await ask('秦安县2012年农村居民人均可支配收入是多少');
    expect(rural.answer).toContain('5120元');
    expect(rural.answer).not.toContain('17210');
    const urban = await ask('秦安县2012年城镇居民人均可支配收入是多少');
    expect(urban.answer).toContain('17210元');
    expect(urban.answer).not.toContain('5120');
  });
});
