// What a file really is, from its first bytes: a renamed file must get an error
// that says what it is, not a parser's stack of confusion.

export type Sniffed = 'pdf' | 'zip' | 'ole' | 'exe' | 'elf' | 'gzip' | 'png' | 'jpeg' | 'unknown';

export function sniffBytes(bytes: Uint8Array): Sniffed {
  const at = (i: number, ...b: number[]) => b.every((x, j) => bytes[i + j] === x);
  // %PDF- may follow a little junk; readers allow it within the first KB.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (at(0, 0x50, 0x4b, 0x03, 0x04) || at(0, 0x50, 0x4b, 0x05, 0x06)) return 'zip';
  if (at(0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (at(0, 0x4d, 0x5a)) return 'exe';
  if (at(0, 0x7f, 0x45, 0x4c, 0x46)) return 'elf';
  if (at(0, 0x1f, 0x8b)) return 'gzip';
  if (at(0, 0x89, 0x50, 0x4e, 0x47)) return 'png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
  return 'unknown';
}

/** A plain description of a sniffed kind, for error messages. */
export const SNIFFED_NAMES: Record<Sniffed, string> = {
  pdf: 'PDF 文件',
  zip: 'ZIP 压缩包',
  ole: '旧版 Office 文档（.doc/.xls）',
  exe: 'Windows 可执行程序',
  elf: '可执行程序',
  gzip: 'gzip 压缩包',
  png: 'PNG 图片',
  jpeg: 'JPEG 图片',
  unknown: '未知格式',
};
