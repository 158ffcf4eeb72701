// Words on screen: the 指标 table's value column, whose qualifier sits where the
// report puts it (保持 before the figure, 左右 after it), and an added report's summary.
import { describe, expect, it } from 'vitest';
import { formatIndicatorValue } from '../../client/src/labels.js';
import { loadCorpus } from '../../retrieval/public.js';
import { syntheticReportText } from '../helpers/syntheticReport.js';

describe('formatIndicatorValue', () => {
  it('reads a target written “GDP增速保持7%” as 保持增长7%, not 增长7%保持', async () => {
    const text = syntheticReportText().replace('地区生产总值增长6%左右', 'GDP增速保持7%');
    const corpus = await loadCorpus({ dir: null, sources: [{ id: 'keep', sourceFile: 'keep.txt', bytes: new TextEncoder().encode(text) }], cacheDir: false });
    const row = corpus.indicators.find((r) => r.indicator === '地区生产总值' && r.kind === 'target');
    expect(row).toBeDefined();
    expect(formatIndicatorValue(row!)).toBe('保持增长7%');
  });

  it('puts each qualifier where it is read', () => {
    const growth = (qualifier: string) => formatIndicatorValue({ value: 7, unit: '%', qualifier, measure: 'growth' });
    expect(growth('左右')).toBe('增长7%左右');
    expect(growth('以上')).toBe('增长7%以上');
    expect(growth('同比')).toBe('同比增长7%');
    expect(growth('约')).toBe('增长约7%');
    expect(growth('不低于')).toBe('增长不低于7%');
    expect(formatIndicatorValue({ value: 100, unit: '亿元', qualifier: '突破', measure: 'level' })).toBe('突破100亿元');
  });

  it('shows a range as the report writes it, not its low end', async () => {
    const text = syntheticReportText().replace('地区生产总值增长6%左右', '地区生产总值增长5%—5.5%');
    const corpus = await loadCorpus({ dir: null, sources: [{ id: 'range', sourceFile: 'range.txt', bytes: new TextEncoder().encode(text) }], cacheDir: false });
    const row = corpus.indicators.find((r) => r.indicator === '地区生产总值' && r.kind === 'target');
    expect(row).toBeDefined();
    expect(formatIndicatorValue(row!)).toBe('增长5%—5.5%');
  });
});

describe('uploadSummary', () => {
  it('reads without a double comma when the date was not found', async () => {
    const { uploadSummary } = await import('../../client/src/labels.js');
    const meta = { place: '某某县', city: '某某市', planYear: 2019, paragraphCount: 88 };
    expect(uploadSummary(meta)).toBe('某某县（某某市），日期未写明，2019 年计划，88 段');
    expect(uploadSummary({ ...meta, date: '2019-01-15' })).toBe('某某县（某某市），2019年1月15日，2019 年计划，88 段');
    expect(uploadSummary({ ...meta, city: undefined })).not.toMatch(/，，|（）/);
  });
});
