// Shared by the CLIs: load the corpus (built-in seeds unless SEEDS=off, the
// added reports in REPORTS_DIR, any --report files) and say on stderr which
// files could not be loaded, and why.
import { corpusOptionsFromEnv } from '../corpus/corpusEnv.js';
import { loadCorpus } from '../corpus/loadCorpus.js';
import type { Corpus } from '../types.js';

export async function cliCorpus(reportFiles: string[]): Promise<Corpus> {
  const corpus = await loadCorpus({ ...corpusOptionsFromEnv(), files: reportFiles });
  for (const e of corpus.errors) console.error(`⚠ 未能载入 ${e.file}：${e.reason}`);
  if (corpus.reports.length === 0) {
    console.error('没有可用的报告：请检查 seeds/ 目录、REPORTS_DIR 或 --report 参数。');
    process.exit(1);
  }
  return corpus;
}

export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
