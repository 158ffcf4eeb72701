import { NUMBER_PATTERN, numberTerms } from './numberTokens.js';

/**
 * One piece of normalised text: either finished terms (numbers, Latin words) or
 * a run of Han characters that an implementation still has to segment.
 */
export type Piece = { kind: 'terms'; terms: string[] } | { kind: 'han'; text: string };

// Latin words start with a letter so that "2024gdp" splits into 2024 + gdp;
// R&D stays one word because the vocabulary spells it r&d.
const LATIN = '([a-z][a-z0-9]*(?:&[a-z0-9]+)*)';
const HAN = '(\\p{Script=Han}+)';
const PIECE_RE = new RegExp(`${LATIN}|${NUMBER_PATTERN}|${HAN}`, 'gu');

/**
 * Splits already-normalised text into pieces, dropping everything else
 * (punctuation, whitespace, symbols), so no implementation can emit them.
 * Shared by all tokenizers: number and Latin handling is identical everywhere,
 * only Han segmentation differs.
 */
export function scanText(normalized: string): Piece[] {
  const pieces: Piece[] = [];
  for (const m of normalized.matchAll(PIECE_RE)) {
    const [, latin, num, unit, han] = m;
    if (latin !== undefined) pieces.push({ kind: 'terms', terms: [latin] });
    else if (num !== undefined) pieces.push({ kind: 'terms', terms: numberTerms(num, unit) });
    else if (han !== undefined) pieces.push({ kind: 'han', text: han });
  }
  return pieces;
}
