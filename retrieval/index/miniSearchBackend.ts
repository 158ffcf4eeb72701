// MiniSearch BM25 over passages, with the section title and lead sentence as
// boosted fields. Text is tokenised by our Tokenizer once at build time; the
// serialised index keeps the terms, so loading does not tokenise again.
// Queries are scored from MiniSearch's postings by miniSearchPostings.ts (same
// scores and order as MiniSearch.search, without scoring filtered-out reports);
// the snapshot is MiniSearch's state in compactMiniSearch.ts's compact layout.
import { DEFAULTS } from '../defaults.js';
import type { IndexBackend, IndexHit, IndexSearchOptions, Passage, SearchIndex } from '../types.js';
import { CompactMiniSearch, type CompactSnapshot } from './compactMiniSearch.js';
import { postingsScorer } from './miniSearchPostings.js';

interface Doc {
  id: string;
  reportId: string;
  text: string;
  sectionTitle: string;
  lead: string;
}

/** The indexed fields, in the order scores are summed (statsScorer.ts sums them the same way). */
export const INDEX_FIELDS = ['text', 'sectionTitle', 'lead'] as const;
const FIELDS: string[] = [...INDEX_FIELDS];

function options(tokenize: (text: string) => string[]) {
  return {
    fields: FIELDS,
    storeFields: ['reportId'],
    tokenize,
    // Terms are already normalised by the tokeniser.
    processTerm: (t: string) => t,
    searchOptions: { boost: { ...DEFAULTS.boosts }, bm25: { ...DEFAULTS.bm25 }, combineWith: 'OR' as const },
  };
}

export interface MiniSearchBackendOptions {
  /**
   * 'postings' (default): score from the postings, looking only at the filtered reports.
   * 'minisearch': MiniSearch.search with a filter, the reference the contract suite compares with.
   */
  scorer?: 'postings' | 'minisearch';
}

const docOf = (p: Passage): Doc => ({ id: p.id, reportId: p.reportId, text: p.text, sectionTitle: p.sectionTitle, lead: p.lead });

function wrap(ms: CompactMiniSearch<Doc>, scorerKind: MiniSearchBackendOptions['scorer']): SearchIndex {
  // The scorer keeps arrays derived from the postings (one pass over the documents, no
  // tokenising): after add/remove it is derived again at the next search.
  let derived: ReturnType<typeof postingsScorer> | null = null;
  const scorerOf = () =>
    scorerKind === 'minisearch'
      ? undefined
      : (derived ??= postingsScorer(ms.state, { fields: FIELDS, boost: DEFAULTS.boosts, bm25: DEFAULTS.bm25, reportField: 'reportId' }));
  return {
    backend: 'minisearch',
    get size() {
      return ms.documentCount;
    },
    search(terms: string[], opts: IndexSearchOptions): IndexHit[] {
      if (terms.length === 0) return [];
      const scorer = scorerOf();
      if (scorer) return scorer.search(terms, opts.limit, opts.reportIds);
      // The terms are passed pre-tokenised: the query tokeniser must not split them again.
      const results = ms.search(terms.join(' '), {
        tokenize: (s: string) => s.split(' '),
        filter: opts.reportIds ? (r) => opts.reportIds!.has(r.reportId as string) : undefined,
      });
      return results.slice(0, opts.limit).map((r) => ({ passageId: String(r.id), score: r.score, terms: r.terms }));
    },
    serialize() {
      return ms.toCompact();
    },
    add(passages) {
      ms.addAll(passages.map(docOf));
      derived = null;
    },
    remove(passages) {
      // remove (not discard): postings go at once, so IDF stays exact and the postings scorer usable.
      ms.removeAll(passages.map(docOf));
      derived = null;
    },
  };
}

export function createMiniSearchBackend(o: MiniSearchBackendOptions = {}): IndexBackend {
  return {
    name: 'minisearch',
    build(passages: Passage[], tokenize) {
      const ms = new CompactMiniSearch<Doc>(options(tokenize));
      ms.addAll(passages.map(docOf));
      return wrap(ms, o.scorer);
    },
    load(snapshot, tokenize) {
      return wrap(CompactMiniSearch.fromCompact(snapshot as CompactSnapshot, options(tokenize)), o.scorer);
    },
  };
}

export const miniSearchBackend: IndexBackend = createMiniSearchBackend();
