import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../server/answer/Answerer.js';
import { figuresIn, sourceHasNumber } from '../../server/answer/figures.js';
import { verifyCitations } from '../../server/answer/verifyCitations.js';

// Paragraph texts copied from the reports.
const huijiTargets = '经济社会发展主要预期目标是:地区生产总值增长7%左右,固定资产投资增长8%以上,规模以上工业增加值增长9%以上,社会消费品零售总额增长8%以上,一般公共预算收入增长3%以上';
const hongqi2017 = '全年实现地区生产总值157.5亿元，同比增长7.1%；完成全社会固定资产投资135.1亿元，同比增长3.8%，增幅四区第一;完成公共财政一般预算收入6.8亿元，同比增长1.6％，总量四区第一。';

function ev(marker: number, text: string): Evidence {
  return {
    marker,
    paragraphId: `r:p${marker}`,
    reportId: 'r',
    district: '惠济区',
    year: 2024,
    section: '',
    text,
    passage: { start: 0, end: text.length },
    matched: [],
    rows: [],
    report: {} as Evidence['report'],
  };
}
const evidence = [ev(1, huijiTargets), ev(2, hongqi2017)];

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
