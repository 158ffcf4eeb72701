// What a worker thread of the ingest pool runs: one report file → its ingested report.
// Errors cross the thread boundary as plain data (a class does not survive the copy), with
// the kind the report store needs to answer 400, 413 or 415.
import { ReportTooLargeError, UnsupportedFormatError } from '../ingest/readers/ReportReader.js';
import type { IngestSource } from '../ingest/ingestReport.js';
import type { IngestedReport } from '../types.js';
import { ingestFile } from './ingestFile.js';

export type IngestFailureKind = 'unsupported' | 'too_large' | 'unreadable';

export type IngestTaskResult = { ok: true; ingested: IngestedReport } | { ok: false; kind: IngestFailureKind; message: string };

export default async function ingestTask(src: IngestSource): Promise<IngestTaskResult> {
  try {
    return { ok: true, ingested: await ingestFile(src) };
  } catch (e) {
    const kind: IngestFailureKind = e instanceof ReportTooLargeError ? 'too_large' : e instanceof UnsupportedFormatError ? 'unsupported' : 'unreadable';
    return { ok: false, kind, message: e instanceof Error ? e.message : String(e) };
  }
}
