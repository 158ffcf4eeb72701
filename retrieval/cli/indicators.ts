// npm run indicators -- [--place 惠济区] [--year 2024] [--indicator 地区生产总值] [--kind target] [--json]
import { parseArgs } from 'node:util';
import { IndicatorKindSchema, type IndicatorRow } from '../types.js';
import { corpusFor } from '../corpus/corpusFor.js';
import { cliCorpus, fail } from './cliCorpus.js';

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        place: { type: 'string' },
        // --district: the flag's name before places of every level were covered; still read.
        district: { type: 'string' },
        year: { type: 'string' },
        indicator: { type: 'string' },
        kind: { type: 'string' },
        json: { type: 'boolean', default: false },
        report: { type: 'string', multiple: true, default: [] },
      },
    });
  } catch (e) {
    return fail(`参数错误：${(e as Error).message}`);
  }
})();

const year = values.year ? Number(values.year) : undefined;
if (values.year && !Number.isInteger(year)) fail('--year 需为年份，如 2024');
const kind = values.kind ? IndicatorKindSchema.safeParse(values.kind) : undefined;
if (kind && !kind.success) fail('--kind 只能是 target、actual 或 estimate');

const { corpus, close } = await cliCorpus(values.report);
const lookup = { place: values.place ?? values.district, year, indicator: values.indicator, kind: kind?.data };
const rows = (await corpusFor(corpus, { indicators: lookup })).lookupIndicators(lookup);
await close();

const KIND: Record<IndicatorRow['kind'], string> = { target: '目标', actual: '实际', estimate: '预计' };
if (values.json) {
  for (const r of rows) console.log(JSON.stringify(r));
} else if (rows.length === 0) {
  console.log('没有符合条件的指标。');
} else {
  console.log(['地区', '年份', '类别', '指标', '原文标签', '数值', '口径', '段落', '原文'].join('\t'));
  for (const r of rows) {
    const value = r.value === null ? '—' : `${r.value}${r.unit}${r.qualifier && r.qualifier !== '同比' ? r.qualifier : ''}`;
    console.log([r.place, r.year, KIND[r.kind], r.indicator, r.label, value, r.measure === 'growth' ? '增速' : '总量', r.paragraphId, r.quote].join('\t'));
  }
  console.log(`\n共 ${rows.length} 行`);
}
