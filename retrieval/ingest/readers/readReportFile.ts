// One entry point for every report file: picks the reader by extension and
// says plainly when a format is not supported.
import { extname } from 'node:path';
import { docxReader } from './docxReader.js';
import { htmlReader } from './htmlReader.js';
import { markdownReader } from './markdownReader.js';
import { pdfReader } from './pdfReader.js';
import { UnsupportedFormatError, type ReadResult, type ReportReader } from './ReportReader.js';
import { textReader } from './textReader.js';

export const READERS: readonly ReportReader[] = [textReader, markdownReader, htmlReader, docxReader, pdfReader];

/** Extensions a report file may have, e.g. for a file picker's accept list. */
export const REPORT_EXTENSIONS: readonly string[] = READERS.flatMap((r) => r.extensions);

export function readerFor(fileName: string): ReportReader | undefined {
  const ext = extname(fileName).toLowerCase();
  return READERS.find((r) => r.extensions.includes(ext));
}

export function isReportFile(fileName: string): boolean {
  return readerFor(fileName) !== undefined;
}

export async function readReportFile(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  const reader = readerFor(fileName);
  if (!reader) {
    const ext = extname(fileName).toLowerCase() || '（无扩展名）';
    const hint = ext === '.doc' ? '请另存为 .docx 或 PDF。' : ext === '.wps' ? '请在 WPS 中另存为 .docx 或 PDF。' : '';
    throw new UnsupportedFormatError(`不支持 ${ext} 格式。可添加：${REPORT_EXTENSIONS.join(' ')}。${hint}`);
  }
  return reader.read(bytes);
}
