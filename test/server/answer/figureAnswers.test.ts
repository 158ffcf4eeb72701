// Figure questions outside the headline indicators, answered offline from the quantity records.
// Questions are written for these tests (not taken from the eval sets); the expected figures
// come from reading the seed reports.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../retrieval/types.js';
import { splitAsks } from '../../../retrieval/query/splitAsks.js';
import { answerQuestion } from '../../../server/answer/answerQuestion.js';
import { sharedCorpus } from '../../helpers/corpus.js';

let corpus: Corpus;
beforeAll(async () => {
  corpus = await sharedCorpus();
});
const ask = (question: string) => answerQuestion({ corpus }, { question });

describe('splitAsks', () => {
  it('splits a question into its asks, each with the measure it wants', () => {
    expect(splitAsks('要推进多少个重点项目，年度投资目标是多少').map((a) => [a.text, a.measures])).toEqual([
      ['要推进多少个重点项目', ['count']],
      ['年度投资目标是多少', undefined],
    ]);
    expect(splitAsks('民生支出多少，占比多少').map((a) => a.measures)).toEqual([undefined, ['share', 'rate']]);
    expect(splitAsks('接待游客多少人次？旅游收入多少')).toHaveLength(2);
    expect(splitAsks('GDP目标是多少')).toHaveLength(1);
    // 各/分别: the figure is asked of each subject named before it.
    expect(splitAsks('城镇居民收入和农民收入各是多少').map((a) => a.text)).toEqual(['城镇居民收入', '农民收入各是多少']);
    expect(splitAsks('税收收入和非税收入分别增长多少').map((a) => [a.text, a.measures])).toEqual([
      ['税收收入', ['growth']],
      ['非税收入分别增长多少', ['growth']],
    ]);
  });
});

describe('level and growth stated together answer together', () => {
  it('是多少 gets the level and the growth of the same sentence; 增长了多少 the growth and its level (hongqi-2024)', async () => {
    // hongqi-2024 review: 地区生产总值…261亿元，同比增长4.3%
    for (const q of ['红旗区2023年GDP是多少', '红旗区2023年GDP增长了多少']) {
      const r = await ask(q);
      expect(r.status).toBe('answered');
      expect(r.answer).toContain('261亿元');
      expect(r.answer).toContain('4.3%');
      expect(r.verified).toBe(true);
    }
  });

  it('reads 涨了/跌了 as asking for the growth', () => {
    expect(splitAsks('社零涨了多少').map((a) => a.measures)).toEqual([['growth']]);
    expect(splitAsks('城镇居民收入跌了多少').map((a) => a.measures)).toEqual([['growth']]);
  });
});

describe('a figure no report states is refused, never quoted around', () => {
  // Each topic checked against the seed texts: none states it.
  it.each(['惠济区2023年出生人口是多少', '卫东区2023年森林覆盖率是多少', '红旗区2016年彩票销售额是多少', '惠济区2024年要新增多少辆网约车'])('%s', async (q) => {
    const r = await ask(q);
    expect(r.status).toBe('no_evidence');
    expect(r.citations).toEqual([]);
  });

  it('a record that shares the asked phrase’s generic word only is no answer (每千人口… is not 出生人口)', async () => {
    const r = await ask('惠济区2023年出生人口是多少');
    expect(r.answer).not.toContain('4.02');
  });
});

describe('offline answers from quantity records', () => {
  it('answers two asks about the plan from the plan, each figure cited (huiji-2024)', async () => {
    // huiji-2024 plan: 积极推进199个重点项目建设,年度完成投资155亿元以上
    const r = await ask('惠济区今年要推进多少个重点项目，年度投资目标是多少');
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('199个重点项目');
    expect(r.answer).toContain('155亿元以上');
    expect(r.verified).toBe(true);
    expect(new Set(r.citations.map((c) => c.reportId))).toEqual(new Set(['huiji-2024']));
    expect(r.citations[0].section).toMatch(/2024|重点|安排|任务/);
  });

  it('counts new enterprises instead of quoting the industrial growth target (hongqi-2024)', async () => {
    const r = await ask('红旗区2024年计划新增几家规上工业企业');
    expect(r.answer).toContain('新增规上工业企业10家以上');
    expect(r.answer).not.toContain('8%以上');
  });

  it('reads 再就业 and 创新研发平台 figures, not the nearest headline indicator', async () => {
    const reemployment = await ask('红旗区2024年城镇失业人员再就业目标是多少');
    expect(reemployment.answer).toContain('1600人以上');
    expect(reemployment.answer).not.toContain('7600人');
    const platforms = await ask('红旗区2023年新增多少家创新研发平台');
    expect(platforms.status).toBe('answered');
    expect(platforms.answer).toContain('30家');
  });

  it('gives level and growth when both are asked', async () => {
    // hongqi-2024 review: 一般公共预算收入16.1亿元，同比增长8.3%
    const r = await ask('红旗区2023年财政收入多少，增幅多少');
    expect(r.answer).toContain('16.1亿元');
    expect(r.answer).toContain('8.3%');
  });

  it('answers a share asked next to a level (hongqi-2020: 民生支出11.4亿元，占…81.7%)', async () => {
    const r = await ask('红旗区2019年民生支出是多少？占一般公共预算支出的比重多少');
    expect(r.answer).toContain('11.4亿元');
    expect(r.answer).toContain('81.7%');
  });

  it('refuses a figure the reports do not state, in the question’s words, not the nearest indicator', async () => {
    const tax = await ask('红旗区2024年税收收入目标是多少');
    expect(tax.status).toBe('no_evidence');
    expect(tax.answer).toContain('税收收入');
    expect(tax.answer).not.toContain('可支配收入');
    const tourism = await ask('卫东区2023年旅游收入多少');
    expect(tourism.status).toBe('no_evidence');
    expect(tourism.answer).not.toContain('居民人均可支配收入');
  });
});

describe('offline list answers from running text', () => {
  it('lists every problem of the 问题和不足 paragraph, each cited (hongqi-2024)', async () => {
    const r = await ask('红旗区2024年报告说工作中存在哪些问题和不足');
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('民营经济还不活跃');
    expect(r.answer).toContain('基层服务和治理能力建设不到位');
    expect((r.answer.match(/\[1\]/g) ?? []).length).toBeGreaterThanOrEqual(5);
  });

  it('lists the 五个必须 written inline (huiji-2024)', async () => {
    const r = await ask('惠济区做好今年工作要坚决做到哪几个必须');
    for (const item of ['必须坚持党的领导', '必须强化执行落实', '必须坚持发展为民']) expect(r.answer).toContain(item);
  });

  it('keeps the section headings for questions about the report’s parts', async () => {
    const r = await ask('卫东区2024年重点工作有哪些');
    expect(r.answer).toContain('着力促进经济全面回升');
  });
});

describe('comparisons with a side that states no figure', () => {
  it('answers the side that has one and names the side that has none', async () => {
    // hongqi-2024 states 技术合同交易额完成登记10.3亿元 for 2023; weidong-2024 states none.
    const r = await ask('红旗区和卫东区2023年技术合同交易额对比');
    expect(r.answer).toContain('10.3亿元');
    expect(r.answer).toMatch(/没有给出卫东区/);
    expect(r.verified).toBe(true);
  });
});

describe('descriptive answers', () => {
  it('quote one report and one part of it, never a plan sentence next to a review one', async () => {
    const r = await ask('惠济区2023年在科技创新方面做了什么');
    expect(r.status).toBe('answered');
    expect(r.citations.length).toBeGreaterThan(0);
    expect(new Set(r.citations.map((c) => c.reportId)).size).toBe(1);
    const parts = new Set(r.citations.map((c) => /回顾|过去/.test(c.section.split(' › ')[0])));
    expect(parts.size).toBe(1);
  });
});

describe('section lists quote the report’s own introduction', () => {
  it('cites the paragraph that introduces the headings (huiji-2024: 主要做了7个方面工作)', async () => {
    const r = await ask('惠济区2023年主要做了哪几个方面的工作');
    expect(r.answer).toContain('主要做了7个方面工作');
    expect(r.answer).toContain('聚焦发展要务');
    expect(r.verified).toBe(true);
  });
});

describe('figures over several years', () => {
  it('过去五年…年均增长 is answered from the five-year review, with that figure alone, not the annual row', async () => {
    const corpus = await sharedCorpus();
    for (const q of ['红旗区过去五年GDP年均增长多少', '红旗区十二五期间GDP年均增长多少']) {
      const r = await answerQuestion({ corpus }, { question: q });
      expect(r.status, q).toBe('answered');
      expect(r.answer).toContain('2012—2016年');
      expect(r.answer).toContain('地区生产总值年均增长10.6%');
      // The period's start level (107.7亿元, 2011) is not claimed for the period.
      expect(r.answer).not.toContain('107.7');
      expect(r.citations.map((c) => c.id)).toEqual(['hongqi-2017:p19']);
      expect(r.verified).toBe(true);
    }
  });
});
