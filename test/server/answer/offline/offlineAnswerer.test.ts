// The offline answerer end to end (prepareEvidence → compose → verify), on the
// real corpus. Expected figures and names come from reading the reports.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../../retrieval/types.js';
import { answerQuestion } from '../../../../server/answer/answerQuestion.js';
import { sharedCorpus } from '../../../helpers/corpus.js';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await sharedCorpus();
});
const ask = (question: string, history: { role: 'user' | 'assistant'; content: string }[] = []) =>
  answerQuestion({ corpus }, { question, history });

describe('offline answerer', () => {
  it('words a target from the table and cites its paragraph', async () => {
    const r = await ask('惠济区2024年GDP目标是多少');
    expect(r.answer).toBe('惠济区2024年地区生产总值（GDP）的预期目标是增长7%左右[1]。');
    expect(r.citations[0].matched.map((s) => r.citations[0].text.slice(s.start, s.end))).toEqual(['地区生产总值增长7%左右']);
  });

  it('gives level and growth of an actual, in the report’s own label, and marks estimates', async () => {
    const actual = await ask('红旗区2016年财政收入');
    expect(actual.answer).toContain('公共财政一般预算收入为6.8亿元');
    expect(actual.answer).toContain('增长1.6%');
    const estimate = await ask('惠济区2023年GDP增长多少');
    expect(estimate.answer).toContain('预计增长6%');
  });

  it('compares districts in the order asked, in words without computed figures', async () => {
    const r = await ask('红旗区和卫东区2024年GDP增长目标对比');
    expect(r.answer.indexOf('红旗区')).toBeLessThan(r.answer.indexOf('卫东区'));
    expect(r.answer).toContain('7%');
    expect(r.answer).toContain('6.5%');
    expect(r.answer).toContain('红旗区的目标高于卫东区');
    expect(r.verified).toBe(true);
  });

  it('sets a comparison out as a table, a row per place with each figure cited in its cell', async () => {
    const r = await ask('红旗区和惠济区2024年规模以上工业增加值目标对比');
    const lines = r.answer.split('\n');
    expect(lines[0]).toBe('| 地方 | 年份 | 规模以上工业增加值预期目标 |');
    expect(lines[1]).toMatch(/^\|( --- \|)+$/);
    expect(lines[2]).toBe('| 红旗区 | 2024年 | 增长8%以上[1] |');
    expect(lines[3]).toBe('| 惠济区 | 2024年 | 增长9%以上[2] |');
    expect(r.answer).toContain('相比之下，惠济区的目标高于红旗区[1][2]。');
    expect(r.citations.map((c) => c.id)).toEqual(['hongqi-2024:p22', 'huiji-2024:p25']);
    expect(r.verified).toBe(true);
    const en = await ask('Compare the 2024 GDP growth targets of 红旗区 and 卫东区');
    expect(en.answer).toContain('| Place | Year |');
    expect(en.answer).toContain('| Hongqi District | 2024 | growth of 7%[1] |');
    expect(en.answer).toContain('higher than that of Weidong District');
  });

  it('answers each year of a list of years, and says which year the reports give no figure for', async () => {
    const both = await ask('红旗区2017年和2024年的GDP目标分别是多少');
    expect(both.answer).toMatch(/\| 红旗区 \| 2017年 \| 增长8%\[\d\] \|/);
    expect(both.answer).toMatch(/\| 红旗区 \| 2024年 \| 增长7%\[\d\] \|/);
    expect(both.verified).toBe(true);
    // The 2020 report sets no GDP target: the answer says so rather than answering 2017 alone.
    const gap = await ask('红旗区2017年和2020年GDP增长目标对比');
    expect(gap.answer).toContain('增长8%');
    expect(gap.answer).toContain('报告中没有给出红旗区2020年的地区生产总值目标');
    expect(gap.citations.map((c) => c.id)).toEqual(['hongqi-2017:p33']);
    // One place, a year no report plans: said too, rather than answering the other year alone.
    const uncovered = await ask('红旗区2023年和2024年GDP目标分别是多少');
    expect(uncovered.answer).toContain('增长7%');
    expect(uncovered.answer).toContain('报告中没有给出红旗区2023年的地区生产总值目标');
    // Each place with its own year: no gap is invented for a place and year no report covers.
    const paired = await ask('对比红旗区2017年和惠济区2024年的GDP目标');
    expect(paired.answer).not.toContain('没有给出');
  });

  it('answers who delivered a report from its cover, citing only the speaker line', async () => {
    const r = await ask('惠济区政府工作报告是谁作的');
    expect(r.answer).toContain('李伟光');
    expect(r.citations).toHaveLength(1);
    expect(r.citations[0].text).toBe('惠济区人民政府区长李伟光');
    const when = await ask('卫东区报告是哪天作的');
    expect(when.answer).toContain('2024年1月23日');
  });

  it('lists a section’s headings, and a plan’s targets from the table', async () => {
    const list = await ask('卫东区2024年重点工作有哪些');
    // Its own introduction and all eight headings, each cited.
    expect(list.citations).toHaveLength(9);
    expect(list.answer).toContain('着力促进经济全面回升');
    expect(list.answer).toContain('着力高效推进社会治理');
    const targets = await ask('惠济区2024年主要预期目标有哪些');
    expect(targets.answer).toContain('7%左右');
    expect(targets.answer).toContain('9%以上');
    expect(targets.answer.indexOf('地区生产总值')).toBeLessThan(targets.answer.indexOf('固定资产投资'));
  });

  it('quotes the clauses that answer a descriptive question', async () => {
    const r = await ask('卫东区2023年在招商引资方面做了什么');
    expect(r.status).toBe('answered');
    expect(r.answer).toMatch(/49个|137\.6亿元/);
    expect(r.verified).toBe(true);
  });

  it('answers how a year went from the review and what a year plans from the plan, never the other part', async () => {
    const review = await ask('卫东区2023年教育方面做了什么');
    expect(review.status).toBe('answered');
    for (const c of review.citations) expect(corpus.paragraphById.get(c.id)?.part, c.id).toBe('review');
    const plan = await ask('惠济区2024年教育方面打算做什么');
    expect(plan.status).toBe('answered');
    for (const c of plan.citations) expect(corpus.paragraphById.get(c.id)?.part, c.id).toBe('plan');
  });

  it('reads a window with the short sentence inside its paragraph that heads it', async () => {
    // 问题楼盘攻坚化解及保交楼扎实推进。 heads both parts that follow it in the paragraph: 保交楼's
    // figures are quoted from there, not a sentence elsewhere that only lists 问题楼盘.
    const r = await ask('惠济区问题楼盘和保交楼工作进展如何');
    expect(r.answer).toContain('22个项目');
    expect(r.answer).toContain('7815套');
    expect(r.citations.map((c) => c.id)).toEqual(['huiji-2024:p15']);
  });

  it('says which measure the report gives when the asked one is missing', async () => {
    const r = await ask('惠济区2023年地区生产总值总量是多少亿元');
    expect(r.status).toBe('no_evidence');
    expect(r.answer).toContain('只给出了增速');
  });

  it('refuses questions the reports do not touch', async () => {
    for (const q of ['帮我写一个红烧肉的做法', '卫东区常住人口有多少', '金水区2024年GDP目标是多少', '惠济区2019年GDP']) {
      const r = await ask(q);
      expect(r.status, q).toBe('no_evidence');
      expect(r.citations, q).toEqual([]);
    }
  });

  it('resolves 去年呢 against the conversation’s year', async () => {
    const r = await ask('去年呢？', [
      { role: 'user', content: '红旗区2024年GDP增速目标是多少' },
      { role: 'assistant', content: '红旗区2024年的主要预期目标是GDP增速保持7%。' },
    ]);
    expect(r.answer).toContain('4.3%');
    expect(r.citations[0].reportId).toBe('hongqi-2024');
  });

  it('高多少 / 相差多少 gets the difference, with both figures it is computed from, and it passes citation checks', async () => {
    const plan = await ask('红旗区2024年GDP增长目标比2023年实际高多少');
    expect(plan.answer).toContain('2024年的地区生产总值目标为7%，2023年的地区生产总值实际增速为4.3%，前者高2.7个百分点[');
    expect(plan.removed).toEqual([]);
    const places = await ask('红旗区和卫东区2024年GDP增长目标相差多少');
    expect(places.answer).toContain('前者高0.5个百分点[');
    expect(places.removed).toEqual([]);
    // Asked only to compare, no figure is computed.
    expect((await ask('红旗区和卫东区2024年GDP增长目标对比')).answer).not.toContain('百分点');
  });

  it('three or more sides: the highest and the lowest only where the figures as written decide them', async () => {
    // 红旗区 7% and 惠济区 7%左右 tie for the top as written; 卫东区 6.5% is below both.
    const r = await ask('三个区2024年GDP目标哪个最高');
    expect(r.answer).toContain('相比之下，卫东区的目标最低[');
    expect(r.answer).not.toContain('最高');
    // Two years' outcomes beside one year's target: the outcomes are compared, not the target with them.
    const years = await ask('红旗区2019年和2023年GDP增速分别是多少');
    expect(years.answer).toContain('相比之下，2019年的增速高于2023年');
  });

  it('a figure no report states is refused with the reports of the place asked about, not every report', async () => {
    const r = await ask('惠济区2023年出生人口是多少');
    expect(r.status).toBe('no_evidence');
    expect(r.answer).toContain('惠济区的报告有');
    expect(r.answer).not.toContain('红旗区');
  });

  it('answers a follow-up that is only a place, with or without 那', async () => {
    const history = [
      { role: 'user' as const, content: '惠济区2024年GDP增长目标是多少' },
      { role: 'assistant' as const, content: '惠济区2024年地区生产总值（GDP）的预期目标是增长7%左右[1]。' },
    ];
    for (const q of ['卫东区呢？', '那卫东区呢？']) {
      const r = await ask(q, history);
      expect(r.status, q).toBe('answered');
      expect(r.answer).toContain('6.5%');
      expect(r.citations.map((c) => c.id)).toEqual(['weidong-2024:p36']);
    }
  });
});

describe('the production pipeline and the Answerer seam', () => {
  it('calls the offline answerer through the Answerer interface, as it calls a model', async () => {
    const { createOfflineAnswerer } = await import('../../../../server/answer/offline/offlineAnswerer.js');
    const real = createOfflineAnswerer();
    const calls: string[] = [];
    const recording = { ...real, answer: (ctx: Parameters<typeof real.answer>[0], options?: Parameters<typeof real.answer>[1]) => {
      calls.push(ctx.question);
      return real.answer(ctx, options);
    } };
    const streamed: string[] = [];
    const r = await answerQuestion({ corpus, offline: recording }, { question: '惠济区2024年GDP目标是多少' }, { onText: (t) => streamed.push(t) });
    expect(calls).toEqual(['惠济区2024年GDP目标是多少']);
    expect(r.answer).toContain('7%左右');
    expect(streamed.join('')).toContain('7%左右');
  });
});
