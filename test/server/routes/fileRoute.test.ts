// GET /api/reports/:id/file: the original upload, byte for byte, with its type and
// its (non-ASCII) name; built-in .txt reports serve their text.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, PROJECT_ROOT, type Corpus } from '../../../retrieval/public.js';
import { createApp } from '../../../server/app.js';
import { asciiFallback } from '../../../server/routes/attachmentName.js';
import { makeDocx, makeHtml, skipPdf, toPdf } from '../../helpers/formatFixtures.js';
import { syntheticReportLines } from '../../helpers/syntheticReport.js';

let parent: string;
let dir: string;
let corpus: Corpus;
let app: ReturnType<typeof createApp>;
let docx: Buffer;
let pdf: Buffer | undefined;

beforeAll(async () => {
  parent = mkdtempSync(join(tmpdir(), 'file-route-'));
  dir = join(parent, 'reports');
  corpus = await loadCorpus({ reportsDir: dir, cacheDir: false });
  app = createApp({ corpus, reportsDir: dir });
  docx = await makeDocx(syntheticReportLines(3, '澄川'));
  if (!skipPdf) pdf = (await toPdf([{ name: 'm.docx', bytes: await makeDocx(syntheticReportLines(3, '沐溪')) }])).get('m.docx');
}, 180_000);
afterAll(() => rmSync(parent, { recursive: true, force: true }));

function upload(name: string, bytes: Uint8Array | string) {
  const form = new FormData();
  form.append('file', new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)]), name);
  return app.request('/api/reports', { method: 'POST', body: form });
}

const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('GET /api/reports/:id/file', () => {
  it('serves a built-in .txt report as its text, inline, with an ETag that revalidates', async () => {
    const res = await app.request('/api/reports/huiji-2024/file');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="huiji-2024.txt"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await bytesOf(res)).equals(readFileSync(join(PROJECT_ROOT, 'seeds', 'huiji-2024.txt')))).toBe(true);
    const again = await app.request('/api/reports/huiji-2024/file', { headers: { 'if-none-match': res.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('serves an uploaded .docx byte for byte, named in UTF-8 (RFC 5987) with an ASCII fallback', async () => {
    const added = await upload('澄川区2024年政府工作报告.docx', docx);
    expect(added.status).toBe(201);
    const { report } = (await added.json()) as { report: { id: string } };
    const res = await app.request(`/api/reports/${encodeURIComponent(report.id)}/file?download=1`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="report-2024\.docx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe('澄川区2024年政府工作报告.docx');
    expect((await bytesOf(res)).equals(docx)).toBe(true);
  });

  it.skipIf(skipPdf)('serves an uploaded PDF as application/pdf, inline unless a download is asked for', async () => {
    expect((await upload('muxi.pdf', pdf!)).status).toBe(201);
    const res = await app.request('/api/reports/muxi/file');
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="muxi.pdf"');
    expect((await bytesOf(res)).equals(pdf!)).toBe(true);
  });

  it('serves a saved web page sandboxed: it can never run script on our origin', async () => {
    expect((await upload('qinglan.html', makeHtml(syntheticReportLines(0, '青澜')))).status).toBe(201);
    const res = await app.request('/api/reports/qinglan/file');
    expect(res.headers.get('content-type')).toBe('text/html');
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;.*default-src 'none'/);
  });

  it('says why when there is no such report, or its file is not the one loaded', async () => {
    const missing = await app.request('/api/reports/no-such/file');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/没有这份报告/);
    // The file changed on disk after loading: its pages would not match the citations.
    writeFileSync(join(dir, 'muxi.pdf'), 'changed');
    const changed = await app.request('/api/reports/muxi/file');
    if (!skipPdf) {
      expect(changed.status).toBe(404);
      expect(((await changed.json()) as { error: { code: string } }).error.code).toBe('file_unavailable');
    }
    expect((await app.request('/api/reports/huiji-2024/file?download=maybe')).status).toBe(400);
  });
});

describe('asciiFallback', () => {
  it('keeps ASCII letters and digits, or names the file by its kind', () => {
    expect(asciiFallback('huiji-2024.txt', 'report')).toBe('huiji-2024.txt');
    expect(asciiFallback('某某县2024年政府工作报告.pdf', 'report')).toBe('report-2024.pdf');
    expect(asciiFallback('指标.csv', 'indicators')).toBe('indicators.csv');
    expect(asciiFallback('a "quoted" name.pdf', 'report')).toBe('a-quoted-name.pdf');
  });
});
