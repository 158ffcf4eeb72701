// Brute-force BM25: scores every passage for every query. Slow at scale but
// obviously correct, so the shared contract suite can hold the MiniSearch
// backend to the same ranking behaviour.
import { DEFAULTS } from '../defaults.js';
import type { IndexBackend, IndexHit, IndexSearchOptions, Passage, SearchIndex } from '../types.js';

type Field = 'text' | 'sectionTitle' | 'lead';
const FIELDS: Field[] = ['text', 'sectionTitle', 'lead'];

interface ScanDoc {
  id: string;
  reportId: string;
  /** Term frequencies per field. */
  tf: Record<Field, Record<string, number>>;
  len: Record<Field, number>;
}

interface Snapshot {
  docs: ScanDoc[];
}

function count(terms: string[]): Record<string, number> {
  const m: Record<string, number> = {};
  for (const t of terms) m[t] = (m[t] ?? 0) + 1;
  return m;
}

function scanDoc(p: Passage, tokenize: (text: string) => string[]): ScanDoc {
  const fields: Record<Field, string[]> = { text: tokenize(p.text), sectionTitle: tokenize(p.sectionTitle), lead: tokenize(p.lead) };
  return {
    id: p.id,
    reportId: p.reportId,
    tf: { text: count(fields.text), sectionTitle: count(fields.sectionTitle), lead: count(fields.lead) },
    len: { text: fields.text.length, sectionTitle: fields.sectionTitle.length, lead: fields.lead.length },
  };
}

function wrap(initial: ScanDoc[], tokenize: (text: string) => string[]): SearchIndex {
  let docs = initial;
  let n = 0;
  let avg = {} as Record<Field, number>;
  const dfCache = new Map<string, number>();
  const refresh = () => {
    n = docs.length;
    avg = Object.fromEntries(FIELDS.map((f) => [f, docs.reduce((s, d) => s + d.len[f], 0) / Math.max(1, n)])) as Record<Field, number>;
    dfCache.clear();
  };
  refresh();
  const { k, b, d: delta } = DEFAULTS.bm25;
  const df = (f: Field, term: string): number => {
    const key = `${f}\u0000${term}`;
    let v = dfCache.get(key);
    if (v === undefined) dfCache.set(key, (v = docs.filter((x) => x.tf[f][term]).length));
    return v;
  };
  return {
    backend: 'scan',
    get size() {
      return n;
    },
    search(terms: string[], opts: IndexSearchOptions): IndexHit[] {
      const unique = [...new Set(terms)];
      const hits: IndexHit[] = [];
      for (const doc of docs) {
        if (opts.reportIds && !opts.reportIds.has(doc.reportId)) continue;
        let score = 0;
        const matched: string[] = [];
        for (const term of unique) {
          let termScore = 0;
          for (const f of FIELDS) {
            const tf = doc.tf[f][term];
            if (!tf) continue;
            const idf = Math.log(1 + (n - df(f, term) + 0.5) / (df(f, term) + 0.5));
            const norm = tf + k * (1 - b + (b * doc.len[f]) / (avg[f] || 1));
            termScore += DEFAULTS.boosts[f] * idf * (delta + (tf * (k + 1)) / norm);
          }
          if (termScore > 0) {
            score += termScore;
            matched.push(term);
          }
        }
        if (score > 0) hits.push({ passageId: doc.id, score, terms: matched });
      }
      return hits.sort((x, y) => y.score - x.score).slice(0, opts.limit);
    },
    serialize(): Snapshot {
      return { docs };
    },
    add(passages) {
      docs = [...docs, ...passages.map((p) => scanDoc(p, tokenize))];
      refresh();
    },
    remove(passages) {
      const gone = new Set(passages.map((p) => p.id));
      docs = docs.filter((d) => !gone.has(d.id));
      refresh();
    },
  };
}

export const scanBackend: IndexBackend = {
  name: 'scan',
  build(passages: Passage[], tokenize) {
    return wrap(
      passages.map((p) => scanDoc(p, tokenize)),
      tokenize,
    );
  },
  load(snapshot, tokenize) {
    return wrap((snapshot as Snapshot).docs, tokenize);
  },
};
