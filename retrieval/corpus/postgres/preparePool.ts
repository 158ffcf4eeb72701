// Worker threads that ingest and tokenise report files for a bulk load (ingestion is
// CPU work: ~40 ms a report on one core). Jobs go to the least busy worker; results
// come back as prepared reports, errors as Errors, never thrown.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { IngestSource } from '../../ingest/ingestReport.js';
import type { PreparedReport } from './prepareReport.js';

export interface PreparePool {
  readonly size: number;
  prepare(source: IngestSource): Promise<PreparedReport | Error>;
  close(): Promise<void>;
}

export function createPreparePool(size: number = Math.max(1, availableParallelism())): PreparePool {
  const url = new URL(`./prepareWorker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  // Under tsx (npm run …) a worker loads TypeScript through tsx's loader, registered in the worker itself.
  const spawn = () =>
    url.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); })`, { eval: true })
      : new Worker(url);
  type Waiting = { resolve: (r: PreparedReport | Error) => void; bytes: Uint8Array };
  const workers = Array.from({ length: size }, () => ({ worker: spawn(), waiting: new Map<number, Waiting>(), dead: false }));
  let jobs = 0;
  for (const w of workers) {
    w.worker.on('message', (m: { job: number; prepared?: PreparedReport; error?: string }) => {
      const wait = w.waiting.get(m.job);
      if (!wait) return;
      w.waiting.delete(m.job);
      wait.resolve(m.prepared ? { ...m.prepared, bytes: wait.bytes } : new Error(m.error ?? 'unknown error'));
    });
    // A worker that dies fails its own jobs; the others go on.
    const fail = (why: string) => {
      w.dead = true;
      for (const wait of w.waiting.values()) wait.resolve(new Error(`ingest worker failed: ${why}`));
      w.waiting.clear();
    };
    w.worker.on('error', (e) => fail(e.message));
    w.worker.on('exit', (code) => fail(`exited with code ${code}`));
  }
  return {
    size,
    prepare: (source) =>
      new Promise((resolve) => {
        const alive = workers.filter((w) => !w.dead);
        if (alive.length === 0) return resolve(new Error('every ingest worker failed'));
        const w = alive.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
        const job = ++jobs;
        w.waiting.set(job, { resolve, bytes: source.bytes });
        w.worker.postMessage({ job, source });
      }),
    close: async () => {
      for (const w of workers) w.dead = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
