// GET /api/indicators?format=csv: the table a spreadsheet opens, Chinese intact.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../retrieval/public.js';
import { IndicatorsResponseSchema } from '../../../server/api/schemas.js';
import { createApp } from '../../../server/app.js';
import { indicatorsCsv } from '../../../server/routes/indicatorsCsv.js';
import { sharedCorpus } from '../../helpers/corpus.js';

let corpus: Corpus;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  corpus = await sharedCorpus();
  app = createApp({ corpus });
});

/** A small RFC 4180 reader, enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    } else cell += ch;
  }
  return rows;
}

describe('GET /api/indicators?format=csv', () => {
  it('is UTF-8 with a BOM, one line per row of the JSON table, under the same filters', async () => {
    const res = await app.request('/api/indicators?format=csv&place=惠济区&kind=target');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="indicators\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('指标-惠济区.csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1));
    const json = IndicatorsResponseSchema.parse(await (await app.request('/api/indicators?place=惠济区&kind=target')).json());
    expect(rows[0]).toEqual(['地方', '年份', '指标', '报告中的说法', '类型', '口径', '数值', '上限', '单位', '限定', '原文', '出处报告', '段落', '页码']);
    expect(rows).toHaveLength(json.rows.length + 1);
    const gdp = rows.find((r) => r[2] === '地区生产总值' && r[5] === '增速');
    expect(gdp).toBeDefined();
    expect(gdp!.slice(0, 10)).toEqual(['惠济区', '2024', '地区生产总值', gdp![3], '目标', '增速', '7', '', '%', '左右']);
    expect(gdp![11]).toBe('惠济区2024年政府工作报告');
    expect(Number(gdp![12])).toBe(corpus.paragraphById.get(json.rows.find((r) => r.indicator === '地区生产总值' && r.measure === 'growth')!.paragraphId)!.index);
  });

  it('quotes commas and quotes, and never lets a cell start a formula', () => {
    const row = { ...corpus.indicators[0], quote: '=HYPERLINK("x"),增长', label: '-1' };
    const [, line] = indicatorsCsv(corpus, [row]).slice(1).split('\r\n');
    const cells = parseCsv(line + '\r\n')[0];
    expect(cells[10]).toBe(`'=HYPERLINK("x"),增长`);
    expect(cells[3]).toBe(`'-1`);
    expect(cells).toHaveLength(14);
  });

  it('gives a range both its ends as numbers', () => {
    const row = { ...corpus.indicators[0], value: 5, upper: 5.5, written: '5%—5.5%', unit: '%' };
    const cells = parseCsv(indicatorsCsv(corpus, [row]).slice(1).split('\r\n')[1] + '\r\n')[0];
    expect(cells.slice(6, 9)).toEqual(['5', '5.5', '%']);
  });
});
