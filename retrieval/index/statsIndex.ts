// A search index over a few reports' passages that ranks them with the statistics
// of a whole corpus held elsewhere (a database): what a question's working set is
// searched with, so its hits and scores are those the whole corpus would give
// restricted to these reports. Built per question; not serialised, not changed.
import type { IndexHit, IndexSearchOptions, SearchIndex } from '../types.js';
import { scoreDocs, type CorpusTermStats, type TermDoc } from './statsScorer.js';

export function createStatsIndex(docs: readonly TermDoc[], stats: CorpusTermStats | undefined, backend = 'postgres'): SearchIndex {
  return {
    backend,
    get size() {
      return docs.length;
    },
    search(terms: string[], opts: IndexSearchOptions): IndexHit[] {
      if (!stats) throw new Error('this corpus was loaded for its reports, not for a question: load it with the question to search it');
      return scoreDocs(docs, terms, stats, opts.limit, opts.reportIds);
    },
    serialize() {
      throw new Error('a working set is not serialised: the database holds the corpus');
    },
    add() {
      throw new Error('a working set is read-only: add reports through the report store');
    },
    remove() {
      throw new Error('a working set is read-only: remove reports through the report store');
    },
  };
}
