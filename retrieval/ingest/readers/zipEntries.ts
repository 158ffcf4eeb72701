// What a ZIP archive (a .docx) holds, and how much it really inflates to, before a
// library is let at it: a 25 MB upload must not be allowed to expand to gigabytes (a
// zip bomb) inside the server. The sizes the central directory declares are only a first
// filter: they can lie (1 KB declared for a 600 MB part), so every entry is also inflated
// as a stream, counting what it really produces and keeping none of it, until the end or
// a budget stops it.
import { createInflateRaw } from 'node:zlib';

export interface ZipSummary {
  entries: number;
  /** Sum of the declared uncompressed sizes; Infinity when one is a ZIP64 placeholder. */
  uncompressedBytes: number;
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is not read by Word or by JSZip. */
  method: number;
  compressedBytes: number;
  /** What the central directory says it inflates to (not to be trusted). */
  declaredBytes: number;
  /** Offset of the local file header. */
  localOffset: number;
}

/** Undefined when no end-of-central-directory record is found (not a readable ZIP). */
export function zipSummary(bytes: Uint8Array): ZipSummary | undefined {
  const entries = zipEntries(bytes);
  if (!entries) return undefined;
  return { entries: entries.length, uncompressedBytes: entries.reduce((s, e) => s + (e.declaredBytes === 0xffffffff ? Infinity : e.declaredBytes), 0) };
}

/** The entries of the central directory, in order; undefined when it cannot be found or read. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedBytes: view.getUint32(at + 20, true),
      declaredBytes: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

export interface InflateLimits {
  /** All entries together may inflate to at most this many bytes. */
  maxBytes: number;
  /** One entry may inflate to at most this many times its compressed size… */
  maxRatio: number;
  /** …once it has produced this many bytes (small parts of repeated markup compress very well). */
  ratioGraceBytes: number;
}

export type InflateVerdict =
  | { ok: true; inflatedBytes: number }
  | { ok: false; reason: 'total' | 'ratio'; entry: string; inflatedBytes: number }
  | { ok: false; reason: 'damaged'; entry: string; inflatedBytes: number; detail: string };

/**
 * Inflates every entry as a stream and counts what comes out, stopping as soon as a limit is
 * passed: at most one chunk (64 KB) past the budget is ever produced, and nothing is kept.
 */
export async function measureInflated(bytes: Uint8Array, entries: ZipEntry[], limits: InflateLimits): Promise<InflateVerdict> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  for (const entry of entries) {
    const damaged = (detail: string): InflateVerdict => ({ ok: false, reason: 'damaged', entry: entry.name, inflatedBytes: total, detail });
    const at = entry.localOffset;
    if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return damaged('找不到文件头');
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const data = bytes.subarray(start, start + entry.compressedBytes);
    if (data.length < entry.compressedBytes) return damaged('数据不完整');
    if (entry.method === 0) {
      total += data.length;
      if (total > limits.maxBytes) return { ok: false, reason: 'total', entry: entry.name, inflatedBytes: total };
      continue;
    }
    if (entry.method !== 8) return damaged(`不支持的压缩方式 ${entry.method}`);
    const entryCap = (produced: number): 'total' | 'ratio' | undefined =>
      total + produced > limits.maxBytes
        ? 'total'
        : produced > limits.ratioGraceBytes && produced > limits.maxRatio * Math.max(1, entry.compressedBytes)
          ? 'ratio'
          : undefined;
    const result = await new Promise<{ produced: number; over?: 'total' | 'ratio'; error?: string }>((resolve) => {
      const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
      let produced = 0;
      let settled = false;
      const settle = (r: { produced: number; over?: 'total' | 'ratio'; error?: string }) => {
        if (settled) return;
        settled = true;
        inflater.destroy();
        resolve(r);
      };
      inflater.on('data', (chunk: Buffer) => {
        produced += chunk.length;
        const over = entryCap(produced);
        if (over) settle({ produced, over });
      });
      inflater.on('end', () => settle({ produced }));
      inflater.on('error', (e) => settle({ produced, error: e.message }));
      inflater.end(data);
    });
    total += result.produced;
    if (result.over) return { ok: false, reason: result.over, entry: entry.name, inflatedBytes: total };
    if (result.error) return damaged(result.error);
  }
  return { ok: true, inflatedBytes: total };
}
