// Report fixtures in every format, made from a report's lines at test time:
// .docx written with the `docx` library (running header, page-number footer,
// 首行缩进 body paragraphs, as government documents are typeset), .pdf converted
// from that .docx by LibreOffice headless, .html with navigation, share buttons
// and a footer around the report, and text in GB18030 and UTF-16.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx';

const run = promisify(execFile);

export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));

/** Skip PDF fixtures without LibreOffice locally; in CI a missing LibreOffice fails. */
export const skipPdf = !SOFFICE && process.env.CI !== 'true';

export async function makeDocx(lines: string[], options: { header?: string } = {}): Promise<Buffer> {
  const bodyStart = lines.findIndex((l) => l.startsWith('各位代表'));
  const paragraphs = lines.map((line, i) => {
    const coverLine = i < bodyStart;
    return new Paragraph({
      alignment: coverLine ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
      indent: coverLine || i === bodyStart ? undefined : { firstLine: 480 },
      spacing: { after: i === 0 ? 240 : 0, line: 360 },
      children: [new TextRun({ text: line, size: i === 0 ? 36 : 24, bold: i === 0 })],
    });
  });
  const doc = new Document({
    styles: { default: { document: { run: { font: { eastAsia: 'Noto Serif CJK SC', ascii: 'Noto Serif CJK SC', hAnsi: 'Noto Serif CJK SC' } } } } },
    sections: [
      {
        headers: options.header
          ? { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: options.header, size: 18 })] })] }) }
          : undefined,
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['- ', PageNumber.CURRENT, ' -'], size: 18 })] })],
          }),
        },
        children: paragraphs,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/**
 * Converts files to PDF with LibreOffice headless. `exportOptions` is the
 * writer_pdf_Export filter's JSON (e.g. a document-open password).
 */
export async function toPdf(files: { name: string; bytes: Uint8Array }[], exportOptions?: object): Promise<Map<string, Buffer>> {
  if (!SOFFICE) throw new Error('LibreOffice (soffice) is not installed: apt-get install -y libreoffice-writer-nogui');
  const dir = mkdtempSync(join(tmpdir(), 'report-pdf-'));
  try {
    const inputs = files.map((f) => {
      const path = join(dir, f.name);
      writeFileSync(path, f.bytes);
      return path;
    });
    const filter = exportOptions ? `pdf:writer_pdf_Export:${JSON.stringify(exportOptions)}` : 'pdf';
    // Its own profile, so parallel test workers never share LibreOffice's lock.
    await run(SOFFICE, [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', join(dir, 'out'), ...inputs], {
      timeout: 120_000,
    });
    const out = new Map<string, Buffer>();
    for (const f of files) {
      const pdf = join(dir, 'out', basename(f.name).replace(/\.[^.]+$/, '.pdf'));
      if (!existsSync(pdf)) throw new Error(`LibreOffice did not convert ${f.name}`);
      out.set(f.name, readFileSync(pdf));
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A saved government web page: navigation, breadcrumb, share buttons and footer around the report. */
export function makeHtml(lines: string[], charset: 'utf-8' | 'gb2312' = 'utf-8'): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const [title, ...rest] = lines;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="${charset}"><title>${esc(title)}_青澜市澄川区人民政府门户网站</title>
<style>.nav a{margin:0 8px}</style><script>var _hmt = _hmt || [];</script></head>
<body>
<div class="top"><a href="/">无障碍</a> <a href="/en">English</a> <a href="/login">登录</a></div>
<nav class="nav"><a href="/">首页</a><a href="/zwgk">政务公开</a><a href="/bsfw">办事服务</a><a href="/hdjl">互动交流</a><a href="/zjcc">走进澄川</a></nav>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 政府工作报告</div>
<div class="main">
<div class="article">
<h1>${esc(title)}</h1>
<div class="info">发布时间：2024-01-20 来源：区政府办公室 浏览次数：1024 【字体：大 中 小】</div>
<div class="content" id="zoom">
${rest.map((l) => `<p>${esc(l)}</p>`).join('\n')}
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a> <a>QQ空间</a> <a href="javascript:window.print()">打印本页</a> <a>关闭窗口</a></div>
</div>
<aside class="related"><h3>相关链接</h3><ul><li><a>2023年政府工作报告</a></li><li><a>2022年政府工作报告</a></li></ul></aside>
</div>
<footer><p>主办：青澜市澄川区人民政府办公室 网站标识码：1234567890</p><p>备案号：某ICP备12345678号 联系电话：0000-12345678</p></footer>
</body></html>`;
}

/** A GB18030 encoder from the platform's decoder: enough for the characters these reports use. */
export function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}

export function encodeUtf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from(text, 'utf16le');
  if (endian === 'be') le.swap16();
  return Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), le]);
}

/**
 * A valid PDF whose pages hold only drawn shapes, no text: what a scanner
 * produces, less the image. Written by hand; offsets in the xref are exact.
 */
export function makeTextlessPdf(pages = 2): Buffer {
  const objects: string[] = [];
  const kids: string[] = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  for (let i = 0; i < pages; i++) {
    const page = 3 + i * 2;
    kids.push(`${page} 0 R`);
    const stream = `0.5 g 72 ${100 + i * 10} 400 600 re f`;
    objects[page] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${page + 1} 0 R >>`;
    objects[page + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  }
  objects[2] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages} >>`;
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let n = 1; n < objects.length; n++) {
    offsets[n] = pdf.length;
    pdf += `${n} 0 obj\n${objects[n]}\nendobj\n`;
  }
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let n = 1; n < objects.length; n++) pdf += `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}
