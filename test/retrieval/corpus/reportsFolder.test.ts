// The folder of added reports: any supported format, sidecar metadata read at
// every start, a bad sidecar only fails its own report, one text in several
// formats is one report, SEEDS=off, and reports added or removed in place are
// searched (or not) at the next question.
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusOptionsFromEnv } from '../../../retrieval/corpus/corpusEnv.js';
import { ingestFile, contentHash } from '../../../retrieval/corpus/ingestFile.js';
import { loadCorpus } from '../../../retrieval/corpus/loadCorpus.js';
import type { Corpus } from '../../../retrieval/types.js';
import { makeDocx, makeHtml, skipPdf, toPdf } from '../../helpers/formatFixtures.js';
import { syntheticReportLines, syntheticReportText } from '../../helpers/syntheticReport.js';

const lines = syntheticReportLines(12);
let dir: string;
let docx: Buffer;
let samePdf: Buffer | undefined;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'reports-dir-'));
  docx = await makeDocx(lines, { header: '澄川区人民政府工作报告' });
  writeFileSync(join(dir, 'chengchuan-docx.docx'), docx);
  writeFileSync(join(dir, 'chengchuan-docx.meta.json'), JSON.stringify({ province: '青澜省', level: 'county' }));
  // The same text as a web page and as a PDF: copies of the .docx, not reports of their own.
  writeFileSync(join(dir, 'chengchuan-html.html'), makeHtml(lines));
  writeFileSync(join(dir, 'chengchuan-bad.txt'), syntheticReportText());
  writeFileSync(join(dir, 'chengchuan-bad.meta.json'), JSON.stringify({ planYear: 'next year', colour: 'red' }));
  writeFileSync(join(dir, '.chengchuan-half.pdf.123.tmp'), 'half-written');
  // A link to a file that was deleted since.
  symlinkSync(join(dir, 'moved-away', 'report.txt'), join(dir, 'ghost.txt'));
  // Same id as a built-in: refused, and the built-in stays built in.
  writeFileSync(join(dir, 'huiji-2024.html'), makeHtml(syntheticReportLines(0, '岚溪')));
  if (!skipPdf) {
    const other = await makeDocx(syntheticReportLines(12, '沐溪'), { header: '沐溪区人民政府工作报告' });
    const pdfs = await toPdf([
      { name: 'same.docx', bytes: docx },
      { name: 'other.docx', bytes: other },
    ]);
    samePdf = pdfs.get('same.docx')!;
    writeFileSync(join(dir, 'chengchuan-pdf.pdf'), samePdf);
    writeFileSync(join(dir, 'muxi-pdf.pdf'), pdfs.get('other.docx')!);
  }
}, 180_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the reports folder', () => {
  let corpus: Corpus;
  beforeAll(async () => {
    corpus = await loadCorpus({ reportsDir: dir, cacheDir: false });
  });

  it('loads every format beside the built-ins and marks which were added', () => {
    const added = [...corpus.origins].filter(([, o]) => o === 'added').map(([id]) => id).sort();
    expect(added).toEqual(['chengchuan-docx', ...(skipPdf ? [] : ['muxi-pdf'])]);
    expect(corpus.origins.get('huiji-2024')).toBe('builtin');
    expect(corpus.reportById.get('huiji-2024')!.meta.place).toBe('惠济区');
    expect(corpus.errors.find((e) => e.file === 'huiji-2024.html')?.reason).toMatch(/重复/);
    expect(corpus.reportById.get('chengchuan-docx')!.meta.encoding).toBe('docx');
  });

  it('applies a sidecar’s metadata and says it came from there', () => {
    const meta = corpus.reportById.get('chengchuan-docx')!.meta;
    expect(meta.province).toBe('青澜省');
    expect(meta.level).toBe('county');
    expect(meta.sources?.province).toBe('sidecar');
  });

  it('turns a bad sidecar into that report’s load error, naming the fields', () => {
    const error = corpus.errors.find((e) => e.file === 'chengchuan-bad.txt');
    expect(error?.reason).toMatch(/chengchuan-bad\.meta\.json/);
    expect(error?.reason).toMatch(/planYear/);
    expect(corpus.reportById.has('chengchuan-bad')).toBe(false);
    expect(corpus.errors.some((e) => e.file.includes('half'))).toBe(false);
  });

  it('says a dangling link is one, without naming where the server keeps its files', () => {
    expect(corpus.errors.find((e) => e.file === 'ghost.txt')?.reason).toMatch(/ghost\.txt 不存在.*链接/);
    for (const e of corpus.errors) {
      expect(e.file).not.toContain('/');
      expect(e.reason).not.toContain(dir);
      expect(e.reason).not.toMatch(/(^|[\s'"（(：])\/[^\s]*\//);
    }
  });

  it('answers about an added report, with the same paragraphs whatever its format', async () => {
    const hit = corpus.search('澄川区2024年GDP目标是多少', { filters: { reportIds: ['chengchuan-docx'] } }).results[0];
    expect(hit.text).toContain('地区生产总值增长6%左右');
    const texts = async (sourceFile: string, bytes: Buffer) => (await ingestFile({ id: 'x', sourceFile, bytes })).report.paragraphs.map((p) => p.text);
    const fromDocx = await texts('x.docx', docx);
    expect(await texts('x.html', Buffer.from(makeHtml(lines)))).toEqual(fromDocx);
    if (samePdf) expect(await texts('x.pdf', samePdf)).toEqual(fromDocx);
  });

  it('loads one text in several formats once, naming the report the others copy', () => {
    for (const file of ['chengchuan-html.html', ...(skipPdf ? [] : ['chengchuan-pdf.pdf'])]) {
      expect(corpus.errors.find((e) => e.file === file)?.reason).toMatch(/与报告 chengchuan-docx 文字相同/);
    }
    expect(corpus.reportById.has('chengchuan-html')).toBe(false);
  });

  it.skipIf(skipPdf)('names the page of every PDF paragraph, in order, over several pages', () => {
    const pages = corpus.reportById.get('muxi-pdf')!.paragraphs.map((p) => p.page!);
    expect(pages.every((p) => Number.isInteger(p) && p >= 1)).toBe(true);
    expect(pages[0]).toBe(1);
    expect(Math.max(...pages)).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < pages.length; i++) expect(pages[i]).toBeGreaterThanOrEqual(pages[i - 1]);
    expect(corpus.reportById.get('chengchuan-docx')!.paragraphs[0].page).toBeUndefined();
  });

  it('leaves the built-ins out with SEEDS=off', async () => {
    const options = corpusOptionsFromEnv({ SEEDS: 'off', REPORTS_DIR: dir });
    const only = await loadCorpus({ ...options, cacheDir: false });
    expect(only.reports.every((r) => only.origins.get(r.meta.id) === 'added')).toBe(true);
    expect(only.reports.length).toBeGreaterThanOrEqual(skipPdf ? 1 : 2);
    expect(() => corpusOptionsFromEnv({ SEEDS: 'maybe' })).toThrow(/SEEDS/);
  });
});

describe('adding and removing a report in place', () => {
  it('is searched at the next question, and gone after removal, without reloading the others', async () => {
    const corpus = await loadCorpus({ cacheDir: false });
    const size = corpus.index.size;
    const question = '澄川区2024年GDP目标是多少';
    expect(corpus.search(question).results.some((h) => h.reportId === 'chengchuan-2024')).toBe(false);
    const bytes = Buffer.from(syntheticReportText());
    const one = await ingestFile({ id: 'chengchuan-2024', sourceFile: 'chengchuan-2024.txt', bytes });
    corpus.addReport(one, 'added', contentHash(bytes));
    expect(corpus.index.size).toBe(size + one.report.passages.length);
    expect(corpus.search(question).results[0].id).toBe('chengchuan-2024:p15');
    expect(corpus.lookupIndicators({ place: '澄川区', year: 2024, indicator: '地区生产总值', kind: 'target' })[0]?.value).toBe(6);
    expect(corpus.removeReport('chengchuan-2024')).toBe(true);
    expect(corpus.index.size).toBe(size);
    expect(corpus.search(question).results.some((h) => h.reportId === 'chengchuan-2024')).toBe(false);
    expect(corpus.indicators.some((r) => r.reportId === 'chengchuan-2024')).toBe(false);
    expect(corpus.paragraphById.has('chengchuan-2024:p15')).toBe(false);
    expect(corpus.removeReport('chengchuan-2024')).toBe(false);
  });
});
