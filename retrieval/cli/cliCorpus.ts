// Shared by the CLIs: load the corpus (built-in seeds unless SEEDS=off, the
// added reports in REPORTS_DIR, any --report files) and say on stderr which
// files could not be loaded, and why. A missing segmenter stops them (exit 1) with
// its fix unless TOKENIZER_FALLBACK=bigram, like npm start.
import { corpusOptionsFromEnv } from '../corpus/corpusEnv.js';
import { loadCorpus } from '../corpus/loadCorpus.js';
import { tokenizerFromEnv } from '../tokenize/tokenizerFromEnv.js';
import type { Corpus } from '../types.js';

export async function cliCorpus(reportFiles: string[]): Promise<Corpus> {
  let tokenizer;
  try {
    tokenizer = tokenizerFromEnv();
  } catch (e) {
    return fail((e as Error).message, 1);
  }
  const corpus = await loadCorpus({ ...corpusOptionsFromEnv(), files: reportFiles, tokenizer });
  for (const e of corpus.errors) console.error(`⚠ 未能载入 ${e.file}：${e.reason}`);
  if (corpus.reports.length === 0) {
    console.error('没有可用的报告：请检查 seeds/ 目录、REPORTS_DIR 或 --report 参数。');
    process.exit(1);
  }
  return corpus;
}

export function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}
