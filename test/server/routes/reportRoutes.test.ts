// Adding, correcting and deleting reports through the API, driven with
// app.request(): each format answers with a citation into the new report, the
// reports survive a restart (a fresh load of the folder), and bad files get a
// reason while nothing is half-added or written outside the reports folder.
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../retrieval/corpus/loadCorpus.js';
import type { Corpus } from '../../../retrieval/types.js';
import { AskResponseSchema, ReportChangeResponseSchema, ReportListResponseSchema } from '../../../server/api/schemas.js';
import { createApp } from '../../../server/app.js';
import { makeDocx, makeHtml, skipPdf, toPdf } from '../../helpers/formatFixtures.js';
import { syntheticReportLines, syntheticReportText } from '../../helpers/syntheticReport.js';

let parent: string;
let dir: string;
let corpus: Corpus;
let app: ReturnType<typeof createApp>;
let docx: Buffer;
let pdf: Buffer | undefined;
let lockedPdf: Buffer | undefined;

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'report-routes-'));
  dir = join(parent, 'reports');
  corpus = await loadCorpus({ reportsDir: dir, cacheDir: false });
  app = createApp({ corpus, reportsDir: dir });
  docx = await makeDocx(syntheticReportLines(12, '澄川'), { header: '澄川区人民政府工作报告' });
  if (!skipPdf) {
    const pdfDocx = await makeDocx(syntheticReportLines(12, '沐溪'), { header: '沐溪区人民政府工作报告' });
    pdf = (await toPdf([{ name: 'r.docx', bytes: pdfDocx }])).get('r.docx');
    lockedPdf = (
      await toPdf([{ name: 'r.docx', bytes: pdfDocx }], {
        EncryptFile: { type: 'boolean', value: 'true' },
        DocumentOpenPassword: { type: 'string', value: 'open-sesame' },
      })
    ).get('r.docx');
  }
}, 180_000);
afterAll(() => rmSync(parent, { recursive: true, force: true }));

function upload(name: string, bytes: Uint8Array | string, fields: Record<string, string> = {}) {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  return app.request('/api/reports', { method: 'POST', body: form });
}

async function ask(question: string) {
  const res = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
  return AskResponseSchema.parse(await res.json());
}

async function errorOf(res: Response) {
  return ((await res.json()) as { error: { code: string; message: string } }).error;
}

/** Files in the folder now, less what a failed upload may never leave behind. */
const files = () => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('POST /api/reports', () => {
  it('adds a .docx: 201 with the metadata read, then it answers with a citation into it', async () => {
    const res = await upload('澄川区2024年政府工作报告.docx', docx, { province: '青澜省' });
    expect(res.status).toBe(201);
    const { report, warnings } = ReportChangeResponseSchema.parse(await res.json());
    expect(report).toMatchObject({ id: '澄川区2024年政府工作报告', place: '澄川区', city: '青澜市', date: '2024-01-16', origin: 'added', province: '青澜省', encoding: 'docx' });
    expect(Array.isArray(warnings)).toBe(true);
    const answer = await ask('澄川区2024年GDP目标是多少');
    expect(answer.answer).toContain('6%');
    expect(answer.citations[0].reportId).toBe(report.id);
    expect(JSON.parse(readFileSync(join(dir, `${report.id}.meta.json`), 'utf8'))).toEqual({ province: '青澜省' });
  });

  it.skipIf(skipPdf)('adds a .pdf whose citations name their page', async () => {
    const res = await upload('muxi.pdf', pdf!);
    expect(res.status).toBe(201);
    const { report } = ReportChangeResponseSchema.parse(await res.json());
    expect(report.place).toBe('沐溪区');
    const answer = await ask('沐溪区2024年GDP目标是多少');
    expect(answer.citations[0]).toMatchObject({ reportId: 'muxi' });
    expect(answer.citations[0].page).toBeGreaterThanOrEqual(1);
    expect(answer.answer).toContain('6%');
  });

  it('adds a saved web page, without its navigation', async () => {
    const res = await upload('zhuoyang.html', makeHtml(syntheticReportLines(0, '濯阳')));
    expect(res.status).toBe(201);
    const answer = await ask('濯阳区2023年一般公共预算收入是多少');
    expect(answer.citations[0].reportId).toBe('zhuoyang');
    expect(answer.answer).toContain('21.37亿元');
    const detail = (await (await app.request('/api/reports/zhuoyang')).json()) as { paragraphs: { text: string }[] };
    expect(detail.paragraphs.some((p) => /首页|分享到|网站标识码/.test(p.text))).toBe(false);
  });

  it('lists which reports were added and which are built in', async () => {
    const list = ReportListResponseSchema.parse(await (await app.request('/api/reports')).json());
    const origin = Object.fromEntries(list.reports.map((r) => [r.id, r.origin]));
    expect(origin['huiji-2024']).toBe('builtin');
    expect(origin['zhuoyang']).toBe('added');
    expect(list.upload).toMatchObject({ enabled: true, maxBytes: 25 * 1024 * 1024 });
  });

  it('keeps added reports across a restart, sidecar metadata included', async () => {
    const again = await loadCorpus({ reportsDir: dir, cacheDir: false });
    const added = [...again.origins].filter(([, o]) => o === 'added').map(([id]) => id).sort();
    expect(added).toEqual(['zhuoyang', ...(skipPdf ? [] : ['muxi']), '澄川区2024年政府工作报告'].sort());
    expect(again.reportById.get('澄川区2024年政府工作报告')!.meta.province).toBe('青澜省');
    expect(again.reportById.get('zhuoyang')!.paragraphs).toEqual(corpus.reportById.get('zhuoyang')!.paragraphs);
  });

  it('takes concurrent uploads of one name one at a time, each under its own id', async () => {
    const texts = ['岚溪', '蓼川', '苇川'].map((p) => syntheticReportText(0, p));
    const results = await Promise.all(texts.map((t) => upload('same.txt', t)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const ids = (await Promise.all(results.map(async (r) => ReportChangeResponseSchema.parse(await r.json()).report.id))).sort();
    expect(ids).toEqual(['same', 'same-2', 'same-3']);
    expect(files().filter((f) => f.startsWith('same'))).toEqual(['same-2.txt', 'same-3.txt', 'same.txt']);
  });
});

describe('POST /api/reports with bad files', () => {
  const cases: [string, () => Response | Promise<Response>, number, RegExp][] = [
    ['a .pdf that is really a .zip', () => upload('report.pdf', Buffer.from([0x50, 0x4b, 0x03, 0x04, ...new Array(300).fill(1)])), 400, /ZIP/],
    ['a 0-byte file', () => upload('empty.docx', new Uint8Array()), 400, /为空/],
    ['an executable renamed .docx', () => upload('report.docx', Buffer.concat([Buffer.from('MZ\x90\x00\x03'), Buffer.alloc(4000, 7)])), 400, /可执行程序/],
    ['an unsupported format', () => upload('report.exe', Buffer.from('MZ')), 415, /不支持.*\.pdf/],
    ['a text file over its limit', () => upload('big.txt', Buffer.alloc(5 * 1024 * 1024 + 1, 0x41)), 413, /上限 5 MB/],
    ['a file over the upload limit', () => upload('huge.pdf', Buffer.alloc(25 * 1024 * 1024 + 100 * 1024, 0x41)), 413, /上限 25 MB/],
    ['a duplicate of an added report', () => upload('copy.html', makeHtml(syntheticReportLines(0, '濯阳'))), 400, /已经添加过.*zhuoyang/],
    ['the same report as plain text', () => upload('copy.txt', syntheticReportText(0, '濯阳')), 400, /已经添加过.*zhuoyang.*文字相同/],
    ['the same report as Word', async () => upload('copy.docx', await makeDocx(syntheticReportLines(0, '濯阳'))), 400, /已经添加过.*zhuoyang.*文字相同/],
    ['a text that is no report', () => upload('notes.txt', '这只是一段笔记，没有封面、日期和地点。'.repeat(3)), 400, /./],
    ['a body that is not a form', () => app.request('/api/reports', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 415, /multipart/],
    ['a form without a file', () => app.request('/api/reports', { method: 'POST', body: new FormData() }), 400, /file/],
    ['a bad metadata field', () => upload('meta.txt', syntheticReportText(0, '芦川'), { planYear: '明年' }), 400, /计划年份/],
  ];
  if (!skipPdf) cases.push(['a password-protected PDF', () => upload('locked.pdf', lockedPdf!), 400, /密码/]);

  for (const [what, send, status, reason] of cases) {
    it(`refuses ${what} with ${status} and a reason, adding nothing`, async () => {
      const before = files();
      const reports = corpus.reports.length;
      const res = await send();
      expect(res.status).toBe(status);
      expect((await errorOf(res)).message).toMatch(reason);
      expect(files()).toEqual(before);
      expect(corpus.reports.length).toBe(reports);
      expect((await app.request('/healthz')).status).toBe(200);
    });
  }

  it('keeps a name with ../ inside the reports folder', async () => {
    const outside = readdirSync(parent).sort();
    const res = await upload('../../evil/../escape.txt', syntheticReportText(0, '苕川'));
    expect(res.status).toBe(201);
    expect(ReportChangeResponseSchema.parse(await res.json()).report.id).toBe('escape');
    expect(readdirSync(parent).sort()).toEqual(outside);
    expect(files()).toContain('escape.txt');
    expect(files().some((f) => f.endsWith('.tmp'))).toBe(false);
  });
});

describe('PATCH /api/reports/:id', () => {
  it('corrects metadata into the sidecar, used now and after a restart', async () => {
    const res = await app.request('/api/reports/zhuoyang', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ city: '濯阳新市', speakerName: '某某' }) });
    expect(res.status).toBe(200);
    const { report } = ReportChangeResponseSchema.parse(await res.json());
    expect(report).toMatchObject({ city: '濯阳新市', speaker: { name: '某某', title: '区长' }, origin: 'added' });
    expect(corpus.reportById.get('zhuoyang')!.meta.city).toBe('濯阳新市');
    const again = await loadCorpus({ reportsDir: dir, cacheDir: false });
    expect(again.reportById.get('zhuoyang')!.meta.city).toBe('濯阳新市');
    expect((await ask('濯阳区2023年一般公共预算收入是多少')).citations[0].reportId).toBe('zhuoyang');
  });

  it('refuses built-ins, unknown reports and bad fields', async () => {
    const patch = (id: string, body: unknown) =>
      app.request(`/api/reports/${encodeURIComponent(id)}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await patch('huiji-2024', { city: 'x' })).status).toBe(403);
    expect((await patch('no-such', { city: 'x' })).status).toBe(404);
    const bad = await patch('zhuoyang', { date: '2024年1月', colour: 'red' });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).message).toMatch(/date|colour/);
  });

  it('refuses dates that do not exist with 400, naming the field', async () => {
    for (const date of ['2024-13-45', '2024-02-30', '0000-00-00', '2023-02-29']) {
      const res = await app.request('/api/reports/zhuoyang', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ date }) });
      expect(res.status, date).toBe(400);
      const error = await errorOf(res);
      expect(error.code).toBe('invalid_request');
      // Named as users know it: 报告日期 (the field is `date`).
      expect(error.message).toMatch(/日期/);
    }
    expect(corpus.reportById.get('zhuoyang')!.meta.date).toBe('2024-01-16');
    const leap = await app.request('/api/reports/zhuoyang', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ date: '2024-02-29' }) });
    expect(leap.status).toBe(200);
    expect(corpus.reportById.get('zhuoyang')!.meta.date).toBe('2024-02-29');
    const form = await upload('datecheck.txt', syntheticReportText(0, '荇川'), { date: '2024-02-30' });
    expect(form.status).toBe(400);
    expect((await errorOf(form)).message).toMatch(/日期/);
  });
});

describe('DELETE /api/reports/:id', () => {
  it('removes an added report: its file and sidecar, its answers, at once', async () => {
    const res = await app.request('/api/reports/zhuoyang', { method: 'DELETE' });
    expect(res.status).toBe(200);
    expect(files().some((f) => f.startsWith('zhuoyang'))).toBe(false);
    expect(corpus.reportById.has('zhuoyang')).toBe(false);
    const answer = await ask('濯阳区2023年一般公共预算收入是多少');
    expect(answer.citations.some((c) => c.reportId === 'zhuoyang')).toBe(false);
    expect((await app.request('/api/reports/zhuoyang', { method: 'DELETE' })).status).toBe(404);
  });

  it('never deletes a built-in report', async () => {
    const res = await app.request('/api/reports/huiji-2024', { method: 'DELETE' });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).message).toMatch(/内置/);
    expect(corpus.reportById.has('huiji-2024')).toBe(true);
  });

  it('is refused by a server without a reports folder', async () => {
    const readOnly = createApp({ corpus });
    expect((await readOnly.request('/api/reports/muxi', { method: 'DELETE' })).status).toBe(403);
  });
});

describe('report ids from any file name', () => {
  const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

  it('cuts a long name between characters: the id opens, survives a restart and deletes', async () => {
    // 63 letters, then a character outside the BMP (two UTF-16 units) across the 64th unit.
    const name = 'a'.repeat(63) + '\u{20000}' + 'x.txt';
    const res = await upload(name, syntheticReportText(0, '蒹川'));
    expect(res.status).toBe(201);
    const { id } = ReportChangeResponseSchema.parse(await res.json()).report;
    expect(loneSurrogate.test(id)).toBe(false);
    expect(Array.from(id).length).toBeLessThanOrEqual(64);
    const path = `/api/reports/${encodeURIComponent(id)}`;
    expect((await app.request(path)).status).toBe(200);
    const again = await loadCorpus({ reportsDir: dir, cacheDir: false });
    expect(again.origins.get(id)).toBe('added');
    expect((await app.request(path, { method: 'DELETE' })).status).toBe(200);
    expect(files().some((f) => f.startsWith('aaa'))).toBe(false);
  });
});

