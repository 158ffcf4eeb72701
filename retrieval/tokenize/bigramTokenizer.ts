import type { Tokenizer } from '../types.js';
import { normalizeText } from './normalize.js';
import { scanText } from './scanText.js';
import { isStopWord } from './stopWords.js';
import { SCHEME } from './scheme.js';

// Runs are cut at question words and at 的/吗/呢 before pairing, so a question's
// "总值多少" does not leave the junk bigram 值多 behind. Only characters that are
// almost never part of a content word: cutting at 了 (了解) or 在 (现在) would break real words.
const BREAKS = /多少|什么|哪些|哪个|怎么|怎样|如何|请问|[的吗呢]/u;

/**
 * Dependency-free tokenizer: overlapping Han character bigrams (the classic CJK
 * analyser, as in Lucene's CJKBigramFilter) plus the shared number/Latin terms.
 * Needs no dictionary, so it is the stand-in a user can opt into
 * (TOKENIZER_FALLBACK=bigram) when the native nodejieba module cannot load. A lone Han character (between numbers, say) is kept as a unigram.
 * Bigrams recall any 2+ character query word inside a longer report word
 * (生产总值 → 生产 产总 总值, all inside 地区生产总值) at the cost of junk
 * bigrams across word boundaries.
 */
export function createBigramTokenizer(): Tokenizer {
  return {
    // Keys the index cache: bump with any change to what a text yields.
    name: `bigram@${SCHEME}`,
    tokenize(text: string): string[] {
      const out: string[] = [];
      for (const piece of scanText(normalizeText(text))) {
        if (piece.kind === 'terms') {
          out.push(...piece.terms);
          continue;
        }
        for (const run of piece.text.split(BREAKS)) {
          const chars = [...run];
          if (chars.length === 1) out.push(chars[0]);
          for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
        }
      }
      return out.filter((t) => !isStopWord(t));
    },
  };
}
