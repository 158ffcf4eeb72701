import { describe, expect, it } from 'vitest';
import type { IndicatorRow } from '../../retrieval/types.js';
import { buildChartData, niceTicks } from '../../client/src/indicatorChart.js';
import { formatDate, formatIndicatorValue } from '../../client/src/labels.js';

function row(p: Partial<IndicatorRow>): IndicatorRow {
  return {
    place: '惠济区',
    reportId: 'huiji-2024',
    year: 2024,
    kind: 'target',
    indicator: '地区生产总值',
    label: '地区生产总值',
    value: 7,
    unit: '%',
    qualifier: '左右',
    measure: 'growth',
    paragraphId: 'huiji-2024:p26',
    span: { start: 0, end: 10 },
    quote: '地区生产总值增长7%左右',
    ...p,
  };
}

describe('buildChartData', () => {
  it('keeps a range’s high end with its bar, in the chart’s unit', () => {
    const data = buildChartData([row({ value: 5, upper: 5.5, written: '5%—5.5%', qualifier: '' })], '地区生产总值', 'growth');
    expect(data.groups[0].bars[0]).toMatchObject({ value: 5, upper: 5.5 });
    const money = buildChartData([row({ measure: 'level', value: 9000, upper: 9500, unit: '万元' }), row({ place: '卫东区', measure: 'level', value: 2, unit: '亿元' })], '地区生产总值', 'level');
    expect(money.unit).toBe('万元');
    expect(money.groups.find((g) => g.place === '惠济区')!.bars[0]).toMatchObject({ value: 9000, upper: 9500 });
  });

  it('groups by district and year, ordered, with kinds in a fixed order', () => {
    const rows = [
      row({ place: '卫东区', reportId: 'weidong-2024', value: 6.5 }),
      row({ year: 2023, kind: 'estimate', value: 6 }),
      row({}),
      row({ place: '红旗区', reportId: 'hongqi-2024', year: 2023, kind: 'actual', value: 5.1 }),
      row({ place: '红旗区', reportId: 'hongqi-2024', kind: 'target', value: 6 }),
      row({ indicator: '固定资产投资', value: 8 }),
      row({ measure: 'level', value: 300, unit: '亿元' }),
      row({ value: null, qualifier: '与经济增长同步' }),
    ];
    const data = buildChartData(rows, '地区生产总值', 'growth');
    expect(data.unit).toBe('%');
    expect(data.kinds).toEqual(['target', 'estimate', 'actual']);
    expect(data.groups.map((g) => `${g.place}${g.year}:${g.bars.map((b) => `${b.kind}=${b.value}`).join(',')}`)).toEqual([
      '红旗区2023:actual=5.1',
      '红旗区2024:target=6',
      '惠济区2023:estimate=6',
      '惠济区2024:target=7',
      '卫东区2024:target=6.5',
    ]);
  });

  it('converts money units to the most common one', () => {
    const rows = [
      row({ measure: 'level', unit: '亿元', value: 26.12, kind: 'actual', year: 2023 }),
      row({ measure: 'level', unit: '亿元', value: 30, place: '卫东区', kind: 'actual', year: 2023 }),
      row({ measure: 'level', unit: '万元', value: 150000, place: '红旗区', kind: 'actual', year: 2023 }),
    ];
    const data = buildChartData(rows, '地区生产总值', 'level');
    expect(data.unit).toBe('亿元');
    expect(data.groups.find((g) => g.place === '红旗区')?.bars[0].value).toBeCloseTo(15);
  });

  it('prefers the row whose label is the indicator itself', () => {
    const rows = [
      row({ indicator: '居民人均可支配收入', label: '城镇居民人均可支配收入', value: 6 }),
      row({ indicator: '居民人均可支配收入', label: '居民人均可支配收入', value: 7 }),
    ];
    expect(buildChartData(rows, '居民人均可支配收入', 'growth').groups[0].bars).toHaveLength(1);
    expect(buildChartData(rows, '居民人均可支配收入', 'growth').groups[0].bars[0].value).toBe(7);
  });
});

describe('niceTicks', () => {
  it('covers the range from zero in round steps', () => {
    expect(niceTicks(5.1, 7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(-3, 8)).toEqual([-5, -2.5, 0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
    expect(niceTicks(0, 26.12)).toEqual([0, 10, 20, 30]);
  });
});

describe('labels', () => {
  it('formats indicator values', () => {
    expect(formatIndicatorValue({ value: 7, unit: '%', qualifier: '左右', measure: 'growth' })).toBe('增长7%左右');
    expect(formatIndicatorValue({ value: -2.5, unit: '%', qualifier: '', measure: 'growth' })).toBe('下降2.5%');
    expect(formatIndicatorValue({ value: 26.12, unit: '亿元', qualifier: '', measure: 'level' })).toBe('26.12亿元');
    expect(formatIndicatorValue({ value: 12.5, unit: '%', qualifier: '同比', measure: 'growth' })).toBe('同比增长12.5%');
    expect(formatIndicatorValue({ value: null, unit: '', qualifier: '与经济增长同步', measure: 'growth' })).toBe('与经济增长同步');
  });
  it('formats dates the Chinese way', () => {
    expect(formatDate('2024-01-22')).toBe('2024年1月22日');
    expect(formatDate('unknown')).toBe('unknown');
  });
});
