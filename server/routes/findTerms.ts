// Where a hit holds the words its question was ranked by (retrieval's searchCorpus gives
// them), for the hit test to mark. Display only.
import type { Span } from '../../retrieval/public.js';

/**
 * The terms `text` holds, and their spans (merged where they touch). A single
 * character is too common to be worth marking unless it is a number.
 */
export function findTerms(text: string, terms: readonly string[]): { matched: string[]; spans: Span[] } {
  const lower = text.normalize('NFKC').toLowerCase();
  // NFKC may change lengths (ｇ → g keeps one; some ligatures do not): offsets are only trusted when it does not.
  const haystack = lower.length === text.length ? lower : text.toLowerCase();
  const matched: string[] = [];
  const spans: Span[] = [];
  for (const term of terms) {
    if (term.length < 2 && !/\d/.test(term)) continue;
    let at = haystack.indexOf(term);
    if (at === -1) continue;
    matched.push(term);
    while (at !== -1) {
      spans.push({ start: at, end: at + term.length });
      at = haystack.indexOf(term, at + term.length);
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else merged.push({ ...s });
  }
  return { matched, spans: merged };
}
