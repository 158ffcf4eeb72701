// Reading and ingesting uploaded files in worker threads, so a hostile or merely huge file
// (a zip bomb, a 2,000-page PDF, random bytes after %PDF) never holds the server's loop:
// /healthz and questions are answered while it is parsed.
//
// piscina (the Node.js project's worker pool) does the pooling: idle threads that exit,
// per-task cancellation that terminates a running thread, and heap limits (a thread past its
// limit is stopped by V8 and replaced). Each file gets a budget (DEFAULTS.ingestWorkers):
// past its time it is cancelled (422), past its heap the thread is stopped (413), and with
// every thread busy and the queue full an upload is refused at once (503) instead of waiting
// behind others while holding its bytes. The queue is counted here: piscina's maxQueue does
// not count tasks that carry an AbortSignal, and every task here does (its time budget).
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { DEFAULTS } from '../defaults.js';
import type { IngestSource } from '../ingest/ingestReport.js';
import type { IngestedReport } from '../types.js';
import type { IngestFailureKind, IngestTaskResult } from './ingestTask.js';

export interface IngestBudget {
  timeMs: number;
  heapMb: number;
  maxThreads: number;
  queue: number;
  warm: number;
  idleMs: number;
}

/** A file that did not ingest: what kind of failure, in words a user can act on. */
export class IngestError extends Error {
  constructor(
    readonly kind: IngestFailureKind | 'too_slow' | 'busy' | 'cancelled',
    message: string,
  ) {
    super(message);
  }
}

export interface IngestPool {
  /** Reads and ingests one file in a worker; rejects with an IngestError. */
  ingest(src: IngestSource, signal?: AbortSignal): Promise<IngestedReport>;
  /** Files it takes at once: one per thread, and the queue. */
  readonly capacity: number;
  /** Stops the threads; files being read are cancelled. */
  close(): Promise<void>;
}

/**
 * The sources are TypeScript run through tsx: a worker gets tsx's loader explicitly (it
 * does not inherit it under every runner), resolved from here so any working directory works.
 */
function workerExecArgv(): string[] {
  if (!import.meta.url.endsWith('.ts')) return [];
  const loader = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(loader).href];
}

export function createIngestPool(budget: IngestBudget = DEFAULTS.ingestWorkers): IngestPool {
  const threads = Math.max(1, Math.min(budget.maxThreads, availableParallelism() - 1));
  const pool = new Piscina({
    filename: new URL(`./ingestTask${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url).href,
    execArgv: workerExecArgv(),
    minThreads: Math.min(budget.warm, threads),
    maxThreads: threads,
    idleTimeout: budget.idleMs,
    resourceLimits: { maxOldGenerationSizeMb: budget.heapMb },
  });
  // A thread that dies outside a task (its heap limit reached while starting) must not take the server with it.
  pool.on('error', (e: Error) => console.warn(`[ingest] a worker thread stopped: ${e.message}`));
  const seconds = Math.round(budget.timeMs / 1000);
  let inFlight = 0;
  const capacity = threads + budget.queue;
  return {
    capacity,
    async ingest(src, signal) {
      if (inFlight >= capacity) {
        throw new IngestError('busy', `正在处理的文件过多（${threads} 个正在读取，${budget.queue} 个在排队），请稍后再试`);
      }
      inFlight++;
      const timeout = AbortSignal.timeout(budget.timeMs);
      let result: IngestTaskResult;
      try {
        result = await pool.run(src, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      } catch (e) {
        const error = e as Error & { code?: string };
        if (timeout.aborted) throw new IngestError('too_slow', `文件处理超时：${seconds} 秒内没有读完，不像一份报告（报告通常几秒内读完）`);
        if (signal?.aborted) throw new IngestError('cancelled', '上传已取消');
        if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          throw new IngestError('too_large', `文件读取所需内存超过上限（${budget.heapMb} MB），不像一份报告`);
        }
        throw new IngestError('unreadable', `文件读取失败：${error.message}`);
      } finally {
        inFlight--;
      }
      if (!result.ok) throw new IngestError(result.kind, result.message);
      return result.ingested;
    },
    close: () => pool.destroy(),
  };
}

let shared: IngestPool | undefined;

/** One pool per process with the default budget, made at the first upload (its threads never keep the process alive). */
export function sharedIngestPool(): IngestPool {
  shared ??= createIngestPool();
  return shared;
}
