// Rewrites a ZIP (a .docx) with some parts replaced and, to build a lying archive, some
// sizes in the central directory replaced by what a hostile file would declare.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { zipEntries } from '../../retrieval/ingest/readers/zipEntries.js';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of `bytes`, continuing from `previous` (the CRC of what came before). */
export function crc32(bytes: Uint8Array, previous = 0): number {
  let c = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The parts of a ZIP, inflated. */
export function unzip(zip: Buffer): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  for (const e of zipEntries(zip)!) {
    const start = e.localOffset + 30 + zip.readUInt16LE(e.localOffset + 26) + zip.readUInt16LE(e.localOffset + 28);
    const data = zip.subarray(start, start + e.compressedBytes);
    parts.set(e.name, e.method === 8 ? inflateRawSync(data) : Buffer.from(data));
  }
  return parts;
}

/** One part of a ZIP, already deflated: its CRC and true size with it, and the size the directory declares. */
export interface PackedPart {
  name: string;
  packed: Buffer;
  crc: number;
  size: number;
  declared?: number;
}

/** A ZIP of `parts`, deflated; `declare` replaces the uncompressed size the central directory states. */
export function zip(parts: Map<string, Buffer>, declare: Record<string, number> = {}): Buffer {
  return zipPacked([...parts].map(([name, data]) => ({ name, packed: deflateRawSync(data), crc: crc32(data), size: data.length, declared: declare[name] })));
}

export function zipPacked(parts: PackedPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, packed, crc, size: trueSize, declared } of parts) {
    const nameBytes = Buffer.from(name);
    const size = declared ?? trueSize;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A .docx whose body is followed by `emptyParagraphs` empty <w:p/> (a few KB compressed, MBs
 * inflated); with `lie`, the directory declares 1 KB for the document part.
 */
export function paddedDocx(docx: Buffer, emptyParagraphs: number, options: { lie?: boolean } = {}): Buffer {
  const parts = unzip(docx);
  const xml = parts.get('word/document.xml')!.toString('utf8');
  const padded = xml.replace('</w:body>', '<w:p/>'.repeat(emptyParagraphs) + '</w:body>');
  parts.set('word/document.xml', Buffer.from(padded));
  return zip(parts, options.lie ? { 'word/document.xml': 1024 } : {});
}
