// One corpus per test worker: ingestion and jieba's dictionary load cost ~1 s.
import { loadCorpus } from '../../retrieval/corpus/loadCorpus.js';
import type { Corpus } from '../../retrieval/types.js';

let shared: Promise<Corpus> | undefined;

export function sharedCorpus(): Promise<Corpus> {
  shared ??= loadCorpus({ cacheDir: false });
  return shared;
}
