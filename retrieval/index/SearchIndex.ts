// The index backend seam. Implementations: MiniSearch BM25 (the default) and a
// brute-force BM25 scan (a reference the contract suite checks the default against).
import type { Passage } from '../types.js';

export interface IndexHit {
  passageId: string;
  score: number;
  /** Query terms that matched this passage. */
  terms: string[];
}

export interface IndexSearchOptions {
  /** Only passages of these reports (undefined = all). */
  reportIds?: ReadonlySet<string>;
  limit: number;
}

export interface SearchIndex {
  readonly backend: string;
  readonly size: number;
  /** Ranks passages for already tokenised query terms. */
  search(terms: string[], options: IndexSearchOptions): IndexHit[];
  /** A JSON-safe snapshot that `load` of the same backend restores. */
  serialize(): unknown;
  /**
   * Indexes further passages (a report added while serving) without touching the
   * others: the next search ranks them as if the index had been built with them.
   */
  add(passages: Passage[]): void;
  /** Removes passages given exactly as they were added (a report deleted while serving). */
  remove(passages: Passage[]): void;
}

export interface IndexBackend {
  readonly name: string;
  build(passages: Passage[], tokenize: (text: string) => string[]): SearchIndex;
  load(snapshot: unknown, tokenize: (text: string) => string[]): SearchIndex;
}
