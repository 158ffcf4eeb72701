// Dates in the metadata form and PATCH are taken as people write them, and a
// wrong one is refused with a message in Chinese that says what is accepted.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../retrieval/public.js';
import { parseDateInput } from '../../../server/api/parseDateInput.js';
import { ReportChangeResponseSchema } from '../../../server/api/schemas.js';
import { createApp } from '../../../server/app.js';
import { syntheticReportText } from '../../helpers/syntheticReport.js';

let parent: string;
let dir: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'meta-dates-'));
  dir = join(parent, 'reports');
  app = createApp({ corpus: await loadCorpus({ dir: null, reportsDir: dir, cacheDir: false }), reportsDir: dir });
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('parseDateInput', () => {
  it('reads 年月日, dashes, slashes and dots, with or without leading zeros and in full-width digits', () => {
    for (const s of ['2019年1月15日', '2019年01月15日', '2019 年 1 月 15 日', '2019-1-15', '2019-01-15', '2019/01/15', '2019/1/15', '2019.1.15', '２０１９年１月１５日', '2019年1月15']) {
      expect(parseDateInput(s), s).toBe('2019-01-15');
    }
  });
  it('refuses impossible or partial dates instead of rolling them over', () => {
    for (const s of ['2019-02-30', '2019年13月1日', '2019年1月', '2019', '19-1-15', '明年一月', '']) expect(parseDateInput(s), s).toBeUndefined();
    expect(parseDateInput('2020-02-29')).toBe('2020-02-29');
  });
});

describe('metadata dates through the API', () => {
  it('an upload form and a PATCH take 2019年1月15日 and 2019/01/15, stored as ISO', async () => {
    const form = new FormData();
    form.append('file', new Blob([syntheticReportText()]), 'chengchuan.txt');
    form.append('date', '2019年1月15日');
    const added = await app.request('/api/reports', { method: 'POST', body: form });
    expect(added.status).toBe(201);
    expect(ReportChangeResponseSchema.parse(await added.json()).report.date).toBe('2019-01-15');

    const res = await app.request('/api/reports/chengchuan', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ date: '2019/01/16' }) });
    expect(res.status).toBe(200);
    expect(ReportChangeResponseSchema.parse(await res.json()).report.date).toBe('2019-01-16');
    expect(JSON.parse(readFileSync(join(dir, 'chengchuan.meta.json'), 'utf8')).date).toBe('2019-01-16');
  });

  it('a date it cannot read is refused in Chinese, naming the forms it takes', async () => {
    const res = await app.request('/api/reports/chengchuan', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ date: '2019年2月30日', planYear: 1800 }) });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { message: string } };
    expect(error.message).toContain('报告日期无法识别，请写成 2019年1月15日、2019-1-15 或 2019/01/15');
    expect(error.message).toMatch(/计划年份：/);
    expect(error.message).not.toMatch(/[A-Za-z]{4,}/);
  });
});
