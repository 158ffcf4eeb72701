import type { Tokenizer } from '../types.js';
import { createBigramTokenizer } from './bigramTokenizer.js';
import { createTokenizer } from './createTokenizer.js';
import type { JiebaTokenizerOptions } from './jiebaTokenizer.js';
import { FALLBACK_ENV, segmenterFaultReason, SegmenterUnavailableError } from './SegmenterUnavailableError.js';

/**
 * The tokenizer npm start, the CLIs and the evals use: jieba, or a
 * SegmenterUnavailableError with the fix when it cannot load. Only with
 * TOKENIZER_FALLBACK=bigram does a missing jieba give the bigram tokenizer instead,
 * marked `degraded` so /healthz, the chat UI and the evals can say so.
 */
export function tokenizerFromEnv(env: NodeJS.ProcessEnv = process.env, jiebaOptions?: JiebaTokenizerOptions): Tokenizer {
  const fallback = env[FALLBACK_ENV]?.trim().toLowerCase() || undefined;
  if (fallback !== undefined && fallback !== 'bigram' && fallback !== 'off') {
    throw new Error(`${FALLBACK_ENV} 须为 bigram 或 off（或不设置），收到 ${env[FALLBACK_ENV]}`);
  }
  try {
    return createTokenizer('jieba', jiebaOptions);
  } catch (err) {
    if (fallback !== 'bigram' || !(err instanceof SegmenterUnavailableError)) throw err;
    const why = segmenterFaultReason(err.cause);
    const degraded = `nodejieba 无法加载，检索退化为二字切分（bigram），答案准确率明显下降：${why}`;
    console.warn(`⚠ ${degraded}\n⚠ ${FALLBACK_ENV}=bigram: running degraded. Fix: npm rebuild nodejieba (see README, "Set-up").`);
    return { ...createBigramTokenizer(), degraded };
  }
}
