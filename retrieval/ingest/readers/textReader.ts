// .txt (and, under markdownReader, .md): UTF-8 (with or without BOM), GB18030/GBK/GB2312, and UTF-16
// with a BOM (what Windows Notepad writes as "Unicode").
import { decodeText, ReportReadError } from '../decodeText.js';
import type { ReadResult, ReportReader } from './ReportReader.js';
import { SNIFFED_NAMES, sniffBytes } from './sniffBytes.js';

export const textReader: ReportReader = {
  extensions: ['.txt', '.text'],
  async read(bytes: Uint8Array): Promise<ReadResult> {
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
    if (utf16) {
      let text: string;
      try {
        text = new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2));
      } catch {
        throw new ReportReadError(`无法按 ${utf16.toUpperCase()} 解码 (broken UTF-16)`);
      }
      // The same checks as any text report (blank, binary, not Chinese), on its UTF-8 form.
      return { text: decodeText(new TextEncoder().encode(text)).text, format: utf16 };
    }
    const kind = sniffBytes(bytes);
    if (kind !== 'unknown') throw new ReportReadError(`不是文本文件：内容是${SNIFFED_NAMES[kind]}`);
    const { text, encoding } = decodeText(bytes);
    return { text, format: encoding };
  },
};
