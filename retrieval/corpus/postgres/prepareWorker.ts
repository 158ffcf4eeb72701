// A worker thread of npm run db:load: ingests and tokenises report files sent by
// preparePool.ts, with the tokenizer the environment chooses (as the main thread does).
import { parentPort } from 'node:worker_threads';
import type { IngestSource } from '../../ingest/ingestReport.js';
import { tokenizerFromEnv } from '../../tokenize/tokenizerFromEnv.js';
import { prepareReport } from './prepareReport.js';

const tokenizer = tokenizerFromEnv();

parentPort!.on('message', async ({ job, source }: { job: number; source: IngestSource }) => {
  try {
    const prepared = await prepareReport(source, tokenizer);
    // The bytes stay with the sender.
    parentPort!.postMessage({ job, prepared: { ...prepared, bytes: new Uint8Array(0) } });
  } catch (e) {
    parentPort!.postMessage({ job, error: (e as Error).message });
  }
});
