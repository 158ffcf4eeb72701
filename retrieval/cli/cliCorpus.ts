// Shared by the CLIs: load the corpus (built-in seeds unless SEEDS=off, the
// added reports in REPORTS_DIR, any --report files) and say on stderr which
// files could not be loaded, and why. With DATABASE_URL the corpus is the
// database's, as the servers left it. A missing segmenter stops them (exit 1) with
// its fix unless TOKENIZER_FALLBACK=bigram, like npm start.
import { corpusOptionsFromEnv } from '../corpus/corpusEnv.js';
import { loadCorpus } from '../corpus/loadCorpus.js';
import { databaseConfigFromEnv, redactUrl } from '../corpus/postgres/connectDatabase.js';
import { openDatabaseCorpus } from '../corpus/postgres/databaseCorpus.js';
import { tokenizerFromEnv } from '../tokenize/tokenizerFromEnv.js';
import type { Corpus } from '../types.js';

export interface CliCorpus {
  corpus: Corpus;
  /** Lets the command exit: closes the database connections, if any. */
  close(): Promise<void>;
}

export async function cliCorpus(reportFiles: string[]): Promise<CliCorpus> {
  let tokenizer;
  let config;
  try {
    tokenizer = tokenizerFromEnv();
    config = databaseConfigFromEnv();
  } catch (e) {
    return fail((e as Error).message, 1);
  }
  if (config) {
    if (reportFiles.length) fail('--report 只用于内存中的语料；用 DATABASE_URL 时，请先用 npm run db:load 把报告加入数据库。');
    let opened;
    try {
      opened = await openDatabaseCorpus({ config, tokenizer, listen: false, log: (m) => console.error(m) });
    } catch (e) {
      return fail(`无法打开数据库 ${redactUrl(config.url)}：${(e as Error).message}`, 1);
    }
    for (const e of opened.corpus.errors) console.error(`⚠ 未能载入 ${e.file}：${e.reason}`);
    if (opened.corpus.reports.length === 0) {
      await opened.close();
      fail('数据库中没有报告：先运行 npm start（导入内置报告和 REPORTS_DIR），或 npm run db:load -- <目录>。');
    }
    return { corpus: opened.corpus, close: opened.close };
  }
  const corpus = await loadCorpus({ ...corpusOptionsFromEnv(), files: reportFiles, tokenizer });
  for (const e of corpus.errors) console.error(`⚠ 未能载入 ${e.file}：${e.reason}`);
  if (corpus.reports.length === 0) {
    console.error('没有可用的报告：请检查 seeds/ 目录、REPORTS_DIR 或 --report 参数。');
    process.exit(1);
  }
  return { corpus, close: async () => {} };
}

export function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}
