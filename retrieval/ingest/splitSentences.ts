// Sentence boundaries in Chinese text: after 。！？!? (and any closing quotes
// that follow), or at the end of the text. Semicolons separate clauses, not sentences.
import type { Span } from '../types.js';

export function splitSentences(text: string): Span[] {
  const spans: Span[] = [];
  const re = /[。！？!?]+[”’」』）)]*/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    if (end > start) spans.push({ start, end });
    start = end;
  }
  if (start < text.length && text.slice(start).trim()) spans.push({ start, end: text.length });
  return spans;
}
