// Run as a child process by test/retrieval/corpus/crashSafety.test.ts: one change to a reports folder
// (add, correct or delete a report) through the report store, killed with SIGKILL at its
// k-th write, rename or removal (faultInjection.ts), or run to its end. Its last line of
// output is JSON: the steps it took.
import { injectFaults } from './faultInjection.js';

export interface StoreJob {
  dir: string;
  op: 'add' | 'update' | 'delete';
  /** 0: run to the end. */
  killAt: number;
  name?: string;
  text?: string;
  id?: string;
  fields?: Record<string, string>;
}

const job = JSON.parse(process.argv[2]) as StoreJob;
const injection = await injectFaults(job.dir);
const { loadCorpus } = await import('../../retrieval/corpus/loadCorpus.js');
const { createReportStore } = await import('../../retrieval/corpus/reportStore.js');
const { createTokenizer } = await import('../../retrieval/tokenize/createTokenizer.js');

const corpus = await loadCorpus({ dir: null, reportsDir: job.dir, cacheDir: false, tokenizer: createTokenizer('bigram') });
const store = createReportStore(corpus, job.dir);
injection.arm(job.killAt);
if (job.op === 'add') await store.add(job.name!, Buffer.from(job.text!), job.fields);
else if (job.op === 'update') await store.update(job.id!, job.fields!);
else await store.remove(job.id!);
console.log(JSON.stringify({ steps: injection.steps }));
process.exit(0);
