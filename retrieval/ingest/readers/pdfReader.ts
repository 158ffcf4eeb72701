// .pdf through unpdf: Mozilla's PDF.js packaged for server runtimes (no canvas,
// no worker set-up, works on Node 20), with text positions, so pdfLayout.ts can
// put lines in reading order, drop running headers, footers and page numbers,
// and rejoin paragraphs across line and page breaks. Each line of the text keeps
// the page it starts on, so a citation can name its page.
import { getDocumentProxy } from 'unpdf';
import { DEFAULTS } from '../../defaults.js';
import { decodeText, ReportReadError } from '../decodeText.js';
import { dropRunningLines, joinLines, pageLines, type PdfTextItem } from './pdfLayout.js';
import { ReportTooLargeError, type ReadResult, type ReportReader } from './ReportReader.js';
import { SNIFFED_NAMES, sniffBytes } from './sniffBytes.js';

export const SCANNED_PDF = '扫描件，没有可提取的文字：这个 PDF 的页面是图片。请找带文字的版本（网页、Word 或可复制文字的 PDF），或先做文字识别（OCR）';

export const pdfReader: ReportReader = {
  extensions: ['.pdf'],
  async read(bytes: Uint8Array): Promise<ReadResult> {
    if (bytes.length === 0) throw new ReportReadError('文件为空 (empty file)');
    const kind = sniffBytes(bytes);
    if (kind !== 'pdf') throw new ReportReadError(`文件扩展名是 .pdf，但内容不是 PDF：是${SNIFFED_NAMES[kind]}`);
    let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
    try {
      // PDF.js may take over the buffer it is given: hand it a copy.
      doc = await getDocumentProxy(new Uint8Array(bytes), { disableFontFace: true, useSystemFonts: false, verbosity: 0 });
    } catch (e) {
      const name = (e as Error).name;
      if (name === 'PasswordException') throw new ReportReadError('PDF 有密码保护，无法读取。请去除打开密码后再添加');
      throw new ReportReadError(`PDF 文件已损坏，无法读取：${(e as Error).message}`);
    }
    try {
      const pages = [];
      // Reading stops once the text is longer than any report's (a 2,000-page PDF), not after the last page.
      let chars = 0;
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        const items: PdfTextItem[] = [];
        for (const it of content.items) {
          if (!('str' in it)) continue;
          const [a, b, , d, x, y] = it.transform as number[];
          items.push({ str: it.str, x, y, width: it.width, height: it.height || Math.hypot(b, d) || Math.abs(a) });
          chars += it.str.length;
        }
        pages.push(pageLines(items, n));
        page.cleanup();
        if (chars > DEFAULTS.maxReportChars) {
          throw new ReportTooLargeError(`PDF 文字过多：前 ${n} 页（共 ${doc.numPages} 页）已超过 ${DEFAULTS.maxReportChars / 1000} 千字的上限，不像一份政府工作报告`);
        }
      }
      const paragraphs = joinLines(dropRunningLines(pages));
      const visible = paragraphs.reduce((s, p) => s + p.text.replace(/\s/g, '').length, 0);
      if (visible < doc.numPages * DEFAULTS.pdf.minCharsPerPage) throw new ReportReadError(SCANNED_PDF);
      const text = paragraphs.map((p) => p.text).join('\n');
      decodeText(new TextEncoder().encode(text));
      return { text, format: 'pdf', pageOfLine: paragraphs.map((p) => p.page) };
    } finally {
      await doc.loadingTask.destroy();
    }
  },
};
