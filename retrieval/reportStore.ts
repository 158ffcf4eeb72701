// Adds, corrects and removes user reports in the reports folder (REPORTS_DIR)
// and in the loaded corpus together, so the two never disagree:
// - a file is read and ingested in memory first; only a report that ingests is
//   written, to a dot-named temp file renamed into place (a half-written upload
//   is never a report, and the loader skips dot files);
// - metadata corrections go to the sidecar <id>.meta.json the same way;
// - a failed step undoes the steps before it; nothing is half-added;
// - mutations run one at a time, so concurrent uploads cannot race for an id;
// - names come from the report id, made of letters, digits, - and _ only, so
//   nothing is ever written outside the folder whatever the uploaded name says.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { DEFAULTS } from './defaults.js';
import { ReportReadError } from './ingest/decodeText.js';
import type { MetaOverrides } from './ingest/metaOverrides.js';
import { readerFor, REPORT_EXTENSIONS } from './ingest/readers/readReportFile.js';
import { contentHash, ingestFile } from './ingestFile.js';
import { withConflictWarnings } from './figureConflicts.js';
import type { Corpus } from './loadCorpus.js';
import { readSidecar, sidecarPath, sizeLimitFor, SIDECAR_SUFFIX } from './reportFiles.js';
import type { Report } from './types.js';

export type ReportStoreErrorKind = 'unsupported' | 'too_large' | 'unreadable' | 'duplicate' | 'builtin' | 'not_found';

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
  add(fileName: string, bytes: Uint8Array, overrides?: MetaOverrides): Promise<ReportChange>;
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

export function createReportStore(corpus: Corpus, dir: string): ReportStore {
  const root = resolve(dir);
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn);
    queue = run.catch(() => undefined);
    return run;
  };
  const inside = (name: string): string => {
    const path = resolve(root, name);
    if (!path.startsWith(root + sep) || name.includes('/') || name.includes('\\')) throw new Error(`refusing a path outside the reports folder: ${name}`);
    return path;
  };
  /** Writes `bytes` to `name` in the folder: temp file, then rename. */
  const writeAtomic = (name: string, bytes: Uint8Array | string) => {
    mkdirSync(root, { recursive: true });
    const target = inside(name);
    const tmp = inside(`.${name}.${process.pid}.${Date.now()}.tmp`);
    try {
      writeFileSync(tmp, bytes);
      renameSync(tmp, target);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw e;
    }
  };
  const ingest = async (id: string, sourceFile: string, bytes: Uint8Array, overrides: MetaOverrides | undefined) => {
    try {
      return await ingestFile({ id, sourceFile, bytes, overrides });
    } catch (e) {
      // Any reason ingestion gives (no text, no date, not a report …) is the user's to read.
      const reason = e instanceof ReportReadError ? e.message : (e as Error).message;
      throw new ReportStoreError('unreadable', reason);
    }
  };
  const added = (id: string): Report => {
    const report = corpus.reportById.get(id);
    if (!report) throw new ReportStoreError('not_found', `没有编号为 ${id} 的报告`);
    if (corpus.origins.get(id) !== 'added') throw new ReportStoreError('builtin', `${id} 是内置报告，不能修改或删除`);
    return report;
  };

  return {
    dir: root,
    add: (fileName, bytes, overrides) =>
      serial(async () => {
        const ext = extname(fileName).toLowerCase();
        if (!readerFor(fileName)) {
          throw new ReportStoreError('unsupported', `不支持 ${ext || '无扩展名的'}文件。可添加：${REPORT_EXTENSIONS.join(' ')}`);
        }
        if (bytes.length === 0) throw new ReportStoreError('unreadable', '文件为空（0 字节）');
        const limit = sizeLimitFor(fileName);
        if (bytes.length > limit) throw new ReportStoreError('too_large', `文件过大：${megabytes(bytes.length)}，上限 ${megabytes(limit)}`);
        const hash = contentHash(bytes);
        const same = [...corpus.contentHashes].find(([, h]) => h === hash)?.[0];
        if (same) throw new ReportStoreError('duplicate', `这个文件已经添加过：与报告 ${same} 内容相同`);

        const base = safeReportId(fileName);
        // A file or a stray sidecar of that id in the folder takes it too: the next start would read them.
        const taken = (id: string) =>
          corpus.reportById.has(id) || existsSync(sidecarPath(root, id)) || REPORT_EXTENSIONS.some((e) => existsSync(join(root, id + e)));
        let id = base;
        for (let n = 2; taken(id); n++) id = `${base}-${n}`;
        const sourceFile = id + ext;
        const given = overrides && Object.keys(overrides).length > 0 ? overrides : undefined;
        const ingested = await ingest(id, sourceFile, bytes, given);

        writeAtomic(sourceFile, bytes);
        try {
          if (given) writeAtomic(`${id}${SIDECAR_SUFFIX}`, JSON.stringify(given, null, 2) + '\n');
          corpus.addReport(ingested, 'added', hash);
        } catch (e) {
          rmSync(inside(sourceFile), { force: true });
          rmSync(inside(`${id}${SIDECAR_SUFFIX}`), { force: true });
          throw e;
        }
        return { report: ingested.report, warnings: warningsOf(corpus, ingested.report) };
      }),

    update: (id, overrides) =>
      serial(async () => {
        const report = added(id);
        const sourceFile = report.meta.sourceFile;
        const bytes = readFileSync(inside(sourceFile));
        const merged = { ...readSidecar(root, id), ...overrides };
        const ingested = await ingest(id, sourceFile, bytes, merged);
        const sidecar = sidecarPath(root, id);
        let previous: string | undefined;
        try {
          previous = readFileSync(sidecar, 'utf8');
        } catch {
          previous = undefined;
        }
        writeAtomic(`${id}${SIDECAR_SUFFIX}`, JSON.stringify(merged, null, 2) + '\n');
        try {
          corpus.addReport(ingested, 'added', corpus.contentHashes.get(id) ?? contentHash(bytes));
        } catch (e) {
          if (previous === undefined) rmSync(sidecar, { force: true });
          else writeAtomic(`${id}${SIDECAR_SUFFIX}`, previous);
          throw e;
        }
        return { report: ingested.report, warnings: warningsOf(corpus, ingested.report) };
      }),

    remove: (id) =>
      serial(async () => {
        const report = added(id);
        // The file first: if it cannot go, the report stays, here and after a restart.
        unlinkSync(inside(report.meta.sourceFile));
        rmSync(inside(`${id}${SIDECAR_SUFFIX}`), { force: true });
        corpus.removeReport(id);
      }),
  };
}
