// One report file → its ingested report and indicator rows: the format reader
// (retrieval/ingest/readers) turns the bytes into text, ingestion does the rest,
// PDF paragraphs get their pages. Used at start-up and when a report is added.
import { createHash } from 'node:crypto';
import { DEFAULTS } from '../defaults.js';
import { assignPages } from '../ingest/assignPages.js';
import { extractIndicators } from '../indicators/extractIndicators.js';
import { ingestReport, type IngestSource } from '../ingest/ingestReport.js';
import { ReportTooLargeError } from '../ingest/readers/ReportReader.js';
import { extractQuantities } from '../quantities/extractQuantities.js';
import type { IngestedReport, Report } from '../types.js';
import { readerFor, readReportFile } from '../ingest/readers/readReportFile.js';

/** Time spent extracting records and the indicator view, added to `timing` when given (loadCorpus's stats). */
export async function ingestFile(src: IngestSource, timing?: { quantitiesMs: number; indicatorsMs: number }): Promise<IngestedReport> {
  let source = src;
  let pageOfLine: number[] | undefined;
  if (src.text === undefined && readerFor(src.sourceFile)) {
    const read = await readReportFile(src.sourceFile, src.bytes);
    source = { ...src, text: read.text, format: read.format };
    pageOfLine = read.pageOfLine;
  }
  if (source.text !== undefined && source.text.length > DEFAULTS.maxReportChars) {
    const chars = (n: number) => `${Math.round(n / 1000).toLocaleString('en')} 千字`;
    throw new ReportTooLargeError(`文字过多：${chars(source.text.length)}，上限 ${chars(DEFAULTS.maxReportChars)}。一份政府工作报告通常不超过 3 万字`);
  }
  const ingested = ingestReport(source);
  const paragraphs = pageOfLine ? assignPages(ingested.paragraphs, source.text!, pageOfLine) : ingested.paragraphs;
  const report: Report = { ...ingested, paragraphs };
  const t0 = performance.now();
  const quantities = extractQuantities({ meta: report.meta, paragraphs: report.paragraphs });
  const t1 = performance.now();
  const indicators = extractIndicators({
    reportId: report.meta.id,
    place: report.meta.place,
    reviewYear: report.meta.reviewYear,
    planYear: report.meta.planYear,
    paragraphs: report.paragraphs,
    quantities,
  });
  if (timing) {
    timing.quantitiesMs += t1 - t0;
    timing.indicatorsMs += performance.now() - t1;
  }
  return { report, indicators, quantities };
}

/** Hash of a report file's content: the same file added twice is a duplicate whatever its name. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
