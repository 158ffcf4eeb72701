import { toSimplified } from '../script/toSimplified.js';

/**
 * Folds traditional characters to simplified (臺山 → 台山), full-width ASCII (ＧＤＰ２０２４％) to half-width and ASCII letters to
 * lower case, keeping every character at its offset, so a match found in the
 * folded text can be sliced out of the user's original text (indicatorMention).
 * NFKC would be more thorough but changes lengths (㎡ → m2).
 */
export function foldText(text: string): string {
  return toSimplified(text).replace(/[\uFF01-\uFF5E\u3000A-Z]/g, (c) => {
    if (c === '\u3000') return ' ';
    const code = c.charCodeAt(0);
    const ascii = code >= 0xff01 ? String.fromCharCode(code - 0xfee0) : c;
    return ascii.toLowerCase();
  });
}
