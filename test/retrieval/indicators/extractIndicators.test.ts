// Expectations below were written from reading seeds/*.txt, not from the extractor's output.
import { describe, expect, it } from 'vitest';
import { extractIndicators, type ExtractInput } from '../../../retrieval/indicators/extractIndicators.js';
import { disagreeingFigures } from '../../../retrieval/indicators/disagreeingFigures.js';
import { lookupIndicators } from '../../../retrieval/indicators/lookupIndicators.js';
import { INDICATORS } from '../../../retrieval/indicators/vocabulary.js';
import { IndicatorRowSchema, type IndicatorKind, type IndicatorRow, type ReportMeta } from '../../../retrieval/types.js';
import { seedParagraphs } from '../../helpers/seedParagraphs.js';

const REPORTS = [
  { reportId: 'hongqi-2017', place: '红旗区', reviewYear: 2016, planYear: 2017 },
  { reportId: 'hongqi-2020', place: '红旗区', reviewYear: 2019, planYear: 2020 },
  { reportId: 'hongqi-2024', place: '红旗区', reviewYear: 2023, planYear: 2024 },
  { reportId: 'huiji-2024', place: '惠济区', reviewYear: 2023, planYear: 2024 },
  { reportId: 'weidong-2024', place: '卫东区', reviewYear: 2023, planYear: 2024 },
] as const;

type ReportId = (typeof REPORTS)[number]['reportId'];

function inputFor(reportId: ReportId): ExtractInput {
  const meta = REPORTS.find((r) => r.reportId === reportId)!;
  return { ...meta, paragraphs: seedParagraphs(reportId) };
}

const ROWS = new Map<ReportId, IndicatorRow[]>(REPORTS.map((r) => [r.reportId, extractIndicators(inputFor(r.reportId))]));
const ALL_ROWS = [...ROWS.values()].flat();

function rowsOf(reportId: ReportId, indicator: string, kind: IndicatorKind, measure: 'level' | 'growth'): IndicatorRow[] {
  return ROWS.get(reportId)!.filter((r) => r.indicator === indicator && r.kind === kind && r.measure === measure);
}

/** The one row for indicator/kind/measure, checked against what the report says. */
function expectRow(
  reportId: ReportId,
  indicator: string,
  kind: IndicatorKind,
  measure: 'level' | 'growth',
  want: { value: number | null; unit?: string; qualifier?: string; label?: string; year?: number; quoteIncludes?: string },
): IndicatorRow {
  const found = rowsOf(reportId, indicator, kind, measure);
  expect(found, `${reportId} ${indicator} ${kind} ${measure}`).toHaveLength(1);
  const row = found[0];
  expect(row.value).toBe(want.value);
  if (want.unit !== undefined) expect(row.unit).toBe(want.unit);
  if (want.qualifier !== undefined) expect(row.qualifier).toBe(want.qualifier);
  if (want.label !== undefined) expect(row.label).toBe(want.label);
  if (want.year !== undefined) expect(row.year).toBe(want.year);
  if (want.quoteIncludes !== undefined) expect(row.quote).toContain(want.quoteIncludes);
  return row;
}

describe('extractIndicators: every row', () => {
  const paragraphText = new Map<string, string>();
  for (const r of REPORTS) for (const p of seedParagraphs(r.reportId)) paragraphText.set(p.id, p.text);
  const names = new Set(INDICATORS.map((d) => d.name));

  it('finds rows in every report', () => {
    for (const r of REPORTS) expect(ROWS.get(r.reportId)!.length, r.reportId).toBeGreaterThan(8);
  });

  it('matches the schema, quotes its paragraph exactly and contains its figure', () => {
    for (const row of ALL_ROWS) {
      expect(() => IndicatorRowSchema.parse(row)).not.toThrow();
      const text = paragraphText.get(row.paragraphId);
      expect(text, row.paragraphId).toBeDefined();
      expect(row.quote).toBe(text!.slice(row.span.start, row.span.end));
      expect(row.quote.length).toBeGreaterThan(0);
      expect(row.quote).toContain(row.label);
      if (row.value !== null) expect(row.quote).toContain(String(Math.abs(row.value)));
      else expect(row.qualifier).toBe('同步');
      expect(names.has(row.indicator), row.indicator).toBe(true);
    }
  });

  it('dates targets to the plan year and outcomes to the reviewed year', () => {
    for (const row of ALL_ROWS) {
      const meta = REPORTS.find((r) => r.reportId === row.reportId)!;
      expect(row.year).toBe(row.kind === 'target' ? meta.planYear : meta.reviewYear);
    }
  });

  it('keeps one row per indicator/kind/year/measure within a report', () => {
    for (const rows of ROWS.values()) {
      const keys = rows.map((r) => `${r.indicator}|${r.kind}|${r.year}|${r.measure}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('states growth in %, and rates as levels', () => {
    for (const row of ALL_ROWS) {
      if (row.measure === 'growth' && row.value !== null) expect(row.unit).toBe('%');
      if (['城镇调查失业率', '研发经费投入强度', '居民消费价格涨幅', '税收占比'].includes(row.indicator)) {
        expect(row.measure).toBe('level');
      }
    }
  });
});

describe('extractIndicators: hongqi-2017 (reviews 2016, plans 2017)', () => {
  const id = 'hongqi-2017';
  it('2017 targets from the 预期目标 paragraph', () => {
    const gdp = expectRow(id, '地区生产总值', 'target', 'growth', {
      value: 8, unit: '%', qualifier: '', year: 2017, quoteIncludes: '地区生产总值增长8%',
    });
    expect(gdp.paragraphId).toBe(ROWS.get(id)!.find((r) => r.kind === 'target')!.paragraphId);
    expectRow(id, '一般公共预算收入', 'target', 'growth', { value: 8, label: '地方公共财政预算收入' });
    expectRow(id, '规模以上工业增加值', 'target', 'growth', { value: 8.5 });
    expectRow(id, '固定资产投资', 'target', 'growth', { value: 12 });
    expectRow(id, '社会消费品零售总额', 'target', 'growth', { value: 11 });
    // The registered rate of the time is its own statistic, not the surveyed rate that replaced it.
    expectRow(id, '城镇登记失业率', 'target', 'level', {
      value: 4.5, unit: '%', qualifier: '以内', label: '城镇登记失业率',
    });
    expectRow(id, '居民人均可支配收入', 'target', 'growth', {
      value: null, qualifier: '同步', quoteIncludes: '与地区生产总值同步增长',
    });
    expectRow(id, '实际利用外资', 'target', 'growth', { value: 5 });
  });

  it('2016 outcomes', () => {
    expectRow(id, '地区生产总值', 'actual', 'level', { value: 157.5, unit: '亿元', year: 2016 });
    expectRow(id, '地区生产总值', 'actual', 'growth', { value: 7.1, qualifier: '同比' });
    expectRow(id, '一般公共预算收入', 'actual', 'level', { value: 6.8, unit: '亿元', label: '公共财政一般预算收入' });
    expectRow(id, '一般公共预算收入', 'actual', 'growth', { value: 1.6 });
    expectRow(id, '固定资产投资', 'actual', 'level', { value: 135.1, label: '全社会固定资产投资' });
    expectRow(id, '固定资产投资', 'actual', 'growth', { value: 3.8 });
    expectRow(id, '第三产业增加值', 'actual', 'level', { value: 131, unit: '亿元' });
    // 全年实际利用外资7800万美元，占年目标的107%，同比增长12.5%
    expectRow(id, '实际利用外资', 'actual', 'level', { value: 7800, unit: '万美元' });
    expectRow(id, '实际利用外资', 'actual', 'growth', { value: 12.5 });
    expectRow(id, '实际到位内资', 'actual', 'level', { value: 30, unit: '亿元' });
  });

  it('leaves the five-year review’s start levels and 年均 growth out; its end levels are 2016’s, behind the year’s own', () => {
    for (const row of ROWS.get(id)!) {
      expect(row.quote).not.toMatch(/年均|五年/);
      expect([107.7, 10.6, 13.2, 10.1, 14.1, 10.9, 70.5]).not.toContain(row.value);
    }
    // 五年来…地区生产总值由107.7亿元增至157.5亿元: the year's own statement of 157.5 is the row.
    expect(rowsOf(id, '地区生产总值', 'actual', 'level')[0].quote).not.toMatch(/增至/);
    // 社会消费品零售总额由70.5亿元增至89.6亿元: the year's review states no level; the period's end does.
    expectRow(id, '社会消费品零售总额', 'actual', 'level', { value: 89.6, year: 2016, quoteIncludes: '增至89.6亿元' });
  });
});

describe('extractIndicators: hongqi-2020 (reviews 2019, plans 2020)', () => {
  const id = 'hongqi-2020';
  it('2019 outcomes', () => {
    expectRow(id, '一般公共预算收入', 'actual', 'level', { value: 9.6, unit: '亿元', year: 2019 });
    expectRow(id, '一般公共预算收入', 'actual', 'growth', { value: 17.7, unit: '%', quoteIncludes: '增幅17.7%' });
    expectRow(id, '地区生产总值', 'actual', 'level', { value: 237.8, unit: '亿元' });
    expectRow(id, '地区生产总值', 'actual', 'growth', { value: 9.4, qualifier: '同比', quoteIncludes: '同比增速9.4%' });
    expectRow(id, '固定资产投资', 'actual', 'growth', { value: 20 });
    expectRow(id, '第三产业增加值', 'actual', 'growth', { value: 9.1 });
    expectRow(id, '规模以上工业增加值', 'actual', 'growth', { value: 11.6 });
    expectRow(id, '社会消费品零售总额', 'actual', 'growth', { value: 11.2 });
    expectRow(id, '税收占比', 'actual', 'level', { value: 92.4, unit: '%' });
    expectRow(id, '城镇新增就业', 'actual', 'level', { value: 10746, unit: '人' });
    expectRow(id, '民生支出', 'actual', 'level', { value: 11.4, unit: '亿元' });
    // 实际到位外资8478万美元、内资36亿元
    expectRow(id, '实际利用外资', 'actual', 'level', { value: 8478, unit: '万美元' });
    expectRow(id, '实际到位内资', 'actual', 'level', { value: 36, unit: '亿元', label: '内资' });
  });

  it('2020: the report sets no GDP target, only task figures such as 城镇新增就业8500人', () => {
    expect(rowsOf(id, '地区生产总值', 'target', 'growth')).toHaveLength(0);
    expectRow(id, '城镇新增就业', 'target', 'level', { value: 8500, unit: '人', year: 2020 });
  });

  it('ranks and comparisons (名列全市第3, 高于全市平均水平2.4个百分点) are not figures', () => {
    for (const row of ROWS.get(id)!) {
      expect([9.3, 20.9, 2.4, 8.7, 3.3, 3.1, 0.4, 52]).not.toContain(row.value);
      expect(row.quote).not.toMatch(/百分点|名列/);
    }
  });
});

describe('extractIndicators: hongqi-2024 (reviews 2023, plans 2024)', () => {
  const id = 'hongqi-2024';
  it('2024 targets', () => {
    expectRow(id, '地区生产总值', 'target', 'growth', { value: 7, qualifier: '保持', label: 'GDP增速' });
    expectRow(id, '固定资产投资', 'target', 'growth', { value: 10, qualifier: '以上' });
    expectRow(id, '社会消费品零售总额', 'target', 'growth', { value: 9, qualifier: '以上', label: '社会消费品零售额' });
    expectRow(id, '规模以上工业增加值', 'target', 'growth', { value: 8, qualifier: '以上' });
    expectRow(id, '一般公共预算收入', 'target', 'growth', { value: 8, qualifier: '以上' });
    expectRow(id, '城镇新增就业', 'target', 'level', { value: 7600, unit: '人', qualifier: '以上' });
    expectRow(id, '城镇调查失业率', 'target', 'level', { value: 5.5, qualifier: '以下' });
    expectRow(id, '居民人均可支配收入', 'target', 'growth', { value: null, qualifier: '同步' });
  });

  it('2023 outcomes', () => {
    expectRow(id, '地区生产总值', 'actual', 'level', { value: 261, unit: '亿元' });
    expectRow(id, '地区生产总值', 'actual', 'growth', { value: 4.3, qualifier: '同比' });
    expectRow(id, '一般公共预算收入', 'actual', 'level', { value: 16.1, unit: '亿元' });
    expectRow(id, '一般公共预算收入', 'actual', 'growth', { value: 8.3 });
    expectRow(id, '规模以上工业增加值', 'actual', 'level', { value: 7.3, unit: '亿元' });
    // 固定资产投资，同比增长2.6%，高于全市平均水平8个百分点
    expectRow(id, '固定资产投资', 'actual', 'growth', { value: 2.6 });
    expectRow(id, '社会消费品零售总额', 'actual', 'level', { value: 97.3 });
    expectRow(id, '社会消费品零售总额', 'actual', 'growth', { value: 7.1 });
    expectRow(id, '居民人均可支配收入', 'actual', 'level', { value: 4.08, unit: '万元' });
    expectRow(id, '居民人均可支配收入', 'actual', 'growth', { value: 3.9 });
    expectRow(id, '城镇新增就业', 'actual', 'level', { value: 1.36, unit: '万人', label: '新增城镇就业' });
  });

  it('高于全市平均水平8个百分点 / 总量居全市第4位 / 完成年度目标的166% never become rows', () => {
    for (const row of ROWS.get(id)!) {
      expect(row.quote).not.toMatch(/百分点|第4位|166%/);
      expect([8, 4, 166]).not.toContain(row.kind === 'actual' ? row.value : -1);
    }
  });
});

describe('extractIndicators: huiji-2024 (reviews 2023, plans 2024)', () => {
  const id = 'huiji-2024';
  it('2024 targets', () => {
    expectRow(id, '地区生产总值', 'target', 'growth', {
      value: 7, qualifier: '左右', quoteIncludes: '地区生产总值增长7%左右',
    });
    expectRow(id, '固定资产投资', 'target', 'growth', { value: 8, qualifier: '以上' });
    expectRow(id, '规模以上工业增加值', 'target', 'growth', { value: 9, qualifier: '以上' });
    expectRow(id, '社会消费品零售总额', 'target', 'growth', { value: 8, qualifier: '以上' });
    expectRow(id, '一般公共预算收入', 'target', 'growth', { value: 3, qualifier: '以上' });
    expectRow(id, '居民人均可支配收入', 'target', 'growth', { value: null, qualifier: '同步' });
    expectRow(id, '城镇新增就业', 'target', 'level', { value: 2000, unit: '人' });
  });

  it('2023: 预计 figures are estimates, 完成 figures actuals', () => {
    expectRow(id, '地区生产总值', 'estimate', 'growth', { value: 6, year: 2023, quoteIncludes: '预计增长6%' });
    expect(rowsOf(id, '地区生产总值', 'actual', 'growth')).toHaveLength(0);
    expectRow(id, '固定资产投资', 'estimate', 'growth', { value: 16 });
    expectRow(id, '社会消费品零售总额', 'estimate', 'growth', { value: 6.5 });
    expectRow(id, '一般公共预算收入', 'actual', 'level', { value: 26.12, unit: '亿元', year: 2023 });
    expectRow(id, '居民人均可支配收入', 'estimate', 'growth', { value: null, qualifier: '同步' });
    expectRow(id, '城镇新增就业', 'actual', 'level', { value: 3540, unit: '人' });
    // 实际使用省外资金75.08亿元、外资2189万美元
    expectRow(id, '实际到位内资', 'actual', 'level', { value: 75.08, unit: '亿元' });
    expectRow(id, '实际利用外资', 'actual', 'level', { value: 2189, unit: '万美元', label: '外资' });
  });

  it('民生支出占比79.54% is a share, not 民生支出', () => {
    expect(ROWS.get(id)!.filter((r) => r.indicator === '民生支出')).toHaveLength(0);
  });
});

describe('extractIndicators: weidong-2024 (reviews 2023, plans 2024)', () => {
  const id = 'weidong-2024';
  it('2024 targets from the 预期指标 paragraph', () => {
    expectRow(id, '地区生产总值', 'target', 'growth', { value: 6.5, label: '经济增长', quoteIncludes: '经济增长6.5%' });
    expectRow(id, '研发经费投入强度', 'target', 'level', { value: 2.1, unit: '%', qualifier: '以上' });
    expectRow(id, '规模以上工业增加值', 'target', 'growth', { value: 7.5, label: '规上工业增加值' });
    expectRow(id, '固定资产投资', 'target', 'growth', { value: 8, qualifier: '' });
    expectRow(id, '社会消费品零售总额', 'target', 'growth', { value: 8.5 });
    expectRow(id, '一般公共预算收入', 'target', 'growth', { value: 6.5 });
    expectRow(id, '城镇调查失业率', 'target', 'level', { value: 5.5, qualifier: '左右' });
    expectRow(id, '居民消费价格涨幅', 'target', 'level', { value: 3, qualifier: '左右' });
    expectRow(id, '居民人均可支配收入', 'target', 'growth', { value: null, qualifier: '同步', label: '居民收入' });
    expectRow(id, '城镇新增就业', 'target', 'level', { value: 0.88, unit: '万人' });
  });

  it('2023 outcomes', () => {
    expectRow(id, '地区生产总值', 'actual', 'level', { value: 165, unit: '亿元', label: '生产总值' });
    expectRow(id, '规模以上工业增加值', 'actual', 'level', { value: 17.03, unit: '亿元' });
    expectRow(id, '固定资产投资', 'actual', 'growth', { value: 3.7 });
    expectRow(id, '社会消费品零售总额', 'actual', 'growth', { value: 7 });
    expectRow(id, '一般公共预算收入', 'actual', 'growth', { value: 10.7 });
    expectRow(id, '居民人均可支配收入', 'actual', 'growth', { value: 4 });
    expectRow(id, '社会消费品零售总额', 'estimate', 'level', { value: 150, unit: '亿元' });
    expectRow(id, '第三产业增加值', 'actual', 'level', { value: 116 });
    expectRow(id, '第三产业增加值', 'actual', 'growth', { value: 4 });
    expectRow(id, '城镇新增就业', 'actual', 'level', { value: 9796, unit: '人' });
  });

  it('shares and other indicators are not mistaken for the headline ones', () => {
    const rows = ROWS.get(id)!;
    // 制造业增加值占规上工业增加值比重85.7% / 工业投资占固定资产投资比重69% / 单位生产总值能耗
    expect(rows.map((r) => r.value)).not.toContain(85.7);
    expect(rows.map((r) => r.value)).not.toContain(69);
    expect(rows.some((r) => r.quote.includes('能耗'))).toBe(false);
    // 全社会研发经费投入增长10%以上 is R&D spending, not its intensity.
    expect(rowsOf(id, '研发经费投入强度', 'target', 'level')).toHaveLength(1);
    expect(rows.filter((r) => r.indicator === '研发经费投入强度')).toHaveLength(1);
  });
});

describe('extractIndicators: clause-level noise', () => {
  function run(...texts: string[]): IndicatorRow[] {
    return extractIndicators({
      reportId: 'x',
      place: '测试区',
      reviewYear: 2023,
      planYear: 2024,
      paragraphs: texts.map((text, i) => ({ id: `x:p${i + 1}`, text, sectionPath: [] })),
    });
  }

  it('never turns 高于全市平均水平8个百分点 into a row', () => {
    const rows = run('固定资产投资，同比增长2.6%，高于全市平均水平8个百分点；规模以上工业增加值同比增长11.6%，高于全市平均水平3.1个百分点。');
    expect(rows.map((r) => [r.indicator, r.value])).toEqual([
      ['固定资产投资', 2.6],
      ['规模以上工业增加值', 11.6],
    ]);
    expect(rows.every((r) => r.unit !== '个百分点')).toBe(true);
  });

  it('skips ranks and shares of a year target', () => {
    const rows = run('全区实现地区生产总值237.8亿元，名列全市第3；全年实际利用外资7800万美元，占年目标的107%。');
    expect(rows.map((r) => r.value)).toEqual([237.8, 7800]);
  });

  it('gives both the level and the growth of one clause', () => {
    const rows = run('全年实现地区生产总值157.5亿元，同比增长7.1%。');
    expect(rows.map((r) => [r.measure, r.value, r.unit, r.qualifier, r.quote])).toEqual([
      ['level', 157.5, '亿元', '', '全年实现地区生产总值157.5亿元'],
      ['growth', 7.1, '%', '同比', '全年实现地区生产总值157.5亿元，同比增长7.1%'],
    ]);
  });

  it('reads kinds from the section and the 预期目标 paragraph', () => {
    const rows = run(
      '一、2023年工作回顾',
      '全年地区生产总值预计增长6%，一般公共预算收入完成26.12亿元。',
      '二、2024年政府工作总体要求和主要预期目标',
      '经济社会发展主要预期目标是：地区生产总值增长7%左右，城镇调查失业率控制在5.5%以下。',
    );
    expect(rows.map((r) => [r.kind, r.year, r.indicator, r.value, r.qualifier])).toEqual([
      ['estimate', 2023, '地区生产总值', 6, ''],
      ['actual', 2023, '一般公共预算收入', 26.12, ''],
      ['target', 2024, '地区生产总值', 7, '左右'],
      ['target', 2024, '城镇调查失业率', 5.5, '以下'],
    ]);
  });

  it('keeps the first of two statements of the same figure', () => {
    const rows = run(
      '今年经济社会发展预期目标是：城镇登记失业率控制在4.5%以内。',
      '保证城镇登记失业率控制在4.5%以内。',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].paragraphId).toBe('x:p1');
  });
});

describe('extractIndicators: with sections from the ingester instead of heading lines', () => {
  it('gives the same rows when headings arrive as sectionPath', () => {
    for (const meta of REPORTS) {
      const plain = seedParagraphs(meta.reportId);
      let top: string | undefined;
      const sectioned = plain.flatMap((p) => {
        if (/^[一二三四五六七八九十]+、/.test(p.text) && p.text.length <= 40) {
          top = p.text;
          return [];
        }
        return [{ ...p, sectionPath: top ? [top] : [] }];
      });
      const a = ROWS.get(meta.reportId)!;
      const b = extractIndicators({ ...meta, paragraphs: sectioned });
      expect(b).toEqual(a);
    }
  });
});

describe('lookupIndicators', () => {
  it('filters by district with or without 区, year, indicator, kind and measure', () => {
    const hits = lookupIndicators(ALL_ROWS, { place: '红旗', year: 2024, indicator: '地区生产总值', kind: 'target' });
    expect(hits.map((r) => [r.reportId, r.value, r.qualifier])).toEqual([['hongqi-2024', 7, '保持']]);
    expect(lookupIndicators(ALL_ROWS, { place: '红旗区', year: 2024, indicator: '地区生产总值', kind: 'target' })).toEqual(hits);
  });

  it('accepts several kinds and a report label for the indicator', () => {
    const hits = lookupIndicators(ALL_ROWS, {
      place: '惠济区',
      indicator: 'GDP',
      kind: ['actual', 'estimate'],
      measure: 'growth',
    });
    expect(hits.map((r) => [r.year, r.kind, r.value])).toEqual([[2023, 'estimate', 6]]);
  });

  it('sorts by district, year, kind, indicator, measure', () => {
    const hits = lookupIndicators(ALL_ROWS, { indicator: '一般公共预算收入' });
    const key = (r: IndicatorRow) => [r.place, r.year, r.kind, r.indicator, r.measure];
    const sorted = [...hits].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
      return 0;
    });
    expect(hits).toEqual(sorted);
    expect(hits.length).toBeGreaterThanOrEqual(10);
    expect(new Set(hits.map((r) => r.place))).toEqual(new Set(['红旗区', '惠济区', '卫东区']));
  });
});

describe('extractIndicators: shapes of real reports (paragraphs written for these tests)', () => {
  const rowsOfText = (review: string[], plan: string[] = [], fiveYear: string[] = []) =>
    extractIndicators({
      reportId: 'demo-2026',
      place: '青山市',
      reviewYear: 2025,
      planYear: 2026,
      paragraphs: [
        ...review.map((text, i) => ({ id: `demo-2026:p${i + 1}`, text, sectionPath: ['一、2025年工作回顾'] })),
        ...fiveYear.map((text, i) => ({ id: `demo-2026:f${i + 1}`, text, sectionPath: ['二、“十四五”时期工作回顾'] })),
        ...plan.map((text, i) => ({ id: `demo-2026:q${i + 1}`, text, sectionPath: ['三、2026年工作安排'] })),
      ],
    });
  /** A row as `indicator/label kind measure value+unit+qualifier`. */
  const pick = (rows: IndicatorRow[]) => rows.map((r) => `${r.indicator}/${r.label} ${r.kind} ${r.measure} ${r.value}${r.unit}${r.qualifier}`);

  it('a range target is one row carrying both ends and the figure as written', () => {
    const [row] = rowsOfText([], ['主要预期目标是：全市生产总值增长4.5%—5%。']);
    expect(row).toMatchObject({ indicator: '地区生产总值', kind: 'target', measure: 'growth', value: 4.5, upper: 5, written: '4.5%—5%' });
    expect(() => IndicatorRowSchema.parse(row)).not.toThrow();
  });

  it('生产总值 is the region’s after a place or scope word, another sector’s after another noun', () => {
    const rows = pick(
      rowsOfText(
        ['全市实现生产总值5733亿元、增长7.1%；海洋生产总值达1500亿元。'],
        ['主要预期目标是：全市生产总值增长6%左右。加快发展海洋经济，力争海洋生产总值达1800亿元。'],
      ),
    );
    expect(rows).toEqual([
      '地区生产总值/生产总值 actual level 5733亿元',
      '地区生产总值/生产总值 actual growth 7.1%',
      '地区生产总值/生产总值 target growth 6%左右',
    ]);
  });

  const INCOME = '居民人均可支配收入';
  // Each shape: the review, plan and five-year paragraphs, and the rows they give.
  const SHAPES: { shape: string; paragraphs: [string[], string[], string[]]; rows: string[] }[] = [
    {
      shape: 'urban and rural figures stated together are a row each, named',
      paragraphs: [['城乡居民人均可支配收入分别达到41300元和22700元，增长4.6%和6.2%。'], [], []],
      rows: [`${INCOME}/城镇${INCOME} actual level 41300元`, `${INCOME}/农村${INCOME} actual level 22700元`, `${INCOME}/城镇${INCOME} actual growth 4.6%`, `${INCOME}/农村${INCOME} actual growth 6.2%`],
    },
    {
      shape: 'a decline is a growth row of negative value; a name in brackets after the label still names it',
      paragraphs: [['全市实现地区生产总值（GDP）860亿元，增长3.1%左右（按可比价计算，下同）。实现社会消费品零售总额92亿元，下降6.4%。'], [], []],
      rows: ['地区生产总值/地区生产总值 actual level 860亿元', '地区生产总值/地区生产总值 actual growth 3.1%左右', '社会消费品零售总额/社会消费品零售总额 actual level 92亿元', '社会消费品零售总额/社会消费品零售总额 actual growth -6.4%'],
    },
    {
      shape: 'farmers’ net income of older reports is its own indicator, and 地方级财政收入 the budget revenue',
      paragraphs: [['城镇居民人均可支配收入12800元，农民人均纯收入4600元。预计完成全口径财政收入18亿元、地方级财政收入9亿元。'], [], []],
      rows: [`${INCOME}/城镇${INCOME} actual level 12800元`, '农民人均纯收入/农民人均纯收入 actual level 4600元', '全口径财政收入/全口径财政收入 estimate level 18亿元', '一般公共预算收入/地方级财政收入 estimate level 9亿元'],
    },
    {
      shape: 'the level a five-year review ends at is the reviewed year’s, after the year’s own statement of it',
      paragraphs: [['全年地区生产总值增长5.2%。'], [], ['全市地区生产总值突破2000亿元、达到2286亿元，一般公共预算收入年均增长4%。']],
      rows: ['地区生产总值/地区生产总值 actual growth 5.2%', '地区生产总值/地区生产总值 actual level 2286亿元'],
    },
  ];

  it.each(SHAPES)('$shape', ({ paragraphs, rows }) => {
    expect(pick(rowsOfText(...paragraphs))).toEqual(rows);
  });

  it('two texts of one report that differ on the rural figure only disagree on that figure', () => {
    const text = (rural: string) => [{ id: `t${rural}:p1`, text: `城乡居民人均可支配收入分别达到41300元和${rural}元。`, sectionPath: ['一、2025年工作回顾'] }];
    const ofReport = (reportId: string, rural: string) => extractIndicators({ reportId, place: '青山市', reviewYear: 2025, planYear: 2026, paragraphs: text(rural) });
    const meta = { place: '青山市', planYear: 2026 } as ReportMeta;
    const found = disagreeingFigures([...ofReport('draft', '22700'), ...ofReport('final', '22900')], [], () => meta);
    expect(found.map((d) => [d.what, d.statements.map((s) => s.value)])).toEqual([[`农村${INCOME}`, [22700, 22900]]]);
  });
});
