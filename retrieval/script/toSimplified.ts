// Traditional → simplified folding with OpenCC (opencc-js: the OpenCC
// dictionaries, maintained, no native code). Reports and questions in either
// script are matched, tokenised and read for figures in simplified form; the
// display text stays as written. Folding keeps every character at its offset, so
// spans found in the folded text point into the original too.
import * as OpenCC from 'opencc-js';

let convert: ((s: string) => string) | undefined;

function converter(): (s: string) => string {
  convert ??= OpenCC.Converter({ from: 't', to: 'cn' });
  return convert;
}

/** The simplified form of `text`, character for character (same length). */
export function toSimplified(text: string): string {
  if (!/[^\x00-\x7f]/.test(text)) return text;
  const out = converter()(text);
  if (out.length === text.length) return out;
  // A phrase rule changed the length: fold character by character instead.
  let s = '';
  for (const ch of text) {
    const c = converter()(ch);
    s += c.length === ch.length ? c : ch;
  }
  return s;
}

/**
 * Traditional when a noticeable share of its Han characters fold to another one.
 * Simplified text has almost none (a few characters are shared by both scripts
 * but mapped by OpenCC, hence a share rather than "any").
 */
export function detectScript(text: string): 'simplified' | 'traditional' {
  // A page of text decides it (a fifth of its characters differ, or almost none); folding more costs more than the rest of ingestion.
  const sample = text.slice(0, 1500);
  const folded = toSimplified(sample);
  let han = 0;
  let changed = 0;
  for (let i = 0; i < sample.length; i++) {
    if (/\p{Script=Han}/u.test(sample[i])) {
      han++;
      if (folded[i] !== sample[i]) changed++;
    }
  }
  return han > 0 && changed / han > TRADITIONAL_SHARE ? 'traditional' : 'simplified';
}

/** In traditional running text roughly a fifth of Han characters differ from simplified; in simplified text well under 1%. */
const TRADITIONAL_SHARE = 0.05;
