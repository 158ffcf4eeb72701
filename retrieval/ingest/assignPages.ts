// The page each paragraph of a PDF report starts on, so a citation can name it.
// Readers give the page of each raw line; ingestion then cleans and rejoins lines,
// so paragraphs are found back in the raw text by content (whitespace aside),
// in order, rather than by line number.
import { cleanLine } from './cleanText.js';
import type { Paragraph } from '../types.js';

/** Characters of a paragraph's start matched against the raw text: enough to be unique in order. */
const PROBE_CHARS = 16;

export function assignPages(paragraphs: Paragraph[], rawText: string, pageOfLine: number[]): Paragraph[] {
  const squash = (s: string) => cleanLine(s).replace(/\s+/g, '');
  let stream = '';
  const starts: number[] = [];
  const pages: number[] = [];
  rawText.split('\n').forEach((line, i) => {
    starts.push(stream.length);
    pages.push(pageOfLine[i] ?? pages[pages.length - 1] ?? 1);
    stream += squash(line);
  });
  const pageAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return pages[lo];
  };
  let cursor = 0;
  let page = pages[0] ?? 1;
  return paragraphs.map((p) => {
    const probe = squash(p.text).slice(0, PROBE_CHARS);
    const at = probe ? stream.indexOf(probe, cursor) : -1;
    if (at >= 0) {
      page = pageAt(at);
      cursor = at + probe.length;
    }
    return { ...p, page };
  });
}
