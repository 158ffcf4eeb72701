// What a ZIP archive (a .docx) says it holds, from its central directory, before
// anything is inflated: a 25 MB upload must not be allowed to expand to
// gigabytes (a zip bomb) inside the server.

export interface ZipSummary {
  entries: number;
  /** Sum of the declared uncompressed sizes; Infinity when one is a ZIP64 placeholder. */
  uncompressedBytes: number;
}

/** Undefined when no end-of-central-directory record is found (not a readable ZIP). */
export function zipSummary(bytes: Uint8Array): ZipSummary | undefined {
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
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const size = view.getUint32(at + 24, true);
    total += size === 0xffffffff ? Infinity : size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return { entries: count, uncompressedBytes: total };
}
