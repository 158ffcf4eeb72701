import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../../retrieval/types.js';
import { figuresIn, sourceHasNumber } from '../../../../server/answer/verify/figures.js';
import { createDraftVerifier, verifyCitations } from '../../../../server/answer/verify/verifyCitations.js';

// Paragraph texts copied from the reports.
const huijiTargets = '经济社会发展主要预期目标是:地区生产总值增长7%左右,固定资产投资增长8%以上,规模以上工业增加值增长9%以上,社会消费品零售总额增长8%以上,一般公共预算收入增长3%以上';
const hongqi2017 = '全年实现地区生产总值157.5亿元，同比增长7.1%；完成全社会固定资产投资135.1亿元，同比增长3.8%，增幅四区第一;完成公共财政一般预算收入6.8亿元，同比增长1.6％，总量四区第一。';

function ev(marker: number, text: string, district = '惠济区'): Evidence {
  return {
    marker,
    paragraphId: `r:p${marker}`,
    reportId: 'r',
    place: district,
    year: 2024,
    section: '',
    text,
    passage: { start: 0, end: text.length },
    matched: [],
    rows: [],
    report: {} as Evidence['report'],
  };
}
const evidence = [ev(1, huijiTargets), ev(2, hongqi2017, '红旗区')];

describe('figures', () => {
  it('normalises full-width digits and ％, ignores years and markers', () => {
    expect(figuresIn('惠济区2024年GDP目标是增长７％左右[1]。').map((f) => f.text)).toEqual(['7%']);
    expect(figuresIn('2016年公共财政收入6.8亿元').map((f) => f.number)).toEqual(['6.8']);
  });
  it('matches whole numbers only', () => {
    expect(sourceHasNumber(hongqi2017, '1.6')).toBe(true); // written 1.6％ in the source
    expect(sourceHasNumber(hongqi2017, '7.1')).toBe(true);
    expect(sourceHasNumber(hongqi2017, '7')).toBe(false); // only inside 157.5 and 7.1
    expect(sourceHasNumber(hongqi2017, '57.5')).toBe(false);
    expect(sourceHasNumber('出口退税 1.7 亿元', '1.7')).toBe(true);
  });
});

describe('verifyCitations', () => {
  it('accepts a sentence whose figure is in the cited paragraph', () => {
    const v = verifyCitations('惠济区2024年地区生产总值的预期目标是增长7％左右[1]。', evidence);
    expect(v).toMatchObject({ ok: true, problems: [], markers: [1] });
  });

  it('removes a marker that names no given paragraph and reports it', () => {
    const v = verifyCitations('目标是增长7%左右[1][5]。', evidence);
    expect(v.ok).toBe(false);
    expect(v.text).toBe('目标是增长7%左右[1]。');
    expect(v.problems[0]).toContain('[5]');
  });

  it('removes a sentence citing a paragraph that lacks its figure', () => {
    const v = verifyCitations('GDP目标是增长7%左右[1]。固定资产投资增长12%[1]。', evidence);
    expect(v.ok).toBe(false);
    expect(v.text).toBe('GDP目标是增长7%左右[1]。');
    expect(v.removed).toEqual([{ sentence: '固定资产投资增长12%[1]。', reason: '数字 12% 与所引段落不符' }]);
  });

  it('removes a figure with no citation at all', () => {
    const v = verifyCitations('红旗区2016年GDP为157.5亿元。', evidence);
    expect(v.ok).toBe(false);
    expect(v.text).toBe('');
    expect(v.problems[0]).toContain('没有引用');
  });

  it('accepts a figure supported by any of several cited paragraphs, and figure-free sentences without markers', () => {
    const v = verifyCitations('两区情况如下。惠济区目标增长7%左右，红旗区2016年增长7.1%[1][2]。', evidence);
    expect(v.ok).toBe(true);
    expect(v.markers).toEqual([1, 2]);
  });
});

describe('verifyCitations: shapes of real reports', () => {
  // Written for these tests: a range target, and a condition in brackets after a figure.
  const range = ev(1, '主要预期目标是：全市生产总值增长4.5%—5%，一般公共预算收入增长5.5%。');
  const condition = ev(2, '初步核算，全市实现地区生产总值（GDP）1320亿元，增长4.6%左右（按可比价计算，下同），总量再创新高。');

  it('accepts a range stated whole, and checks both its ends', () => {
    expect(verifyCitations('惠济区2026年地区生产总值的预期目标是增长4.5%—5%[1]。', [range]).ok).toBe(true);
    // 5.5% stands in the paragraph, but as the revenue's growth.
    expect(verifyCitations('惠济区2026年地区生产总值的预期目标是增长4.5%—5.5%[1]。', [range]).ok).toBe(false);
  });

  it('reads a figure’s subject past a condition in brackets after it, as the records do', () => {
    const v = verifyCitations('全市实现地区生产总值（GDP）1320亿元，增长4.6%左右[2]。', [condition]);
    expect(v.problems).toEqual([]);
    expect(verifyCitations('规上工业增加值增长4.6%[2]。', [condition]).ok).toBe(false);
  });
});

describe('verifyCitations: every sentence, every figure, every marker style', () => {
  const gdpRow = {
    place: '惠济区', reportId: 'huiji-2024', year: 2024, kind: 'target' as const, label: '地区生产总值', indicator: '地区生产总值',
    value: 7, unit: '%', qualifier: '左右', measure: 'growth' as const, paragraphId: 'r:p1', span: { start: 16, end: 29 },
    quote: '地区生产总值增长7%左右',
  };
  const withRow = [{ ...ev(1, huijiTargets), rows: [gdpRow] }, ev(2, hongqi2017, '红旗区')];

  it('accepts a correct answer in any marker style, normalised to [n]', () => {
    for (const written of ['【1】', '［1］', '[^1]', '[1,2]', '[1-2]', '(来源1)', '[来源1]']) {
      const v = verifyCitations(`惠济区2024年地区生产总值预期增长7%左右${written}。`, evidence);
      expect(v.ok, written).toBe(true);
      expect(v.text).toMatch(/增长7%左右\[1\](\[2\])?。$/);
    }
  });

  it('checks figures written in Chinese numerals', () => {
    const wrong = verifyCitations('惠济区2024年地区生产总值预期增长百分之十二左右[1]。', evidence);
    expect(wrong.ok).toBe(false);
    expect(wrong.problems[0]).toContain('百分之十二');
    expect(wrong.text).toBe('');
    expect(verifyCitations('惠济区2024年地区生产总值预期增长百分之七左右[1]。', evidence).ok).toBe(true);
    expect(verifyCitations('固定资产投资增长八成[1]。', evidence).ok).toBe(false);
  });

  it('rejects a factual sentence with no citation, but not connectives or refusals', () => {
    const v = verifyCitations('惠济区2024年地区生产总值预期增长7%左右[1]。惠济区将持续优化营商环境。', evidence);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toContain('没有引用来源');
    expect(v.problems[0]).toContain('惠济区将持续优化营商环境');
    expect(v.text).toBe('惠济区2024年地区生产总值预期增长7%左右[1]。');
    expect(verifyCitations('具体如下：地区生产总值增长7%左右[1]。', evidence).ok).toBe(true);
    expect(verifyCitations('报告中没有找到金水区的相关内容。', evidence).ok).toBe(true);
    expect(verifyCitations('以下是惠济区2024年的主要目标。地区生产总值增长7%左右[1]。希望以上信息对您有帮助。', evidence).ok).toBe(true);
  });

  it('rejects a figure that is in the cited paragraph but belongs to another indicator', () => {
    const v = verifyCitations('惠济区2024年GDP目标是增长9%以上[1]。', evidence);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toContain('地区生产总值');
    expect(v.problems[0]).toContain('规模以上工业增加值');
    expect(v.removed[0].reason).toContain('另一指标');
    // The same figure bound to its own indicator, under another name, passes.
    expect(verifyCitations('规上工业增加值目标是增长9%以上[1]。', evidence).ok).toBe(true);
    expect(verifyCitations('GDP增长目标为7%左右，规上工业增加值为9%以上[1]。', evidence).ok).toBe(true);
    expect(verifyCitations('GDP增长目标为9%以上，规上工业增加值为7%左右[1]。', evidence).ok).toBe(false);
  });

  it('holds a stated qualifier to the paragraph’s (7%以上 is not 7%左右), and allows omitting it', () => {
    const v = verifyCitations('惠济区2024年地区生产总值预期增长7%以上[1]。', evidence);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toContain('7%以上');
    expect(v.problems[0]).toContain('7%左右');
    expect(verifyCitations('惠济区2024年地区生产总值预期增长7%[1]。', evidence).ok).toBe(true);
    expect(verifyCitations('惠济区2024年地区生产总值预期增长百分之七左右[1]。', evidence).ok).toBe(true);
    expect(verifyCitations('红旗区2016年地区生产总值157.5亿元[2]。', evidence).ok).toBe(true);
  });

  it('accepts computed figures that recompute from cited figures, and only those', () => {
    expect(verifyCitations('固定资产投资目标增长8%以上，比地区生产总值目标高出1个百分点[1]。', evidence).ok).toBe(true);
    const wrong = verifyCitations('固定资产投资目标增长8%以上，比地区生产总值目标高出3个百分点[1]。', evidence);
    expect(wrong.ok).toBe(false);
    expect(wrong.problems[0]).toContain('3个百分点');
    // 157.5 / 6.8 = 23.16…: written as 23.2倍, within its rounding.
    expect(verifyCitations('红旗区2016年地区生产总值157.5亿元，是公共财政一般预算收入6.8亿元的23.2倍[2]。', evidence).ok).toBe(true);
    expect(verifyCitations('红旗区2016年地区生产总值157.5亿元，是公共财政一般预算收入6.8亿元的25倍[2]。', evidence).ok).toBe(false);
  });

  it('rejects a refusal when a cited source holds a row answering the question, naming the row', () => {
    const v = verifyCitations('报告中没有找到惠济区2024年地区生产总值的目标。', withRow);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toContain('资料[1]');
    expect(v.problems[0]).toContain('地区生产总值 2024 目标 增长 7%左右');
    // Without such a row the refusal is honest.
    expect(verifyCitations('报告中没有找到惠济区2024年地区生产总值的目标。', evidence).ok).toBe(true);
  });

  it('names the unknown marker and the markers that exist', () => {
    const v = verifyCitations('地区生产总值增长7%左右【7】。', evidence);
    expect(v.problems[0]).toContain('[7]');
    expect(v.problems[0]).toContain('[1][2]');
  });
});

describe('verifyCitations: a figure is of the place and year its sentence names', () => {
  const weidongTargets = '综合研判，今年经济社会发展主要预期指标为：经济增长6.5%，研发经费投入强度2.1%以上，规上工业增加值增长7.5%。';
  const huijiReview = '2023年，全区地区生产总值增长6%，一般公共预算收入完成26.12亿元。';
  const row = (marker: number, year: number, kind: 'target' | 'actual', value: number, text: string, clause: string) => ({
    place: '惠济区', reportId: 'huiji-2024', year, kind, label: '地区生产总值', indicator: '地区生产总值', value, unit: '%',
    qualifier: '', measure: 'growth' as const, paragraphId: `r:p${marker}`, span: { start: text.indexOf(clause), end: text.indexOf(clause) + clause.length }, quote: clause,
  });
  const huiji = { ...ev(1, huijiTargets), rows: [row(1, 2024, 'target', 7, huijiTargets, '地区生产总值增长7%左右')] };
  const weidong = ev(2, weidongTargets, '卫东区');
  const review = { ...ev(3, huijiReview), rows: [row(3, 2023, 'actual', 6, huijiReview, '地区生产总值增长6%')] };
  const sources = [huiji, weidong, review];

  it('rejects figures swapped between two places, whatever the sentence cites', () => {
    const swapped = verifyCitations('惠济区2024年GDP目标是增长6.5%[2]。卫东区2024年GDP目标是增长7%左右[1]。', sources);
    expect(swapped.ok).toBe(false);
    expect(swapped.text).toBe('');
    expect(swapped.problems[0]).toContain('出自卫东区的报告');
    expect(swapped.problems[0]).toContain('说的是惠济区');
    expect(verifyCitations('惠济区GDP目标为6.5%，卫东区为7%左右[1][2]。', sources).ok).toBe(false);
    expect(verifyCitations('惠济区2024年GDP目标是增长7%左右[1]。卫东区2024年GDP目标是增长6.5%[2]。', sources).ok).toBe(true);
    expect(verifyCitations('惠济区GDP目标为7%左右，卫东区为6.5%[1][2]。', sources).ok).toBe(true);
  });

  it('binds the figures after 分别 to the places before it, in order', () => {
    expect(verifyCitations('惠济区和卫东区2024年GDP目标分别为增长7%左右和6.5%[1][2]。', sources).ok).toBe(true);
    expect(verifyCitations('惠济区和卫东区2024年GDP目标分别为增长6.5%和7%左右[1][2]。', sources).ok).toBe(false);
  });

  it('reads places in English answers by their pinyin names', () => {
    expect(verifyCitations('Huiji District’s 2024 GDP target is growth of about 7% [1]. Weidong District’s is 6.5% [2].', sources).ok).toBe(true);
    const v = verifyCitations('Huiji District’s GDP target for 2024 is growth of 6.5% [2].', sources);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toContain('出自卫东区的报告');
  });

  it('reads a sentence that names no place as about the places the question asks about', () => {
    expect(verifyCitations('2024年GDP目标是增长6.5%[2]。', sources, { places: ['惠济区'] }).ok).toBe(false);
    expect(verifyCitations('2024年GDP目标是增长6.5%[2]。', sources, { places: ['卫东区'] }).ok).toBe(true);
  });

  it('rejects a figure of one year stated as another year’s', () => {
    const v = verifyCitations('惠济区2023年地区生产总值增长7%左右[1]。', sources);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toContain('是2024年的数字');
    expect(v.problems[0]).toContain('说的是2023年');
    expect(verifyCitations('惠济区2024年地区生产总值预期增长7%左右[1]。', sources).ok).toBe(true);
    expect(verifyCitations('惠济区2023年地区生产总值增长6%[3]。', sources).ok).toBe(true);
    // Two years of one place, each figure to its own year.
    expect(verifyCitations('惠济区2023年地区生产总值增长6%，2024年目标为增长7%左右[1][3]。', sources).ok).toBe(true);
    expect(verifyCitations('惠济区2023年和2024年地区生产总值分别增长6%和7%左右[1][3]。', sources).ok).toBe(true);
    expect(verifyCitations('惠济区2023年和2024年地区生产总值分别增长7%左右和6%[1][3]。', sources).ok).toBe(false);
    // 去年, 今年 …: the year only the report fixes; not checked.
    expect(verifyCitations('惠济区去年地区生产总值增长6%[3]。', sources).ok).toBe(true);
  });

  it('reads a year before 报告 as the report’s year, and a sentence naming none in the question’s reports', () => {
    expect(verifyCitations('惠济区2024年政府工作报告提出，地区生产总值增长7%左右[1]。', sources).ok).toBe(true);
    expect(verifyCitations('惠济区2023年政府工作报告提出，地区生产总值增长7%左右[1]。', sources).ok).toBe(false);
    expect(verifyCitations('惠济区地区生产总值增长7%左右[1]。', sources, { reportYears: [2023] }).ok).toBe(false);
    expect(verifyCitations('惠济区地区生产总值增长7%左右[1]。', sources, { reportYears: [2024] }).ok).toBe(true);
  });
});

describe('verifyCitations: Markdown is read, not rejected', () => {
  const sources = [ev(1, huijiTargets), ev(2, '综合研判，今年经济社会发展主要预期指标为：经济增长6.5%，研发经费投入强度2.1%以上。', '卫东区')];

  it('verifies bold, bullets, headings and tables, and keeps their markup', () => {
    const answers = [
      '**惠济区**2024年地区生产总值的预期目标是增长**7%左右**[1]。',
      '## 2024年GDP目标\n\n- 惠济区：增长7%左右[1]\n- 卫东区：增长6.5%[2]',
      '### 惠济区\n\n1. 地区生产总值：增长 *7%左右* [1]\n2. 固定资产投资：增长8%以上[1]',
      '| 地区 | 2024年GDP目标 |\n|---|---|\n| 惠济区 | 增长7%左右[1] |\n| 卫东区 | 增长6.5%[2] |',
      '| 指标 | 惠济区 | 卫东区 |\n| --- | --- | --- |\n| 2024年GDP目标 | 7%左右[1] | 6.5%[2] |',
    ];
    for (const a of answers) {
      const v = verifyCitations(a, sources);
      expect(v.problems, a).toEqual([]);
      expect(v.text).toBe(a);
    }
  });

  it('checks every cell of a table row, drops a failing row, and a table left without rows', () => {
    const v = verifyCitations('| 地区 | 2024年GDP目标 |\n|---|---|\n| 惠济区 | 增长7%左右[1] |\n| 卫东区 | 增长12%[2] |\n\n以上数字供参考。', sources);
    expect(v.ok).toBe(false);
    expect(v.problems[0]).toContain('12%');
    expect(v.text).toBe('| 地区 | 2024年GDP目标 |\n|---|---|\n| 惠济区 | 增长7%左右[1] |\n\n以上数字供参考。');
    const none = verifyCitations('| 地区 | 2024年GDP目标 |\n|---|---|\n| 卫东区 | 增长12%[2] |\n\n惠济区为7%左右[1]。', sources);
    expect(none.text).toBe('惠济区为7%左右[1]。');
  });

  it('keeps a list item’s bullet when its first sentence goes, and a heading states no fact unless it holds a figure', () => {
    const v = verifyCitations('- 惠济区GDP目标是增长12%[1]。卫东区为6.5%[2]。\n- 惠济区为7%左右[1]。', sources);
    expect(v.text).toBe('- 卫东区为6.5%[2]。\n- 惠济区为7%左右[1]。');
    expect(verifyCitations('## 惠济区GDP目标增长12%\n\n惠济区为7%左右[1]。', sources).ok).toBe(false);
  });
});

describe('createDraftVerifier', () => {
  it('checks each unit once, as it completes, and ends where checking the whole draft ends', () => {
    const draft = '## 目标\n\n惠济区2024年地区生产总值预期增长7%左右[1]。卫东区为增长6.5%[2]。惠济区将建成数据中心。\n\n| 地区 | 目标 |\n|---|---|\n| 惠济区 | 7%左右[1] |';
    const verifier = createDraftVerifier(evidence.concat(ev(3, '综合研判，今年经济社会发展主要预期指标为：经济增长6.5%。', '卫东区')).map((e, i) => ({ ...e, marker: i + 1 })));
    const seen: string[] = [];
    for (const ch of draft) for (const c of verifier.push(ch)) seen.push(c.unit.text);
    for (const c of verifier.end()) seen.push(c.unit.text);
    expect(seen).toEqual(['目标', '', '惠济区2024年地区生产总值预期增长7%左右[1]。', '卫东区为增长6.5%[2]。', '惠济区将建成数据中心。', '', '地区，目标', '', '惠济区：目标7%左右[1]']);
    expect(verifier.result()).toEqual(verifyCitations(draft, evidence.concat(ev(3, '综合研判，今年经济社会发展主要预期指标为：经济增长6.5%。', '卫东区')).map((e, i) => ({ ...e, marker: i + 1 }))));
  });
});
