// MiniSearch BM25 over passages, with the section title and lead sentence as
// boosted fields. Text is tokenised by our Tokenizer once at build time; the
// serialised index keeps the terms, so loading does not tokenise again.
import MiniSearch from 'minisearch';
import { DEFAULTS } from '../defaults.js';
import type { Passage } from '../types.js';
import type { IndexBackend, IndexHit, IndexSearchOptions, SearchIndex } from './SearchIndex.js';

interface Doc {
  id: string;
  reportId: string;
  text: string;
  sectionTitle: string;
  lead: string;
}

function options(tokenize: (text: string) => string[]) {
  return {
    fields: ['text', 'sectionTitle', 'lead'],
    storeFields: ['reportId'],
    tokenize,
    // Terms are already normalised by the tokeniser.
    processTerm: (t: string) => t,
    searchOptions: { boost: { ...DEFAULTS.boosts }, bm25: { ...DEFAULTS.bm25 }, combineWith: 'OR' as const },
  };
}

function wrap(ms: MiniSearch<Doc>): SearchIndex {
  return {
    backend: 'minisearch',
    get size() {
      return ms.documentCount;
    },
    search(terms: string[], opts: IndexSearchOptions): IndexHit[] {
      if (terms.length === 0) return [];
      // The terms are passed pre-tokenised: the query tokeniser must not split them again.
      const results = ms.search(terms.join(' '), {
        tokenize: (s: string) => s.split(' '),
        filter: opts.reportIds ? (r) => opts.reportIds!.has(r.reportId as string) : undefined,
      });
      return results.slice(0, opts.limit).map((r) => ({ passageId: String(r.id), score: r.score, terms: r.terms }));
    },
    serialize() {
      return ms.toJSON();
    },
  };
}

export const miniSearchBackend: IndexBackend = {
  name: 'minisearch',
  build(passages: Passage[], tokenize) {
    const ms = new MiniSearch<Doc>(options(tokenize));
    ms.addAll(passages.map((p) => ({ id: p.id, reportId: p.reportId, text: p.text, sectionTitle: p.sectionTitle, lead: p.lead })));
    return wrap(ms);
  },
  load(snapshot, tokenize) {
    return wrap(MiniSearch.loadJS(snapshot as Parameters<typeof MiniSearch.loadJS>[0], options(tokenize)) as MiniSearch<Doc>);
  },
};
