/** The environment variable that lets npm start, the CLIs and benches run on the bigram tokenizer when jieba cannot load. */
export const FALLBACK_ENV = 'TOKENIZER_FALLBACK';

/**
 * nodejieba could not load. Without it search falls back to character bigrams and
 * answers get markedly worse (on held-out questions accuracy fell from 0.86 to 0.59),
 * so this is a start-up fault with its fix, not a line in a log.
 */
export class SegmenterUnavailableError extends Error {
  constructor(cause: unknown) {
    super(segmenterFaultMessage(cause), { cause });
    this.name = 'SegmenterUnavailableError';
  }
}

/** Why jieba did not load, in one line (the first line of nodejieba's own message). */
export function segmenterFaultReason(cause: unknown): string {
  const message = cause instanceof Error ? cause.message : String(cause);
  return message.split('\n')[0];
}

function segmenterFaultMessage(cause: unknown): string {
  return [
    `中文分词器 nodejieba 无法加载 (the nodejieba segmenter failed to load): ${segmenterFaultReason(cause)}`,
    '没有它，检索只能按二字切分，答案明显变差，所以不启动。修复 (to fix):',
    '  1. package.json 的 "allowScripts" 须含 "nodejieba": true：npm 11 起依赖的安装脚本要先获准，npm 12 会拦下未获准的脚本，nodejieba 就没有编译。',
    '  2. 重新编译 (rebuild): npm rebuild nodejieba    （从源码编译需要 g++、make 和 python3）',
    '  3. 或重新安装 (or reinstall): rm -rf node_modules && npm ci',
    `仍要以降级模式运行 (to run degraded anyway): ${FALLBACK_ENV}=bigram npm start`,
  ].join('\n');
}
