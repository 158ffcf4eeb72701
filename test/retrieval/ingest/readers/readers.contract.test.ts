// One contract, every file-format reader: the same synthetic report written as
// .txt (UTF-8, GB18030, UTF-16), .md, .html with page chrome, .docx and .pdf
// ingests to exactly the paragraphs of its UTF-8 .txt; bad bytes get a plain reason.
import { beforeAll, describe, expect, it } from 'vitest';
import { ReportReadError } from '../../../../retrieval/ingest/decodeText.js';
import { ingestReport } from '../../../../retrieval/ingest/ingestReport.js';
import { SCANNED_PDF } from '../../../../retrieval/ingest/readers/pdfReader.js';
import { readReportFile, READERS } from '../../../../retrieval/ingest/readers/readReportFile.js';
import { ReportTooLargeError, UnsupportedFormatError } from '../../../../retrieval/ingest/readers/ReportReader.js';
import { encodeGb18030, encodeUtf16, makeDocx, makeHtml, makeTextlessPdf, skipPdf, toPdf } from '../../../helpers/formatFixtures.js';
import { syntheticReportLines } from '../../../helpers/syntheticReport.js';
import { makeTextPdf } from '../../../helpers/textPdf.js';
import { paddedDocx } from '../../../helpers/zipFixture.js';

// Long enough for several PDF pages, so paragraphs cross page breaks.
const lines = syntheticReportLines(12);
const txt = lines.join('\n') + '\n';
const paragraphsOf = (text: string | undefined, bytes: Uint8Array) =>
  ingestReport({ id: 'r', sourceFile: 'r', bytes, text }).paragraphs.map((p) => ({ id: p.id, text: p.text, sectionPath: p.sectionPath }));
const expected = paragraphsOf(undefined, Buffer.from(txt));

/** The report as a Markdown converter writes it: # title, ## sections, **bold** leads, a rule, a link. */
function asMarkdown(ls: string[]): string {
  return ls
    .map((l, i) => {
      if (i === 0) return `# ${l}\n`;
      if (/^[一二三四五六七八九十]+、/.test(l)) return `\n---\n\n## ${l}\n`;
      const lead = /^（[一二三四五六七八九十]+）[^。]+。/.exec(l)?.[0];
      if (lead) return `**${lead}**${l.slice(lead.length)}\n`;
      if (l.startsWith('各位代表')) return `> ${l}\n`;
      return `${l.replace('十四五', '[十四五](https://example.org/plan)')}\n`;
    })
    .join('\n');
}

interface Case {
  name: string;
  format: string;
  make: () => Promise<Uint8Array>;
  skip?: boolean;
}

let pdf: Uint8Array | undefined;
let lockedPdf: Uint8Array | undefined;
beforeAll(async () => {
  if (skipPdf) return;
  const docx = await makeDocx(lines, { header: '澄川区人民政府工作报告' });
  pdf = (await toPdf([{ name: 'r.docx', bytes: docx }])).get('r.docx');
  lockedPdf = (
    await toPdf([{ name: 'r.docx', bytes: docx }], {
      EncryptFile: { type: 'boolean', value: 'true' },
      DocumentOpenPassword: { type: 'string', value: 'open-sesame' },
    })
  ).get('r.docx');
}, 180_000);

const cases: Case[] = [
  { name: 'r.txt', format: 'utf-8', make: async () => Buffer.from(txt) },
  { name: 'r.txt', format: 'utf-8', make: async () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(txt)]) },
  { name: 'r.md', format: 'utf-8', make: async () => Buffer.from(txt) },
  { name: 'r.md', format: 'utf-8', make: async () => Buffer.from(asMarkdown(lines)) },
  { name: 'r.txt', format: 'gb18030', make: async () => encodeGb18030(txt) },
  { name: 'r.txt', format: 'utf-16le', make: async () => encodeUtf16(txt.replace(/\n/g, '\r\n'), 'le') },
  { name: 'r.txt', format: 'utf-16be', make: async () => encodeUtf16(txt, 'be') },
  { name: 'r.html', format: 'html', make: async () => Buffer.from(makeHtml(lines)) },
  { name: 'r.htm', format: 'html', make: async () => encodeGb18030(makeHtml(lines, 'gb2312')) },
  { name: 'r.docx', format: 'docx', make: () => makeDocx(lines, { header: '澄川区人民政府工作报告' }) },
  { name: 'r.pdf', format: 'pdf', make: async () => pdf!, skip: skipPdf },
];

for (const c of cases) {
  describe.skipIf(c.skip)(`reader: ${c.name} (${c.format})`, () => {
    it('ingests to the same paragraphs, ids and sections as the UTF-8 .txt', async () => {
      const read = await readReportFile(c.name, await c.make());
      expect(read.format).toBe(c.format);
      expect(paragraphsOf(read.text, new Uint8Array())).toEqual(expected);
    });

    it('refuses an empty file and random bytes with a reason', async () => {
      await expect(readReportFile(c.name, new Uint8Array())).rejects.toThrow(ReportReadError);
      const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
      await expect(readReportFile(c.name, noise)).rejects.toThrow(ReportReadError);
    });
  });
}

describe('every reader', () => {
  it('is reached by each of its extensions, in any case', () => {
    for (const r of READERS) for (const ext of r.extensions) expect(ext).toMatch(/^\.[a-z]+$/);
  });

  it('says which formats it takes when the extension is unknown', async () => {
    await expect(readReportFile('report.exe', Buffer.from('MZ'))).rejects.toThrow(UnsupportedFormatError);
    await expect(readReportFile('report.doc', Buffer.from('x'))).rejects.toThrow(/\.docx/);
    await expect(readReportFile('REPORT.TXT', Buffer.from(txt))).resolves.toMatchObject({ format: 'utf-8' });
  });
});

describe('the HTML reader', () => {
  it('keeps the report and drops navigation, breadcrumbs, share buttons and the footer', async () => {
    const { text } = await readReportFile('page.html', Buffer.from(makeHtml(lines)));
    for (const chrome of ['首页', '当前位置', '分享到', '网站标识码', '相关链接', '发布时间', '_hmt']) expect(text).not.toContain(chrome);
    expect(text.split('\n')[0]).toBe('政府工作报告');
  });

  it('reads only what a reader of the page sees: no templates, hidden elements or aria-hidden chrome', async () => {
    const hidden = [
      '<p style="color: red; display: none">隐藏的旧稿：地区生产总值增长99%。</p>',
      '<template><p>模板里的段落：一般公共预算收入增长12%。</p></template>',
      '<div hidden><p>隐藏属性的段落。</p></div>',
      '<p class="was-draft">样式表隐藏的段落。</p>',
      '<p style="visibility:hidden">看不见的段落。</p>',
    ].join('\n');
    const page = makeHtml(lines)
      .replace('<style>', '<style>/* 草稿 */ .was-draft { display:none } @media print { .share, .screen-only { display: none } } ')
      .replace('<div class="content" id="zoom">', `<div class="content" id="zoom">\n${hidden}\n<p class="screen-only">屏幕上看得见的说明。<span aria-hidden="true">★图标★</span></p>`);
    const { text } = await readReportFile('page.html', Buffer.from(page));
    for (const gone of ['隐藏的旧稿', '99%', '模板里的段落', '隐藏属性', '样式表隐藏', '看不见的段落', '★图标★']) expect(text).not.toContain(gone);
    // A rule for print hides nothing on screen.
    expect(text).toContain('屏幕上看得见的说明。');
    expect(paragraphsOf(text.replace('屏幕上看得见的说明。\n', ''), new Uint8Array())).toEqual(expected);
  });

  it('keeps a page whose sheet hides the whole body until a script shows it', async () => {
    const page = makeHtml(lines).replace('<style>', '<style>body{display:none !important} ');
    const { text } = await readReportFile('page.html', Buffer.from(page));
    expect(paragraphsOf(text, new Uint8Array())).toEqual(expected);
  });

  it('takes the title from <title> without the site name when the page has no <h1>', async () => {
    const page = makeHtml(lines).replace(/<h1>[^<]*<\/h1>/, '');
    const read = await readReportFile('page.html', Buffer.from(page));
    expect(read.text.split('\n')[0]).toBe('政府工作报告');
    expect(paragraphsOf(read.text, new Uint8Array())).toEqual(expected);
  });
});

describe('the Word reader', () => {
  it('leaves out running headers and page-number footers', async () => {
    const { text } = await readReportFile('r.docx', await makeDocx(lines, { header: '澄川区人民政府工作报告' }));
    expect(text).not.toContain('澄川区人民政府工作报告');
    expect(text).not.toMatch(/^- \d+ -$/m);
  });

  it('names what a renamed file really is', async () => {
    await expect(readReportFile('setup.docx', Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200)]))).rejects.toThrow(/可执行程序/);
    await expect(readReportFile('old.docx', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).rejects.toThrow(/旧版 Word/);
    await expect(readReportFile('zip.docx', Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]))).rejects.toThrow(/Word 文件已损坏/);
  });
});

describe.skipIf(skipPdf)('the PDF reader', () => {
  it('drops the running header and page numbers and names each line’s page', async () => {
    const read = await readReportFile('r.pdf', pdf!);
    expect(read.text).not.toContain('澄川区人民政府工作报告');
    expect(read.text).not.toMatch(/^- \d+ -$/m);
    const pages = read.pageOfLine!;
    expect(pages).toHaveLength(read.text.split('\n').length);
    expect(pages[0]).toBe(1);
    expect(Math.max(...pages)).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < pages.length; i++) expect(pages[i]).toBeGreaterThanOrEqual(pages[i - 1]);
  });

  it('refuses a password-protected PDF with a reason', async () => {
    await expect(readReportFile('locked.pdf', lockedPdf!)).rejects.toThrow(/密码/);
  });
});

describe('the PDF reader, on bad input', () => {
  it('calls a PDF without a text layer a scan, never an empty report', async () => {
    await expect(readReportFile('scan.pdf', makeTextlessPdf(3))).rejects.toThrow(SCANNED_PDF);
    expect(SCANNED_PDF).toContain('扫描件，没有可提取的文字');
  });

  it('names a ZIP archive renamed .pdf', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, ...new Array(60).fill(0)]);
    await expect(readReportFile('report.pdf', zip)).rejects.toThrow(/ZIP/);
  });

  it('stops reading a 2,000-page PDF once its text is longer than any report’s', async () => {
    const error = await readReportFile('long.pdf', makeTextPdf(2000, 5)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportTooLargeError);
    const pagesRead = Number(/前 (\d+) 页（共 2000 页）/.exec((error as Error).message)?.[1]);
    expect(pagesRead).toBeGreaterThan(100);
    expect(pagesRead).toBeLessThan(2000);
  });

  it('calls a truncated PDF damaged', async () => {
    await expect(readReportFile('cut.pdf', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'))).rejects.toThrow(ReportReadError);
  });
});

describe('the Word reader, on a zip bomb', () => {
  /** A ZIP whose central directory declares `size` bytes for one entry: enough to be refused unread. */
  function zipDeclaring(size: number): Buffer {
    const name = Buffer.from('word/document.xml');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(local.length + name.length, 16);
    return Buffer.concat([local, name, central, name, end]);
  }

  it('refuses a .docx that would inflate past the limit, before inflating it', async () => {
    await expect(readReportFile('bomb.docx', zipDeclaring(0xfffffff0))).rejects.toThrow(/压缩炸弹/);
  });

  it('refuses a .docx whose directory lies about a part’s size, having inflated only a little of it', async () => {
    // 9 MB of empty paragraphs, declared as 1 KB: the declared sizes pass, the real ones do not.
    const bomb = paddedDocx(await makeDocx(lines), 1_500_000, { lie: true });
    expect(bomb.length).toBeLessThan(100 * 1024);
    const { zipSummary, zipEntries, measureInflated } = await import('../../../../retrieval/ingest/readers/zipEntries.js');
    expect(zipSummary(bomb)!.uncompressedBytes).toBeLessThan(1024 * 1024);
    const error = await readReportFile('bomb.docx', bomb).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportTooLargeError);
    expect((error as Error).message).toMatch(/压缩炸弹/);
    // Inflation stopped at the ratio budget (1 MB, then 100× a few KB), far short of the 9 MB.
    const verdict = await measureInflated(bomb, zipEntries(bomb)!, { maxBytes: 300 * 1024 * 1024, maxRatio: 100, ratioGraceBytes: 1024 * 1024 });
    expect(verdict).toMatchObject({ ok: false, reason: 'ratio', entry: 'word/document.xml' });
    expect(verdict.inflatedBytes).toBeLessThan(3 * 1024 * 1024);
  });

  it('stops at the total budget, whatever the ratio, and counts an honest archive exactly', async () => {
    const { zipEntries, zipSummary, measureInflated } = await import('../../../../retrieval/ingest/readers/zipEntries.js');
    const docx = await makeDocx(syntheticReportLines(120));
    const entries = zipEntries(docx)!;
    const honest = await measureInflated(docx, entries, { maxBytes: 300 * 1024 * 1024, maxRatio: 100, ratioGraceBytes: 1024 * 1024 });
    expect(honest).toEqual({ ok: true, inflatedBytes: zipSummary(docx)!.uncompressedBytes });
    const small = await measureInflated(docx, entries, { maxBytes: 10_000, maxRatio: 1e9, ratioGraceBytes: 0 });
    expect(small).toMatchObject({ ok: false, reason: 'total' });
    expect(small.inflatedBytes).toBeLessThan(10_000 + 64 * 1024);
  });

  it('reads a long real-shaped .docx: its parts stay well under the ratio budget', async () => {
    const { text } = await readReportFile('long.docx', await makeDocx(syntheticReportLines(360)));
    expect(text).toContain('推进第360批重点片区综合治理');
  });

  it('reads what a real .docx declares as well within the limit', async () => {
    const { zipSummary } = await import('../../../../retrieval/ingest/readers/zipEntries.js');
    const summary = zipSummary(await makeDocx(lines))!;
    expect(summary.entries).toBeGreaterThan(3);
    expect(summary.uncompressedBytes).toBeGreaterThan(1000);
    expect(summary.uncompressedBytes).toBeLessThan(10 * 1024 * 1024);
  });
});
