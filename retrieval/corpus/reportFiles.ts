// The report files in a folder, with their sidecars. A sidecar `<id>.meta.json`
// beside a report holds metadata a user supplied or corrected (MetaOverridesSchema);
// it is read at every start. A bad sidecar is that report's load error, never a
// silent default and never the other reports' problem.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { DEFAULTS } from '../defaults.js';
import { describeFileError } from '../storage/describeFileError.js';
import { MetaOverridesSchema, type MetaOverrides } from '../ingest/metaOverrides.js';
import { isReportFile } from '../ingest/readers/readReportFile.js';
import type { LoadError } from '../types.js';

export const SIDECAR_SUFFIX = '.meta.json';

export interface ReportFile {
  id: string;
  /** The file's name in its folder. */
  sourceFile: string;
  path: string;
  bytes: Uint8Array;
  overrides?: MetaOverrides;
}

export function reportIdOf(fileName: string): string {
  return basename(fileName, extname(fileName));
}

/** Text files have the tighter limit: a .txt over 5 MB is not a report; a PDF with images may be. */
export function sizeLimitFor(fileName: string): number {
  return /\.(txt|text|md|markdown)$/i.test(fileName) ? DEFAULTS.maxReportBytes : DEFAULTS.maxUploadBytes;
}

export function sidecarPath(dir: string, id: string): string {
  return join(dir, `${id}${SIDECAR_SUFFIX}`);
}

/** Reads and validates a sidecar; undefined when there is none. Throws with a reason when it is bad. */
export function readSidecar(dir: string, id: string): MetaOverrides | undefined {
  let raw: string;
  try {
    raw = readFileSync(sidecarPath(dir, id), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`无法读取元数据文件：${describeFileError(e, `${id}${SIDECAR_SUFFIX}`)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error(`元数据文件 ${id}${SIDECAR_SUFFIX} 不是合法的 JSON`);
  }
  const parsed = MetaOverridesSchema.safeParse(json);
  if (!parsed.success) {
    const why = parsed.error.issues.map((i) => `${i.path.join('.') || '(根)'}：${i.message}`).join('；');
    throw new Error(`元数据文件 ${id}${SIDECAR_SUFFIX} 有误：${why}`);
  }
  return parsed.data;
}

/** Report files (by extension) in `dir`, sorted; with sidecars when `sidecars`. Unreadable ones become errors. */
export function listReportFiles(dir: string, options: { sidecars: boolean }): { files: ReportFile[]; errors: LoadError[] } {
  const files: ReportFile[] = [];
  const errors: LoadError[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (e) {
    // Named by its own name: an absolute path says where the server keeps its data.
    return { files, errors: [{ file: basename(dir), reason: `无法读取报告目录：${describeFileError(e, basename(dir))}` }] };
  }
  for (const name of names) {
    // Dot files include half-written uploads (.name.tmp): never a report.
    if (name.startsWith('.') || name.endsWith(SIDECAR_SUFFIX) || !isReportFile(name)) continue;
    const path = join(dir, name);
    const id = reportIdOf(name);
    try {
      let size: number;
      let bytes: Uint8Array;
      try {
        size = statSync(path).size;
      } catch (e) {
        throw new Error(describeFileError(e, name));
      }
      const limit = sizeLimitFor(name);
      if (size > limit) throw new Error(`文件过大（${size} 字节，上限 ${limit}）`);
      const overrides = options.sidecars ? readSidecar(dir, id) : undefined;
      try {
        bytes = readFileSync(path);
      } catch (e) {
        throw new Error(describeFileError(e, name));
      }
      files.push({ id, sourceFile: name, path, bytes, overrides });
    } catch (e) {
      errors.push({ file: name, reason: (e as Error).message });
    }
  }
  return { files, errors };
}
