// The words a hit test shows: those the question was ranked by (its content words
// and the reports' own labels for the indicator it names), and where each hit holds
// them. Display only: ranking stays in retrieval/search.ts.
import { indicatorDef } from '../../retrieval/indicators/vocabulary.js';
import { contentTerms } from '../../retrieval/query/contentTerms.js';
import type { Tokenizer } from '../../retrieval/tokenize/Tokenizer.js';
import type { ParsedQuery, Span } from '../../retrieval/types.js';

/** The question's ranking words, without repeats, in the order they were written. */
export function searchTerms(tokenizer: Tokenizer, question: string, query: ParsedQuery): string[] {
  const tokens = tokenizer.tokenize(question);
  const terms = query.intent === 'meta' ? tokens : contentTerms(tokens, query);
  const def = query.indicator ? indicatorDef(query.indicator) : undefined;
  if (def) terms.push(...tokenizer.tokenize([def.name, ...def.labels].join(' ')));
  return [...new Set(terms)];
}

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
