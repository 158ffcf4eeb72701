// Figure shapes of real reports, answered offline end to end: a range target, urban and rural
// figures stated together, grain in 斤, a level with the share stated beside it, a decline, a
// condition in brackets after a figure, a target in brackets beside its outcome, and the levels a five-year review ends at. The reports
// are written for these tests (an invented city, invented figures) in the genre's shapes.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../retrieval/corpus/loadCorpus.js';
import type { Corpus } from '../../../retrieval/types.js';
import { answerQuestion } from '../../../server/answer/answerQuestion.js';

const REPORT_2026 = [
  '政府工作报告',
  '——2026年1月20日在青岚市第十届人民代表大会第一次会议上',
  '青岚市人民政府市长 程远',
  '各位代表：',
  '现在，我代表市人民政府，向大会报告工作，请予审议。',
  '一、2025年和“十四五”时期工作回顾',
  '2025年，全市经济运行稳中有进。初步核算，全市实现地区生产总值（GDP）1320亿元，增长4.6%左右（按可比价计算，下同）。实现一般公共预算收入88.5亿元，增长3.2%。实现社会消费品零售总额410亿元，下降2.7%。城乡居民人均可支配收入分别达到46200元和21800元，增长4.1%和6.3%。全市财政民生支出96.4亿元，占一般公共预算支出77%。全市固定资产投资增长8.6%（年度目标6%左右）。',
  '五年来，全市地区生产总值由“十三五”末的905亿元增长到1320亿元，年均增长5.1%。城乡居民人均可支配收入从2020年的36900元和15700元分别提高到46200元和21800元。常住人口城镇化率由“十三五”末的55.2%提高到61.8%。',
  '二、2026年工作安排',
  '今年经济社会发展的主要预期目标是：全市地区生产总值增长4.5%—5%，一般公共预算收入增长3%左右，城乡居民人均可支配收入分别增长5%左右和6.5%左右，粮食总产量稳定在24亿斤以上。',
  '各位代表，让我们团结奋斗，再创佳绩！',
];

const REPORT_2011 = [
  '政府工作报告',
  '——2011年2月15日在青岚市第八届人民代表大会第五次会议上',
  '青岚市人民政府市长 林卓',
  '各位代表：',
  '一、2010年工作回顾',
  '2010年，全市地区生产总值完成402亿元，增长12.6%。城镇居民人均可支配收入14300元，增长10.2%；农民人均纯收入5200元，增长12.1%。',
  '二、2011年工作安排',
  '今年的主要预期目标是：地区生产总值增长11%左右。',
];

const OTHER_2026 = [
  '政府工作报告',
  '——2026年1月22日在白河市第九届人民代表大会第一次会议上',
  '白河市人民政府市长 宋言',
  '各位代表：',
  '一、2025年工作回顾',
  '2025年，全市地区生产总值增长5.1%。',
  '二、2026年工作安排',
  '今年的主要预期目标是：全市地区生产总值增长4.5%左右。',
];

let corpus: Corpus;
beforeAll(async () => {
  const source = (id: string, lines: string[]) => ({
    id,
    sourceFile: `${id}.txt`,
    bytes: new TextEncoder().encode(lines.join('\n')),
    overrides: { place: '青岚市', level: 'city' as const },
  });
  const other = { ...source('baihe-2026', OTHER_2026), overrides: { place: '白河市', level: 'city' as const } };
  corpus = await loadCorpus({ dir: null, sources: [source('qinglan-2026', REPORT_2026), source('qinglan-2011', REPORT_2011), other], cacheDir: false });
});
const ask = (question: string) => answerQuestion({ corpus }, { question });

/** A question, what its answer must state (strings, or patterns tying a figure to its name) and must not. */
interface Case {
  shape: string;
  question: string;
  states: (string | RegExp)[];
  never?: RegExp;
}

const CASES: Case[] = [
  { shape: 'a range target is stated whole, as written', question: '青岚2026年GDP增长目标是多少', states: ['4.5%—5%'] },
  {
    shape: 'a range is no point: compared with one, neither is called the same or the higher',
    question: '青岚和白河2026年GDP增长目标分别是多少，谁定得高？',
    states: ['4.5%—5%', '4.5%左右'],
    never: /相同|高于/,
  },
  { shape: 'in English, a range is given with both ends and quoted as written', question: "What is Qinglan's 2026 GDP growth target?", states: ['4.5 to 5%', '“4.5%—5%”'] },
  { shape: 'urban and rural figures stated together come back both, each named', question: '青岚2025年城乡居民人均可支配收入分别多少', states: [/城镇[^。]*46200元/, /农村[^。]*21800元/] },
  { shape: '城镇和农村 asked: both, each named', question: '青岚2025年城镇和农村居民收入各是多少', states: [/城镇[^。]*46200元/, /农村[^。]*21800元/] },
  { shape: 'urban and rural targets stated together', question: '青岚2026年城乡居民收入分别要增长多少', states: ['5%左右', '6.5%左右'] },
  { shape: 'an older report’s farmers’ net income answers 农民收入, named as the report names it', question: '青岚2010年城镇居民收入和农民收入各是多少', states: ['14300元', /农民人均纯收入[^。]*5200元/] },
  { shape: 'a target in 斤 keeps its unit and qualifier', question: '青岚2026年粮食总产量目标多少', states: ['24亿斤以上'] },
  { shape: 'a level comes with the share stated beside it', question: '青岚2025年民生支出多少', states: ['96.4亿元', '77%'] },
  { shape: 'a decline is stated as one', question: '青岚2025年社零是涨了还是跌了', states: ['下降2.7%'] },
  { shape: 'a condition in brackets after a figure does not fail the citation check', question: '青岚2025年GDP多少', states: ['1320亿元', '4.6%左右'] },
  { shape: 'the level a five-year period ends at answers for its end', question: '青岚十四五末GDP总量到了多少亿', states: ['1320亿元'], never: /905亿元/ },
  {
    shape: 'a year’s target stated in brackets beside its outcome answers for that year, and the two compare',
    question: '青岚2025年固定资产投资实际增速和年度目标比怎么样',
    states: ['增长8.6%', '增长6%左右', '实际增速高于目标'],
  },
  { shape: '由A提高到B answers for B, with no year in the lead claiming A for it', question: '青岚十四五末常住人口城镇化率是多少', states: ['61.8%'], never: /2025年/ },
];

describe('figures of real reports, answered whole and verified', () => {
  it.each(CASES)('$shape', async ({ question, states, never }) => {
    const r = await ask(question);
    expect(r.status).toBe('answered');
    expect(r.verified).toBe(true);
    for (const s of states) expect(r.answer).toMatch(s);
    if (never) expect(r.answer).not.toMatch(never);
  });
});
