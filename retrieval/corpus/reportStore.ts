// Adds, corrects and removes user reports in the reports folder (REPORTS_DIR)
// and in the loaded corpus together, so the two never disagree:
// - a file is read and ingested first, in a worker thread (retrieval/worker), with a time
//   and memory budget; only a report that ingests is written;
// - writes are durable before an upload is acknowledged: temp file, fsync, rename, fsync
//   of the folder (storage/writeFileDurably.ts). The sidecar is written before the report
//   file and removed after it, each change recorded first in a journal entry, so a crash at
//   any point leaves a whole report or none once the next start has recovered the folder
//   (storage/reportJournal.ts);
// - a failed step undoes the steps before it; nothing is half-added;
// - changes to the folder and the corpus run one at a time, so concurrent uploads cannot
//   race for an id (an id and a content hash are reserved while their file is read);
// - names come from the report id, made of letters, digits, - and _ only, so
//   nothing is ever written outside the folder whatever the uploaded name says;
// - a folder that is full or read-only is said to be so (StorageError), never "retry later".
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, unlink } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { DEFAULTS } from '../defaults.js';
import type { MetaOverrides } from '../ingest/metaOverrides.js';
import { readerFor, REPORT_EXTENSIONS } from '../ingest/readers/readReportFile.js';
import type { IngestSource } from '../ingest/ingestReport.js';
import { withConflictWarnings } from '../indicators/figureConflicts.js';
import { beginChange, endChange, type PendingChange } from '../storage/reportJournal.js';
import { StorageError, storageErrorOf } from '../storage/StorageError.js';
import { syncDirectory } from '../storage/syncDirectory.js';
import { writeFileDurably } from '../storage/writeFileDurably.js';
import type { Corpus, IngestedReport, Report } from '../types.js';
import { contentHash } from './ingestFile.js';
import { IngestError, sharedIngestPool } from './ingestPool.js';
import { uploadAdmission } from './uploadAdmission.js';
import { addReportGradually, removeReportGradually } from './loadCorpus.js';
import { readSidecar, sidecarPath, sizeLimitFor, SIDECAR_SUFFIX } from './reportFiles.js';

export type ReportStoreErrorKind =
  | 'unsupported'
  | 'too_large'
  | 'too_slow'
  | 'busy'
  | 'unreadable'
  | 'duplicate'
  | 'builtin'
  | 'not_found'
  | 'cancelled';

export class ReportStoreError extends Error {
  constructor(
    readonly kind: ReportStoreErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface ReportChange {
  report: Report;
  warnings: string[];
}

export interface ReportStore {
  readonly dir: string;
  /** `signal`: the client went away; reading the file stops. */
  add(fileName: string, bytes: Uint8Array, overrides?: MetaOverrides, signal?: AbortSignal): Promise<ReportChange>;
  /**
   * Admits one upload before its body is read, or refuses it (undefined) when as many are
   * already in hand as the readers take at once: a burst is refused without reading 25 MB
   * each. The caller releases the admission when the upload is answered.
   */
  admit(): (() => void) | undefined;
  /** Merges `overrides` into the report's sidecar and re-ingests it. */
  update(id: string, overrides: MetaOverrides): Promise<ReportChange>;
  remove(id: string): Promise<void>;
}

const megabytes = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/**
 * A file name → a report id safe as a file name, in a URL and inside paragraph ids:
 * 2024年 澄川区/../x.pdf → x. Cut between characters, so the id is the same string after a
 * restart (read back from the stored file's name) and encodes in any URL.
 */
export function safeReportId(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.includes('.') ? base.slice(0, base.lastIndexOf('.')) : base;
  const slug = stem
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  const chars = Array.from(slug).slice(0, DEFAULTS.maxReportIdChars);
  while (chars.length > 0 && Buffer.byteLength(chars.join('')) > DEFAULTS.maxReportIdBytes) chars.pop();
  const id = chars.join('').replace(/[-_]+$/, '');
  return id || 'report';
}

/** What ingestion could not read from the text, and figures another report of the place and year states otherwise. */
function warningsOf(corpus: Corpus, report: Report): string[] {
  return withConflictWarnings(corpus, report.meta).warnings ?? [];
}

/** Reads and ingests one file: in a worker of the ingest pool unless a test or tool gives another way. */
export type Ingest = (src: IngestSource, signal?: AbortSignal) => Promise<IngestedReport>;

export interface ReportStoreOptions {
  /** Default: the process's shared ingest pool (worker threads, DEFAULTS.ingestWorkers). */
  ingest?: Ingest;
  /** Files `ingest` takes at once (its threads and queue); uploads past it are refused. */
  capacity?: number;
}

export function createReportStore(corpus: Corpus, dir: string, options: ReportStoreOptions = {}): ReportStore {
  const root = resolve(dir);
  const ingestInWorker: Ingest = options.ingest ?? ((src, signal) => sharedIngestPool().ingest(src, signal));
  const capacity = options.capacity ?? (options.ingest ? Infinity : sharedIngestPool().capacity);
  const admit = uploadAdmission(capacity);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  // Ids and contents of files being read: the next upload of the name or the same file must not take them.
  const reservedIds = new Set<string>();
  const reservedHashes = new Map<string, string>();
  const inside = (name: string): string => {
    const path = resolve(root, name);
    if (!path.startsWith(root + sep) || name.includes('/') || name.includes('\\')) throw new Error(`refusing a path outside the reports folder: ${name}`);
    return path;
  };
  /** A file-system step: its failure is a StorageError saying what is wrong with the folder. */
  const disk = async <T>(action: string, step: () => Promise<T>): Promise<T> => {
    try {
      return await step();
    } catch (e) {
      if (e instanceof StorageError || e instanceof ReportStoreError) throw e;
      throw storageErrorOf(e, action);
    }
  };
  const ingest = async (src: IngestSource, signal?: AbortSignal) => {
    try {
      return await ingestInWorker(src, signal);
    } catch (e) {
      // Any reason ingestion gives (no text, no date, not a report, over its budget …) is the user's to read.
      if (e instanceof IngestError) throw new ReportStoreError(e.kind, e.message);
      throw new ReportStoreError('unreadable', (e as Error).message);
    }
  };
  const added = (id: string): Report => {
    const report = corpus.reportById.get(id);
    if (!report) throw new ReportStoreError('not_found', `没有编号为 ${id} 的报告`);
    if (corpus.origins.get(id) !== 'added') throw new ReportStoreError('builtin', `${id} 是内置报告，不能修改或删除`);
    return report;
  };
  const sidecarName = (id: string) => `${id}${SIDECAR_SUFFIX}`;
  const sidecarJson = (overrides: MetaOverrides) => JSON.stringify(overrides, null, 2) + '\n';

  return {
    dir: root,
    admit,
    async add(fileName, bytes, overrides, signal) {
      const ext = extname(fileName).toLowerCase();
      if (!readerFor(fileName)) {
        throw new ReportStoreError('unsupported', `不支持 ${ext || '无扩展名的'}文件。可添加：${REPORT_EXTENSIONS.join(' ')}`);
      }
      if (bytes.length === 0) throw new ReportStoreError('unreadable', '文件为空（0 字节）');
      const limit = sizeLimitFor(fileName);
      if (bytes.length > limit) throw new ReportStoreError('too_large', `文件过大：${megabytes(bytes.length)}，上限 ${megabytes(limit)}`);
      const hash = contentHash(bytes);
      const same = [...corpus.contentHashes].find(([, h]) => h === hash)?.[0] ?? reservedHashes.get(hash);
      if (same) throw new ReportStoreError('duplicate', `这个文件已经添加过：与报告 ${same} 内容相同`);

      const base = safeReportId(fileName);
      // A file or a stray sidecar of that id in the folder takes it too: the next start would read them.
      const taken = (id: string) =>
        corpus.reportById.has(id) || reservedIds.has(id) || existsSync(sidecarPath(root, id)) || REPORT_EXTENSIONS.some((e) => existsSync(join(root, id + e)));
      let id = base;
      for (let n = 2; taken(id); n++) id = `${base}-${n}`;
      reservedIds.add(id);
      reservedHashes.set(hash, id);
      try {
        const sourceFile = id + ext;
        const given = overrides && Object.keys(overrides).length > 0 ? overrides : undefined;
        const ingested = await ingest({ id, sourceFile, bytes, overrides: given }, signal);
        // The same report in another format (a .pdf of a .txt already added) has other bytes but the same text.
        const sameText = corpus.findSameText(ingested.report.paragraphs);
        if (sameText) throw new ReportStoreError('duplicate', `这份报告已经添加过：与报告 ${sameText} 文字相同（同一份报告的另一个文件）`);
        return await serial(async () => {
          // The sidecar first, the report file last: a report file on disk is a whole report.
          const change: PendingChange = { op: 'add', id, files: [...(given ? [sidecarName(id)] : []), sourceFile] };
          await disk('保存报告', async () => {
            await mkdir(root, { recursive: true });
            await beginChange(root, change);
          });
          try {
            await disk('保存报告', async () => {
              if (given) await writeFileDurably(root, sidecarName(id), sidecarJson(given));
              await writeFileDurably(root, sourceFile, bytes);
            });
            await addReportGradually(corpus, ingested, 'added', hash);
          } catch (e) {
            // Undone in the reverse order. What cannot be undone now is settled at the next start from
            // the journal entry, which then stays: without its report file the add is rolled back.
            try {
              await rm(inside(sourceFile), { force: true });
              await rm(inside(sidecarName(id)), { force: true });
              await endChange(root, change);
            } catch {
              // left to recoverReportsDir
            }
            throw e;
          }
          await disk('保存报告', () => endChange(root, change));
          return { report: ingested.report, warnings: warningsOf(corpus, ingested.report) };
        });
      } finally {
        reservedIds.delete(id);
        reservedHashes.delete(hash);
      }
    },

    update: (id, overrides) =>
      serial(async () => {
        const report = added(id);
        const sourceFile = report.meta.sourceFile;
        const bytes = await disk('读取报告', () => readFile(inside(sourceFile)));
        const merged = { ...readSidecar(root, id), ...overrides };
        const ingested = await ingest({ id, sourceFile, bytes, overrides: merged });
        const previous = await readFile(sidecarPath(root, id), 'utf8').catch(() => undefined);
        // One atomic rename: the old sidecar or the new one, never neither.
        await disk('保存元数据', () => writeFileDurably(root, sidecarName(id), sidecarJson(merged)));
        try {
          await addReportGradually(corpus, ingested, 'added', corpus.contentHashes.get(id) ?? contentHash(bytes));
        } catch (e) {
          await (previous === undefined ? rm(sidecarPath(root, id), { force: true }).then(() => syncDirectory(root)) : writeFileDurably(root, sidecarName(id), previous));
          throw e;
        }
        return { report: ingested.report, warnings: warningsOf(corpus, ingested.report) };
      }),

    remove: (id) =>
      serial(async () => {
        const report = added(id);
        // The report file first, the sidecar after: the reverse of adding. Once the report
        // file is gone the delete holds; a sidecar left by a crash goes at the next start.
        const change: PendingChange = { op: 'delete', id, files: [report.meta.sourceFile, sidecarName(id)] };
        await disk('删除报告', () => beginChange(root, change));
        try {
          // A file already gone (removed by hand) is as good as removed.
          await disk('删除报告', () => unlink(inside(report.meta.sourceFile)).catch((e: NodeJS.ErrnoException) => {
            if (e.code !== 'ENOENT') throw e;
          }));
        } catch (e) {
          await endChange(root, change).catch(() => undefined);
          throw e;
        }
        await removeReportGradually(corpus, id);
        try {
          await rm(inside(sidecarName(id)), { force: true });
          await endChange(root, change);
        } catch (e) {
          console.warn(`[reports] ${id}: the sidecar is removed at the next start (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
        }
      }),
  };
}
