import { describe, expect, it } from 'vitest';
import { parseQuery, type CatalogEntry } from '../../../retrieval/query/parseQuery.js';
import { ParsedQuerySchema, type ParsedQuery } from '../../../retrieval/types.js';

// Read by eye from the covers of seeds/*.txt. A report delivered in year Y reviews
// Y−1 and plans Y. hongqi-2020 and weidong-2024 do not state their city on the cover
// (weidong-2024 is in 平顶山市, but only says so in project names).
const CATALOG: CatalogEntry[] = [
  { id: 'hongqi-2017', place: '红旗区', city: '新乡市', reviewYear: 2016, planYear: 2017, congress: '第十四届人民代表大会第一次会议' },
  { id: 'hongqi-2020', place: '红旗区', reviewYear: 2019, planYear: 2020, congress: '第十四届人民代表大会第五次会议' },
  { id: 'hongqi-2024', place: '红旗区', city: '新乡市', reviewYear: 2023, planYear: 2024, congress: '第十五届人民代表大会第四次会议' },
  { id: 'huiji-2024', place: '惠济区', city: '郑州市', reviewYear: 2023, planYear: 2024, congress: '第四届人民代表大会第四次会议' },
  { id: 'weidong-2024', place: '卫东区', reviewYear: 2023, planYear: 2024, congress: '第十一届人民代表大会第四次会议' },
];

const parse = (text: string, context?: ParsedQuery) => {
  const q = parseQuery(text, CATALOG, context);
  expect(() => ParsedQuerySchema.parse(q)).not.toThrow();
  return q;
};

type Case = [question: string, expected: Partial<ParsedQuery>];

/** toMatchObject, except that `key: undefined` means "absent or undefined". */
function expectParsed(q: ParsedQuery, expected: Partial<ParsedQuery>) {
  const present = Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined));
  expect(q).toMatchObject(present);
  for (const [k, v] of Object.entries(expected)) if (v === undefined) expect(q[k as keyof ParsedQuery], k).toBeUndefined();
}

describe('parseQuery: indicator questions', () => {
  const cases: Case[] = [
    ['惠济区2024年GDP目标是多少', { place: '惠济区', places: ['惠济区'], year: 2024, indicator: '地区生产总值', indicatorMention: 'GDP', intent: 'target', yearRole: 'target', reportIds: ['huiji-2024'] }],
    ['红旗区2023年财政收入完成多少', { place: '红旗区', year: 2023, indicator: '一般公共预算收入', indicatorMention: '财政收入', intent: 'actual', yearRole: 'actual', reportIds: ['hongqi-2024'] }],
    ['新乡市红旗区2016年经济增长', { places: ['红旗区'], year: 2016, indicator: '地区生产总值', measure: 'growth', intent: 'actual', yearRole: 'actual', reportIds: ['hongqi-2017'] }],
    ['卫东区去年社零增长多少', { place: '卫东区', year: 2023, indicator: '社会消费品零售总额', indicatorMention: '社零', measure: 'growth', intent: 'actual', yearRole: 'actual', reportIds: ['weidong-2024'] }],
    ['惠济区2023年一般公共预算收入完成多少亿', { year: 2023, indicator: '一般公共预算收入', measure: 'level', intent: 'actual', reportIds: ['huiji-2024'] }],
    ['红旗区2019年税占比', { year: 2019, indicator: '税收占比', yearRole: 'actual', reportIds: ['hongqi-2020'] }],
    ['卫东区研发投入强度目标', { indicator: '研发经费投入强度', indicatorMention: '研发投入强度', intent: 'target', reportIds: ['weidong-2024'] }],
    ['卫东区研发投入', { indicator: '研发经费投入强度', indicatorMention: '研发投入' }],
    ['惠济区居民收入增长', { indicator: '居民人均可支配收入', measure: 'growth' }],
    ['惠济区收入', { indicator: '居民人均可支配收入', indicatorMention: '收入' }],
    ['惠济区财政收入', { indicator: '一般公共预算收入', indicatorMention: '财政收入' }],
    ['红旗区人均GDP', { indicator: '人均地区生产总值', indicatorMention: '人均GDP' }],
    ['卫东区CPI涨幅', { indicator: '居民消费价格涨幅', measure: 'growth' }],
    ['卫东区2024年投资增长目标', { indicator: '固定资产投资', indicatorMention: '投资', measure: 'growth', intent: 'target', reportIds: ['weidong-2024'] }],
    ['惠济区消费增长目标', { indicator: '社会消费品零售总额', indicatorMention: '消费', intent: 'target' }],
    ['社零增长目标', { indicator: '社会消费品零售总额', indicatorMention: '社零' }],
    // A figure asked for outright, even of something no indicator names; not when the question asks how.
    ['惠济区2023年城镇职工平均工资是多少', { asksFigure: true }],
    ['卫东区2024年要新增多少辆公交车', { asksFigure: true, intent: 'target' }],
    ['红旗区2019年怎么防范金融风险的，处置了多少非法集资案', { asksFigure: undefined }],
    // 规模以上 says which firms count; 规模 alone asks for the amount.
    ['赤峰规模以上固投增长多少', { indicator: '固定资产投资', measure: 'growth' }],
    ['惠济区GDP规模多大', { measure: 'level' }],
    // When something the report tells of happened is no question about the report itself.
    ['惠济区2024年报告里说地铁7号线哪天开通', { intent: 'open' }],
    ['惠济区2024年政府工作报告是哪天作的', { intent: 'meta' }],
    // A name written right after another describes its figure: one indicator asked, not two.
    ['卫东区固定资产投资增长目标', { indicator: '固定资产投资', indicators: undefined }],
    ['卫东区固投和GDP增长目标', { indicator: '固定资产投资', indicators: ['固定资产投资', '地区生产总值'] }],
    ['惠济区城镇调查失业率控制目标', { indicator: '城镇调查失业率', intent: 'target' }],
    ['惠济区GDP总量', { indicator: '地区生产总值', measure: 'level' }],
    // GDP增速 is a label of its own (longest match); the mention is the user's full-width spelling.
    ['ＧＤＰ增速', { indicator: '地区生产总值', indicatorMention: 'ＧＤＰ增速', measure: 'growth' }],
    ['红旗区2024年GDP', { year: 2024, yearRole: 'any', intent: 'target', reportIds: ['hongqi-2024'] }],
    ['红旗区2023年GDP', { year: 2023, yearRole: 'actual', intent: 'actual', reportIds: ['hongqi-2024'] }],
    ['红旗区2019年GDP', { year: 2019, yearRole: 'actual', reportIds: ['hongqi-2020'] }],
    ['红旗区2020年GDP目标完成情况', { year: 2020, yearRole: 'actual', intent: 'actual', reportIds: ['hongqi-2020'] }],
    // No year: a figure question goes to each district's newest report.
    ['红旗区GDP目标', { year: undefined, yearRole: 'target', intent: 'target', reportIds: ['hongqi-2024'] }],
  ];
  it.each(cases)('%s', (question, expected) => {
    expectParsed(parse(question), expected);
  });
});

describe('parseQuery: years', () => {
  const cases: Case[] = [
    ['惠济区24年GDP目标', { year: 2024, reportIds: ['huiji-2024'] }],
    ['二〇二四年惠济区GDP目标', { year: 2024, reportIds: ['huiji-2024'] }],
    ['２０２３年红旗区GDP', { year: 2023, reportIds: ['hongqi-2024'] }],
    ['红旗区今年GDP目标', { year: 2024, yearRole: 'target', reportIds: ['hongqi-2024'] }],
    ['今年GDP增长目标', { year: 2024, places: [], reportIds: ['hongqi-2024', 'huiji-2024', 'weidong-2024'] }],
    ['红旗区去年财政收入', { year: 2023, yearRole: 'actual', reportIds: ['hongqi-2024'] }],
    // The target for 2016 was set in a report we don't have; the one reviewing 2016 is offered.
    ['红旗区2016年GDP目标', { year: 2016, yearRole: 'target', reportIds: ['hongqi-2017'] }],
    // A first-session report reviews the whole past term.
    ['红旗区2015年GDP', { year: 2015, yearRole: 'actual', reportIds: ['hongqi-2017'] }],
    ['红旗区十三五期间GDP年均增长', { year: undefined, reportIds: ['hongqi-2017', 'hongqi-2020'] }],
    ['十三五规划', { year: undefined, places: [], reportIds: ['hongqi-2017', 'hongqi-2020'] }],
    ['十四五规划实施情况', { year: undefined, reportIds: ['hongqi-2024', 'huiji-2024', 'weidong-2024'] }],
    ['红旗区过去五年GDP', { year: undefined, reportIds: ['hongqi-2017'] }],
    ['五年来取得了哪些成绩', { reportIds: ['hongqi-2017'], intent: 'open' }],
    ['惠济区过去五年', { reportIds: ['huiji-2024'] }],
    ['2000亿', { year: undefined }],
    ['红旗区10年来发展', { year: undefined }],
  ];
  it.each(cases)('%s', (question, expected) => {
    expectParsed(parse(question), expected);
  });

  it('flags a year no report covers instead of returning "all"', () => {
    expect(parse('惠济区2020年GDP')).toMatchObject({ place: '惠济区', year: 2020, reportIds: [], noMatchingReport: true });
    expect(parse('卫东区前年GDP')).toMatchObject({ year: 2022, reportIds: [], noMatchingReport: true });
  });
});

describe('parseQuery: places', () => {
  const cases: Case[] = [
    ['惠济GDP目标', { places: ['惠济区'] }],
    // A city without its 市 is still the city, which has no report of its own.
    ['郑州2024年投资增长目标', { places: [], unknownPlace: '郑州', reportIds: [], noMatchingReport: true }],
    ['新乡24年财政收入', { places: [], unknownPlace: '新乡', noMatchingReport: true }],
    ['郑州各区2024年投资增长目标', { places: ['惠济区'], unknownPlace: undefined, reportIds: ['huiji-2024'] }],
    ['河南省新乡市红旗区2024年GDP目标', { places: ['红旗区'], unknownPlace: undefined, reportIds: ['hongqi-2024'] }],
    ['平顶山市卫东区GDP目标', { places: ['卫东区'], unknownPlace: undefined, reportIds: ['weidong-2024'] }],
    ['惠济区和卫东区GDP目标对比', { places: ['惠济区', '卫东区'], place: '惠济区', intent: 'compare', yearRole: 'target', reportIds: ['huiji-2024', 'weidong-2024'] }],
    ['卫东区与红旗区2023年社零增速', { places: ['卫东区', '红旗区'], intent: 'compare', reportIds: ['hongqi-2024', 'weidong-2024'] }],
    ['两个区的GDP目标', { places: ['红旗区', '惠济区', '卫东区'], intent: 'compare' }],
    ['各区2024年GDP目标哪个高', { places: ['红旗区', '惠济区', '卫东区'], intent: 'compare', reportIds: ['hongqi-2024', 'huiji-2024', 'weidong-2024'] }],
    ['哪个区去年GDP增长最快', { intent: 'compare', year: 2023, yearRole: 'actual' }],
    ['全区GDP增长', { places: [], unknownPlace: undefined }],
    ['示范区建设', { places: [], unknownPlace: undefined, noMatchingReport: undefined }],
  ];
  it.each(cases)('%s', (question, expected) => {
    expectParsed(parse(question), expected);
  });

  it('a city named as a whole is not covered: no report speaks for it, and its districts are not it', () => {
    const q = parse('新乡市2024年GDP增长目标是多少');
    expect(q).toMatchObject({ places: [], unknownPlace: '新乡市', reportIds: [], noMatchingReport: true });
    expect(parse('郑州市市长是谁')).toMatchObject({ unknownPlace: '郑州市', noMatchingReport: true });
    // …but it is only the address when a district of the city is named too.
    expect(parse('新乡市红旗区GDP').unknownPlace).toBeUndefined();
    expect(parse('新乡红旗区GDP').unknownPlace).toBeUndefined();
  });

  it('names an unknown district and flags that no report covers it', () => {
    const q = parse('金水区2024年GDP目标');
    expect(q).toMatchObject({ places: [], year: 2024, indicator: '地区生产总值', unknownPlace: '金水区', reportIds: [], noMatchingReport: true });
    expect(q.place).toBeUndefined();
  });

  it('does not take words ending in 区 for places (老旧小区, 保税区, 校区)', () => {
    for (const q of ['老旧小区改造进展', '保税区建设情况', '新校区什么时候建成', '风险区怎么划定']) {
      const parsed = parse(q);
      expect(parsed.unknownPlace, q).toBeUndefined();
      expect(parsed.noMatchingReport, q).toBeUndefined();
    }
  });

  it('does not read 郑州市金水区 as 惠济区', () => {
    expect(parse('郑州市金水区GDP')).toMatchObject({ places: [], unknownPlace: '金水区', noMatchingReport: true });
  });

  it('never answers an uncovered place from a covered one named beside it', () => {
    expect(parse('惠济区和金水区GDP对比')).toMatchObject({ places: ['惠济区'], unknownPlace: '金水区', reportIds: [], noMatchingReport: true });
    expect(parse('和红旗区同在新乡市的卫滨区2024年GDP目标是多少')).toMatchObject({ unknownPlace: '卫滨区', noMatchingReport: true });
  });

  it('recognises places the gazetteer knows, with or without their suffix', () => {
    for (const [q, name] of [
      ['沛县2024年GDP目标', '沛县'],
      ['马边彝族自治县去年财政收入', '马边彝族自治县'],
      ['马边县去年财政收入', '马边县'],
      ['马边2024年GDP', '马边'],
      ['鄂托克旗2024年GDP目标', '鄂托克旗'],
      ['深圳GDP是多少', '深圳'],
      ['卫滨区2024年GDP目标', '卫滨区'],
    ] as const) {
      expect(parse(q), q).toMatchObject({ unknownPlace: name, reportIds: [], noMatchingReport: true });
    }
    // The same name in another city is another place.
    expect(parse('新乡市卫东区2024年GDP目标')).toMatchObject({ unknownPlace: '新乡市卫东区', noMatchingReport: true });
    // Words that only contain a place's name are not the place.
    for (const q of ['和平发展有哪些举措', '红旗区城市更新做了什么', '惠济区市场主体增长多少']) expect(parse(q).unknownPlace, q).toBeUndefined();
  });

  it('group words name every place of their level', () => {
    const catalog = [
      ...CATALOG,
      { id: 'pei-2024', place: '沛县', city: '徐州市', province: '江苏省', level: 'county' as const, reviewYear: 2023, planYear: 2024 },
      { id: 'feng-2024', place: '丰县', city: '徐州市', province: '江苏省', level: 'county' as const, reviewYear: 2023, planYear: 2024 },
    ];
    expect(parseQuery('两个县2024年GDP目标', catalog).places).toEqual(['沛县', '丰县']);
    expect(parseQuery('各县2024年GDP目标哪个高', catalog).places).toEqual(['沛县', '丰县']);
    expect(parseQuery('徐州各县区2024年GDP目标', catalog).places).toEqual(['沛县', '丰县']);
    expect(parseQuery('各区2024年GDP目标', catalog).places).toEqual(['红旗区', '惠济区', '卫东区']);
  });

  it('derives names from the catalog, not a fixed list', () => {
    const catalog = [...CATALOG, { id: 'jinshui-2024', place: '金水区', city: '郑州市', reviewYear: 2023, planYear: 2024 }];
    expect(parseQuery('金水2024年GDP目标', catalog)).toMatchObject({ places: ['金水区'], reportIds: ['jinshui-2024'] });
    expect(parseQuery('郑州各区2024年GDP目标', catalog).places).toEqual(['惠济区', '金水区']);
  });
});

describe('parseQuery: intents', () => {
  const cases: Case[] = [
    ['谁作的惠济区政府工作报告', { intent: 'meta', place: '惠济区', reportIds: ['huiji-2024'] }],
    ['惠济区区长是谁', { intent: 'meta' }],
    ['红旗区2024年政府工作报告是什么时候作的', { intent: 'meta', reportIds: ['hongqi-2024'] }],
    ['卫东区的报告是在哪次会议上作的', { intent: 'meta' }],
    ['红旗区2017年报告是第几届人大', { intent: 'meta', reportIds: ['hongqi-2017'] }],
    ['卫东区2024年重点工作有哪些', { intent: 'list', place: '卫东区', year: 2024, reportIds: ['weidong-2024'] }],
    ['惠济区2024年主要任务', { intent: 'list' }],
    // A list question even though it holds the alias 投资 (whether 投资 names 固定资产投资 there is
    // decided at answer time, by what the figures cover: test/server/answer/figureAnswers.test.ts).
    ['红旗区2024年投资方面有哪些重点项目', { intent: 'list' }],
    ['红旗区2019年和2023年GDP对比', { intent: 'compare', year: 2019, reportIds: ['hongqi-2020', 'hongqi-2024'] }],
    ['惠济区的营商环境怎么样', { intent: 'open', place: '惠济区' }],
    ['惠济区属于哪个市', { intent: 'meta' }],
    ['惠济区2024年政府工作报告是哪天作的', { intent: 'meta' }],
    ['卫东区的半导体产业园什么时候建成', { intent: 'open' }],
    ['惠济区政府工作报告里今年社零增长目标是多少', { intent: 'target', year: 2024 }],
    ['红旗区2024年重点做好哪六个方面工作', { intent: 'list' }],
    ['红旗区2023年主要做了哪些工作', { intent: 'list', reportIds: ['hongqi-2024'] }],
    // "which ones" about a topic is an open question, about the whole report a list
    ['惠济区2023年优化营商环境做了哪些工作', { intent: 'open' }],
    // a figure outside the vocabulary is still a target/actual question
    ['红旗区2023年技术合同交易额是多少', { intent: 'actual', indicator: undefined, reportIds: ['hongqi-2024'] }],
    ['红旗区2024年外贸进出口额目标', { intent: 'target', reportIds: ['hongqi-2024'] }],
    // 完成/实现 about a year the reports only plan describe the plan
    ['惠济区2024年推进多少个重点项目，年度完成投资多少？', { intent: 'target', yearRole: 'target', reportIds: ['huiji-2024'] }],
    ['乡村振兴', { intent: 'open', places: [], reportIds: [] }],
  ];
  it.each(cases)('%s', (question, expected) => {
    expectParsed(parse(question), expected);
  });
});

describe('parseQuery: follow-ups', () => {
  const first = () => parse('惠济区2024年GDP目标是多少');

  it('那卫东区呢？ swaps the district, keeps the rest', () => {
    expect(parse('那卫东区呢？', first())).toMatchObject({
      places: ['卫东区'], year: 2024, indicator: '地区生产总值', intent: 'target', yearRole: 'target', reportIds: ['weidong-2024'],
    });
  });

  it('去年呢？ after a target for Y asks for the actual of Y−1', () => {
    expect(parse('去年呢？', first())).toMatchObject({
      places: ['惠济区'], year: 2023, yearRole: 'actual', intent: 'actual', indicator: '地区生产总值', reportIds: ['huiji-2024'],
    });
  });

  it('去年呢？ counts back from the conversation year, not from today', () => {
    const q = parse('红旗区2020年GDP目标');
    expect(parse('去年呢', q)).toMatchObject({ year: 2019, yearRole: 'actual', reportIds: ['hongqi-2020'] });
  });

  it('固定资产投资呢 swaps the indicator, keeps place, year and role', () => {
    expect(parse('固定资产投资呢', first())).toMatchObject({
      places: ['惠济区'], year: 2024, indicator: '固定资产投资', indicatorMention: '固定资产投资', intent: 'target', reportIds: ['huiji-2024'],
    });
  });

  it('chains: district, then year, then indicator', () => {
    const a = parse('那卫东区呢', first());
    const b = parse('去年呢', a);
    const c = parse('社零呢', b);
    expect(c).toMatchObject({ places: ['卫东区'], year: 2023, yearRole: 'actual', indicator: '社会消费品零售总额', reportIds: ['weidong-2024'] });
  });

  it('a list follow-up stays a list', () => {
    const list = parse('卫东区2024年重点工作有哪些');
    expect(parse('那惠济区呢', list)).toMatchObject({ intent: 'list', places: ['惠济区'], year: 2024, reportIds: ['huiji-2024'] });
  });

  it('a new question with its own words keeps only place and year', () => {
    const q = parse('营商环境方面做了什么', first());
    expect(q).toMatchObject({ places: ['惠济区'], intent: 'open' });
    expect(q.indicator).toBeUndefined();
  });

  it('今年呢 after an actual goes back to the plan year', () => {
    const q = parse('卫东区去年GDP增长多少');
    expect(parse('今年呢', q)).toMatchObject({ year: 2024, yearRole: 'any', intent: 'target', measure: 'growth', reportIds: ['weidong-2024'] });
  });

  it('比红旗区高吗 adds the district to a comparison', () => {
    const q = parse('卫东区去年GDP增长多少');
    expect(parse('比红旗区高吗', q)).toMatchObject({
      places: ['卫东区', '红旗区'], intent: 'compare', year: 2023, yearRole: 'actual', indicator: '地区生产总值', reportIds: ['hongqi-2024', 'weidong-2024'],
    });
  });

  it('a follow-up naming an unknown place is not covered', () => {
    expect(parse('那金水区呢', first())).toMatchObject({ places: [], unknownPlace: '金水区', noMatchingReport: true, reportIds: [] });
  });

  it('去年实际是多少 keeps the indicator: role words are slots, not a new topic', () => {
    const q = parse('卫东区2024年社零增长目标');
    expect(parse('去年实际是多少', q)).toMatchObject({ year: 2023, yearRole: 'actual', indicator: '社会消费品零售总额', reportIds: ['weidong-2024'] });
  });

  it('a meta follow-up without a year asks about the newest report', () => {
    expect(parse('红旗区的呢', parse('卫东区区长是谁'))).toMatchObject({ intent: 'meta', places: ['红旗区'], reportIds: ['hongqi-2024'] });
  });

  it('a full question ignores the context', () => {
    expect(parse('红旗区2016年经济增长', first())).toMatchObject({ places: ['红旗区'], year: 2016, reportIds: ['hongqi-2017'] });
  });
});

describe('parseQuery: a year that names the report', () => {
  const catalog: CatalogEntry[] = [
    ...CATALOG,
    { id: 'pei-2025', place: '沛县', city: '徐州市', date: '2025-01-08', reviewYear: 2024, planYear: 2025 },
    { id: 'pei-2024', place: '沛县', city: '徐州市', date: '2024-01-10', reviewYear: 2023, planYear: 2024 },
  ];
  it('reads 去年/今年 relative to the named report', () => {
    expect(parseQuery('沛县2025年的政府工作报告里去年的社零是多少', catalog)).toMatchObject({ year: 2024, yearRole: 'actual', reportIds: ['pei-2025'] });
    expect(parseQuery('沛县2024年报告里今年的GDP目标', catalog)).toMatchObject({ year: 2024, reportIds: ['pei-2024'] });
    expect(parseQuery('沛县2024年报告里去年GDP增长多少', catalog)).toMatchObject({ year: 2023, reportIds: ['pei-2024'] });
  });
  it('a report year the place has no report for is not covered', () => {
    expect(parseQuery('沛县2023年政府工作报告里的GDP目标', catalog)).toMatchObject({ reportIds: [], noMatchingReport: true, year: 2023 });
  });
});

describe('parseQuery: places in English questions', () => {
  it.each([
    ["What is Huiji District's GDP growth target for 2024?", '惠济区'],
    ['Hongqi GDP target 2024', '红旗区'],
    ['What was Weidong district GDP in 2023', '卫东区'],
  ])('%s → %s', (q, place) => {
    expect(parse(q)).toMatchObject({ places: [place] });
  });
  it('reads a one-character county by its pinyin with the English suffix', () => {
    const catalog: CatalogEntry[] = [...CATALOG, { id: 'pei-2024', place: '沛县', reviewYear: 2023, planYear: 2024 }];
    expect(parseQuery('Pei County GDP target 2024', catalog)).toMatchObject({ places: ['沛县'], reportIds: ['pei-2024'] });
    expect(parseQuery("What was Peixian's GDP in 2023", catalog)).toMatchObject({ places: ['沛县'] });
    // Short pinyin words are English words too often to count on their own.
    expect(parseQuery('pei gdp', catalog).places).toEqual([]);
  });
  it('reads provinces by their English names where those are not their pinyin (Tibet, Inner Mongolia, Shaanxi)', () => {
    const catalog: CatalogEntry[] = [
      { id: 'xizang-2026', place: '西藏自治区', reviewYear: 2025, planYear: 2026 },
      { id: 'shaanxi-2026', place: '陕西省', reviewYear: 2025, planYear: 2026 },
      { id: 'nmg-2026', place: '内蒙古自治区', reviewYear: 2025, planYear: 2026 },
    ];
    expect(parseQuery("What is Tibet's GDP target for 2026?", catalog).places).toEqual(['西藏自治区']);
    expect(parseQuery('Compare Shaanxi and Inner Mongolia in 2026', catalog).places).toEqual(['陕西省', '内蒙古自治区']);
    // Shanxi is 山西, another province: not a report held.
    expect(parseQuery("What is Shanxi's GDP target for 2026?", catalog)).toMatchObject({ places: [], unknownPlace: '山西省' });
  });
});

describe('parseQuery: one year planned, another done', () => {
  it('reads what the question wants of each year, and compares them', () => {
    const q = parse('红旗区2023年GDP实际增长和2024年目标分别是多少');
    expect(q.intent).toBe('compare');
    expect(q.yearRoles).toEqual([
      { year: 2023, role: 'actual' },
      { year: 2024, role: 'target' },
    ]);
    expect(q.reportIds).toEqual(['hongqi-2024']);
  });
  it('years listed with one role: each year with it, so each is answered (a range is a period, not a list)', () => {
    const q = parse('红旗区2017年和2024年GDP目标分别是多少');
    expect(q.yearRoles).toEqual([
      { year: 2017, role: 'target' },
      { year: 2024, role: 'target' },
    ]);
    expect(q.intent).toBe('compare');
    expect(q.reportIds.sort()).toEqual(['hongqi-2017', 'hongqi-2024']);
    // No role said: each year as the reports hold it (2019 and 2023 are only reviewed).
    expect(parse('红旗区2019年、2023年GDP增速分别是多少').yearRoles).toEqual([
      { year: 2019, role: 'actual' },
      { year: 2023, role: 'actual' },
    ]);
    // Each year its own words: 2023's growth is an outcome, 2024's 目标 a plan; a bare 2023年和 shares 2024's.
    expect(parse('红旗区2023年GDP增长多少，2024年目标是多少').yearRoles).toEqual([
      { year: 2023, role: 'actual' },
      { year: 2024, role: 'target' },
    ]);
    expect(parse('红旗区2023年和2024年GDP目标分别是多少').yearRoles).toEqual([
      { year: 2023, role: 'target' },
      { year: 2024, role: 'target' },
    ]);
    expect(parse('红旗区2016年到2020年GDP年均增长多少').yearRoles).toBeUndefined();
    expect(parse('红旗区2016-2020年GDP').yearRoles).toBeUndefined();
    // Not a figure question: no years to answer one by one.
    expect(parse('红旗区2017年和2024年的报告有什么不同').yearRoles).toBeUndefined();
  });
});

describe('parseQuery: a target set years ahead', () => {
  it('a target for a year no report plans is looked for in the reports of the years before it (five at most)', () => {
    expect(parse('红旗区2027年GDP目标').reportIds).toEqual(['hongqi-2024']);
    expect(parse('红旗区2030年GDP目标').noMatchingReport).toBe(true);
    // An outcome is only ever in the report that reviews its year.
    expect(parse('红旗区2026年GDP实际增长多少').noMatchingReport).toBe(true);
  });
});
