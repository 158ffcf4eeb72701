import type { Tokenizer } from '../types.js';
import { createBigramTokenizer } from './bigramTokenizer.js';
import { createJiebaTokenizer, type JiebaTokenizerOptions } from './jiebaTokenizer.js';

export type TokenizerKind = 'jieba' | 'bigram';

/**
 * The tokenizer for index and queries. 'jieba' falls back to 'bigram' with a
 * warning when nodejieba cannot load (missing native binary after an install with
 * --ignore-scripts, unsupported platform): search still works, less precisely.
 * An index must be queried with the tokenizer it was built with; compare `name`.
 */
export function createTokenizer(kind: TokenizerKind = 'jieba', jiebaOptions?: JiebaTokenizerOptions): Tokenizer {
  if (kind === 'bigram') return createBigramTokenizer();
  try {
    return createJiebaTokenizer(jiebaOptions);
  } catch (err) {
    console.warn(`nodejieba unavailable, falling back to the bigram tokenizer: ${(err as Error).message}`);
    return createBigramTokenizer();
  }
}
