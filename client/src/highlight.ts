// Pure: paragraph text + matched sentence spans + figure strings → marked segments.

import type { Span } from '../../retrieval/browser.js';

export interface HighlightSegment {
  text: string;
  start: number;
  end: number;
  /** Inside a sentence that supports the answer. */
  sentence: boolean;
  /** Part of a figure the answer states. */
  figure: boolean;
}

const DIGITISH = /[0-9０-９.．]/;

/** All non-overlapping occurrences of `needle`, skipping hits inside a longer number (7% in 17%). */
export function findFigure(text: string, needle: string): Span[] {
  const hits: Span[] = [];
  if (!needle) return hits;
  const startsDigit = DIGITISH.test(needle[0]);
  const endsDigit = DIGITISH.test(needle[needle.length - 1]);
  let from = 0;
  while (from <= text.length - needle.length) {
    const at = text.indexOf(needle, from);
    if (at === -1) break;
    const end = at + needle.length;
    const before = at > 0 ? text[at - 1] : '';
    const after = end < text.length ? text[end] : '';
    const clean = !(startsDigit && before && DIGITISH.test(before)) && !(endsDigit && after && /[0-9０-９]/.test(after));
    if (clean) {
      hits.push({ start: at, end });
      from = end;
    } else {
      from = at + 1;
    }
  }
  return hits;
}

export function highlightSegments(
  text: string,
  spans: readonly Span[] = [],
  figures: readonly string[] = [],
): HighlightSegment[] {
  const len = text.length;
  if (len === 0) return [];
  const clamp = (n: number) => Math.max(0, Math.min(len, Math.trunc(n)));
  const sentenceSpans = spans
    .map((s) => ({ start: clamp(s.start), end: clamp(s.end) }))
    .filter((s) => s.end > s.start);
  const figureSpans = [...new Set(figures.map((f) => f.trim()).filter(Boolean))].flatMap((f) => findFigure(text, f));

  const cuts = new Set<number>([0, len]);
  for (const s of [...sentenceSpans, ...figureSpans]) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const inAny = (list: Span[], a: number, b: number) => list.some((s) => s.start <= a && b <= s.end);

  const out: HighlightSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    if (end <= start) continue;
    const sentence = inAny(sentenceSpans, start, end);
    const figure = inAny(figureSpans, start, end);
    const last = out[out.length - 1];
    if (last && last.sentence === sentence && last.figure === figure && last.end === start) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else {
      out.push({ text: text.slice(start, end), start, end, sentence, figure });
    }
  }
  return out;
}
