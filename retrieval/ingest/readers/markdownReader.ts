// .md: a report saved or converted as Markdown. Decoded like any text file, then
// the markup that is not the report's words goes: heading marks (## 一、…),
// blockquote and list markers, links and images, emphasis, rules, code fences,
// table pipes. Chinese reports use no Markdown of their own, so nothing is lost.
import { ReportReadError } from '../decodeText.js';
import type { ReadResult, ReportReader } from './ReportReader.js';
import { textReader } from './textReader.js';

export function stripMarkdown(line: string): string {
  return line
    .replace(/^\s{0,3}(```|~~~).*$/, '')
    .replace(/^\s{0,3}([-*_])(\s*\1){2,}\s*$/, '')
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/\s+#+\s*$/, '')
    .replace(/^\s{0,3}(>\s?)+/, '')
    .replace(/^\s{0,3}[-*+]\s+/, '')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^*\w])\*(?!\s)([^*]+?)\*(?!\w)/g, '$1$2')
    .replace(/^\s*\|?(\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/, '')
    .replace(/^\s*\|(.*)\|\s*$/, (_m, cells: string) => cells.split('|').map((c) => c.trim()).join(' '));
}

export const markdownReader: ReportReader = {
  extensions: ['.md', '.markdown'],
  async read(bytes: Uint8Array): Promise<ReadResult> {
    const { text, format } = await textReader.read(bytes);
    const lines = text.split(/\r\n|\r|\n/).map(stripMarkdown);
    const out = lines.join('\n');
    if (!out.trim()) throw new ReportReadError('文件只有 Markdown 标记，没有文字');
    return { text: out, format };
  },
};
