// The file-format reader seam: one small interface, one implementation per
// format (text, HTML, Word, PDF), one shared contract suite
// (test/retrieval/ingest/readers/readers.contract.test.ts). A reader only turns
// bytes into the report's text; everything after that is the same ingestion as
// for a .txt, so paragraphs, ids and citations look the same whatever the format.
import { ReportReadError } from '../decodeText.js';

export { ReportReadError };

/** The file's format is not one we read (415), as opposed to a file of a known format we could not read (400). */
export class UnsupportedFormatError extends Error {}

/**
 * The file asks for more than any report needs: it inflates past the budget (a zip bomb) or
 * holds more text than a report (413), as opposed to a file that is damaged (400).
 */
export class ReportTooLargeError extends ReportReadError {}

export interface ReadResult {
  /** The report's text, one paragraph or cover line per line. */
  text: string;
  /** What produced the text: `utf-8`, `gb18030`, `utf-16le`, `html`, `docx`, `pdf`. */
  format: string;
  /** PDF only: the page (1-based) each line of `text` starts on, aligned with text.split('\n'). */
  pageOfLine?: number[];
}

export interface ReportReader {
  /** Lower-case extensions with the dot: `.pdf`. */
  readonly extensions: readonly string[];
  read(bytes: Uint8Array): Promise<ReadResult>;
}
