// The corpus a request works on. In memory that is the corpus itself; in a
// database (Corpus.database) it is the catalog with what the request needs loaded:
// a question's working set, some reports, some indicator rows. Every route and
// command goes through here, so both kinds of corpus answer the same way.
import type { Corpus, CorpusNeed } from '../types.js';

export function corpusFor(corpus: Corpus, need: CorpusNeed): Promise<Corpus> {
  return corpus.database ? corpus.database.load(need) : Promise.resolve(corpus);
}
