// What makes two files one report: the same speech. A .txt, a .docx and a .pdf of
// one text differ in bytes, line breaks, page layout, full- or half-width forms and
// sometimes script; their ingested paragraphs, folded to letters and digits, do not.
// The cover is left out: it is what differs most between copies (a web page's title,
// a PDF whose running header swallowed the title line), and the speech is the report.
import { createHash } from 'node:crypto';

/** Hash of a report's body text with script (paragraphs are simplified already), width, whitespace and punctuation folded away. */
export function textFingerprint(paragraphs: readonly { text: string; part?: string }[]): string {
  const hasher = createHash('sha256');
  for (const p of paragraphs) if (p.part !== 'cover') hasher.update(p.text.normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, ''));
  return hasher.digest('hex');
}
