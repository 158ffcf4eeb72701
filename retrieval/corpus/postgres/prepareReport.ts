// One report file → everything the database keeps of it: the ingested report
// (ingestFile, as the in-memory corpus ingests it), each passage's tokens per
// field from the one tokenizer module the embedded index uses, and the hashes
// duplicates are found by. Pure computation, so bulk loads run it in worker threads.
import type { IngestSource } from '../../ingest/ingestReport.js';
import { textFingerprint } from '../../ingest/textFingerprint.js';
import { countTerms, type PerField, type TermCounts } from '../../index/statsScorer.js';
import type { IngestedReport, Passage, ReportOrigin } from '../../types.js';
import { contentHash, ingestFile } from '../ingestFile.js';

export interface PassageTerms {
  /** Every token with its counts in the text, section title and lead. */
  tf: TermCounts;
  lengths: PerField;
}

export interface PreparedReport {
  ingested: IngestedReport;
  passageTerms: PassageTerms[];
  sourceFile: string;
  bytes: Uint8Array;
  fileHash: string;
  textHash: string;
  overrides?: IngestSource['overrides'];
  /** Name of the tokenizer that made the terms. */
  tokenizer: string;
}

/** Where a stored report came from, beside its origin: seeds/, the reports folder, an upload, npm run db:load. */
export type ReportSource = 'seeds' | 'reports-dir' | 'upload' | 'load' | 'files';

export interface ReportPlacement {
  origin: ReportOrigin;
  source: ReportSource;
}

/** The fields MiniSearch indexes, tokenised as it tokenises them (miniSearchBackend.ts docOf). */
export function passageTerms(p: Passage, tokenize: (text: string) => string[]): PassageTerms {
  return countTerms([tokenize(p.text), tokenize(p.sectionTitle), tokenize(p.lead)]);
}

/** `ingest` reads the file: in this thread by default, in the server's worker threads for uploads. */
export async function prepareReport(
  src: IngestSource,
  tokenizer: { name: string; tokenize(text: string): string[] },
  ingest: (src: IngestSource, signal?: AbortSignal) => Promise<IngestedReport> = (s) => ingestFile(s),
  signal?: AbortSignal,
): Promise<PreparedReport> {
  const ingested = await ingest(src, signal);
  const tokenize = (t: string) => tokenizer.tokenize(t);
  return {
    ingested,
    passageTerms: ingested.report.passages.map((p) => passageTerms(p, tokenize)),
    sourceFile: src.sourceFile,
    bytes: src.bytes,
    fileHash: contentHash(src.bytes),
    textHash: textFingerprint(ingested.report.paragraphs),
    ...(src.overrides ? { overrides: src.overrides } : {}),
    tokenizer: tokenizer.name,
  };
}
