// One report file → its ingested report and indicator rows: the format reader
// (retrieval/ingest/readers) turns the bytes into text, ingestion does the rest,
// PDF paragraphs get their pages. Used at start-up and when a report is added.
import { createHash } from 'node:crypto';
import { assignPages } from './assignPages.js';
import { extractIndicators } from './indicators/extractIndicators.js';
import { ingestReport, type IngestSource } from './ingest/ingestReport.js';
import { readerFor, readReportFile } from './ingest/readers/readReportFile.js';
import type { IndicatorRow, Report } from './types.js';

export interface IngestedReport {
  report: Report;
  indicators: IndicatorRow[];
}

export async function ingestFile(src: IngestSource): Promise<IngestedReport> {
  let source = src;
  let pageOfLine: number[] | undefined;
  if (src.text === undefined && readerFor(src.sourceFile)) {
    const read = await readReportFile(src.sourceFile, src.bytes);
    source = { ...src, text: read.text, format: read.format };
    pageOfLine = read.pageOfLine;
  }
  const ingested = ingestReport(source);
  const paragraphs = pageOfLine ? assignPages(ingested.paragraphs, source.text!, pageOfLine) : ingested.paragraphs;
  const report: Report = { ...ingested, paragraphs };
  const indicators = extractIndicators({
    reportId: report.meta.id,
    district: report.meta.district,
    reviewYear: report.meta.reviewYear,
    planYear: report.meta.planYear,
    paragraphs: report.paragraphs,
  });
  return { report, indicators };
}

/** Hash of a report file's content: the same file added twice is a duplicate whatever its name. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
