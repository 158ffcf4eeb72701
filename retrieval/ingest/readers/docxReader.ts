// .docx: paragraph text through mammoth, which reads Word's document body only
// (running headers, footers and page numbers live in other parts of the package
// and never reach the text). Bytes are checked first, so a renamed executable or
// an old binary .doc gets a plain reason instead of a zip-library message.
import mammoth from 'mammoth';
import { DEFAULTS } from '../../defaults.js';
import { decodeText, ReportReadError } from '../decodeText.js';
import { ReportTooLargeError, type ReadResult, type ReportReader } from './ReportReader.js';
import { SNIFFED_NAMES, sniffBytes } from './sniffBytes.js';
import { measureInflated, zipEntries, zipSummary } from './zipEntries.js';

const BOMB = 'Word 文件解压后过大或文件数过多，不像一份报告（疑似压缩炸弹），已拒绝';

export const docxReader: ReportReader = {
  extensions: ['.docx'],
  async read(bytes: Uint8Array): Promise<ReadResult> {
    if (bytes.length === 0) throw new ReportReadError('文件为空 (empty file)');
    const kind = sniffBytes(bytes);
    if (kind === 'ole') throw new ReportReadError('这是旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 或 PDF 后再添加');
    if (kind !== 'zip') throw new ReportReadError(`不是 Word（.docx）文件：内容是${SNIFFED_NAMES[kind]}`);
    const entries = zipEntries(bytes);
    if (!entries) throw new ReportReadError('Word 文件已损坏：找不到 ZIP 目录');
    const zip = zipSummary(bytes)!;
    if (zip.uncompressedBytes > DEFAULTS.maxDocxInflatedBytes || zip.entries > DEFAULTS.maxDocxEntries) {
      throw new ReportTooLargeError(BOMB);
    }
    // What the directory declares may be a lie: inflate as a stream, counting, before mammoth inflates it for real.
    const inflated = await measureInflated(bytes, entries, {
      maxBytes: DEFAULTS.maxDocxInflatedBytes,
      maxRatio: DEFAULTS.maxDocxInflateRatio,
      ratioGraceBytes: DEFAULTS.docxRatioGraceBytes,
    });
    if (!inflated.ok && inflated.reason === 'damaged') throw new ReportReadError(`Word 文件已损坏：${inflated.entry} ${inflated.detail}`);
    if (!inflated.ok) throw new ReportTooLargeError(BOMB);
    let raw: string;
    try {
      raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
    } catch (e) {
      throw new ReportReadError(`Word 文件已损坏或不是 .docx：${(e as Error).message.split('\n')[0]}`);
    }
    // mammoth ends every paragraph with a blank line; one line per paragraph is what ingestion reads.
    const text = raw
      .split(/\n+/)
      .map((l) => l.trim())
      .filter(Boolean)
      .join('\n');
    decodeText(new TextEncoder().encode(text));
    return { text, format: 'docx' };
  },
};
