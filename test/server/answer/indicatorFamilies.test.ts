// 财政收入 across eras and levels: one statistic under several names (地方一般预算收入,
// 公共财政预算收入, 一般公共预算收入), and wider ones (财政总收入) a report may state instead.
// The answer names the one the report states. Reports written for this test.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../retrieval/public.js';
import type { Corpus } from '../../../retrieval/types.js';
import { answerQuestion } from '../../../server/answer/answerQuestion.js';

const report = (county: string, year: number, review: string) =>
  [
    `${county}${year}年政府工作报告`,
    `——${year}年2月10日在${county}第八届人民代表大会第三次会议上`,
    `${county}人民政府县长 周远山`,
    '各位代表：',
    '现在，我代表县人民政府，向大会报告工作，请予审议。',
    `一、${year - 1}年工作回顾`,
    `过去一年，全县经济平稳增长。${review}`,
    `二、${year}年工作安排`,
    `今年全县经济社会发展的主要预期目标是：地区生产总值增长9%左右。`,
  ].join('\n');

let corpus: Corpus;
beforeAll(async () => {
  corpus = await loadCorpus({
    dir: null,
    cacheDir: false,
    sources: [
      // An older report: the general budget revenue under its pre-2011 name, beside the wider total.
      { id: 'lanxi-2009', sourceFile: 'lanxi-2009.txt', bytes: Buffer.from(report('兰溪县', 2009, '全县财政总收入完成5.1亿元，增长15%；其中地方财政一般预算收入完成3.2亿元，增长12%。'), 'utf8') },
      // A report that states only the wider total.
      { id: 'yunshan-2018', sourceFile: 'yunshan-2018.txt', bytes: Buffer.from(report('云山县', 2018, '全县财政总收入完成8.4亿元，增长6.5%。'), 'utf8') },
    ],
  });
});
const ask = (question: string) => answerQuestion({ corpus }, { question });

describe('财政收入 asked of reports that name it differently', () => {
  it('is answered with the general budget revenue under the name the report uses', async () => {
    const r = await ask('兰溪县2008年财政收入是多少');
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('3.2亿元');
    expect(r.answer).toContain('地方财政一般预算收入');
    expect(r.verified).toBe(true);
  });

  it('is answered with the wider total, named, when that is all the report states', async () => {
    const r = await ask('云山县2017年财政收入多少');
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('8.4亿元');
    expect(r.answer).toContain('财政总收入');
  });

  it('财政总收入 asked is never answered with the general budget revenue', async () => {
    const r = await ask('兰溪县2008年财政总收入是多少');
    expect(r.answer).toContain('5.1亿元');
    expect(r.answer).not.toContain('3.2亿元');
  });
});
