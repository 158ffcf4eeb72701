import type { Tokenizer } from '../types.js';
import { createBigramTokenizer } from './bigramTokenizer.js';
import { createJiebaTokenizer, type JiebaTokenizerOptions } from './jiebaTokenizer.js';
import { SegmenterUnavailableError } from './SegmenterUnavailableError.js';

export type TokenizerKind = 'jieba' | 'bigram';

/**
 * The tokenizer for index and queries. 'jieba' throws SegmenterUnavailableError
 * (with the fix) when nodejieba cannot load: a missing native binary after an
 * install whose scripts were blocked or skipped, an unsupported platform. There is
 * no silent fallback; tokenizerFromEnv is the explicit, visible one.
 * An index must be queried with the tokenizer it was built with; compare `name`.
 */
export function createTokenizer(kind: TokenizerKind = 'jieba', jiebaOptions?: JiebaTokenizerOptions): Tokenizer {
  if (kind === 'bigram') return createBigramTokenizer();
  try {
    return createJiebaTokenizer(jiebaOptions);
  } catch (err) {
    throw new SegmenterUnavailableError(err);
  }
}
