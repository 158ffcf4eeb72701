// MiniSearch's own BM25, computed straight from its postings. MiniSearch.search
// scores every posting of every query term, allocating a result object per
// document, and only then applies `filter`: at 1,000 reports a question about
// one report paid for all of them (~150 ms). This scorer reads the same postings
// (MiniSearch's protected state, via CompactMiniSearch) and, under a report
// filter, looks up only those reports' documents. Scores, order (ties included)
// and matched terms equal MiniSearch.search with OR, no prefix/fuzzy and no
// boostDocument; the contract suite holds it to that.
import type { MiniSearchState } from './compactMiniSearch.js';
import type { IndexHit } from '../types.js';

export interface PostingsScorerOptions {
  fields: readonly string[];
  boost: Readonly<Record<string, number>>;
  bm25: { readonly k: number; readonly b: number; readonly d: number };
  /** Stored field holding a document's report id. */
  reportField: string;
}

export interface PostingsScorer {
  search(terms: string[], limit: number, reportIds?: ReadonlySet<string>): IndexHit[];
}

/**
 * A scorer over MiniSearch's state, or undefined when that state is not the
 * expected shape (another MiniSearch version) or the index has discarded
 * documents whose postings linger (MiniSearch corrects IDF for those on the
 * fly): the caller then falls back to MiniSearch.search.
 */
export function postingsScorer(s: MiniSearchState, o: PostingsScorerOptions): PostingsScorer | undefined {
  const shaped =
    typeof s.index?.get === 'function' &&
    s.documentIds instanceof Map &&
    s.fieldLength instanceof Map &&
    s.storedFields instanceof Map &&
    Array.isArray(s.avgFieldLength) &&
    typeof s.nextId === 'number' &&
    typeof s.documentCount === 'number' &&
    o.fields.every((f) => typeof s.fieldIds?.[f] === 'number');
  if (!shaped || s.dirtCount !== 0) return undefined;

  const size = s.nextId;
  const fields = o.fields.map((name) => ({ id: s.fieldIds[name], boost: o.boost[name] || 1 }));
  // Field lengths by field and document: a typed-array read instead of a Map lookup per posting.
  const fieldLength = fields.map(() => new Uint32Array(size));
  // Documents of each report, ascending: the order MiniSearch's postings are in.
  const reportOf = new Int32Array(size).fill(-1);
  const reportIndex = new Map<string, number>();
  const docsByReport: number[][] = [];
  for (const [doc] of s.documentIds) {
    const lengths = s.fieldLength.get(doc) ?? [];
    fields.forEach((f, i) => (fieldLength[i][doc] = lengths[f.id] ?? 0));
    const report = String(s.storedFields.get(doc)?.[o.reportField]);
    let r = reportIndex.get(report);
    if (r === undefined) {
      reportIndex.set(report, (r = docsByReport.length));
      docsByReport.push([]);
    }
    reportOf[doc] = r;
    docsByReport[r].push(doc);
  }
  const reportDocs = docsByReport.map((d) => Int32Array.from(d).sort());

  // Per-search scratch, reused: searches are synchronous, so never interleaved.
  const total = new Float64Array(size);
  const termScore = new Float64Array(size);
  const seenAt = new Uint32Array(size);
  const termSeenAt = new Uint32Array(size);
  const allowedAt = new Uint32Array(size);
  const firstSeen = new Int32Array(size);
  const matched = new Uint16Array(size);
  const touched = new Int32Array(size);
  const termTouched = new Int32Array(size);
  let stamp = 0;
  let termStamp = 0;
  const nextStamp = () => {
    if (stamp >= 0xfffffff0) {
      seenAt.fill(0);
      allowedAt.fill(0);
      stamp = 0;
    }
    return ++stamp;
  };
  const nextTermStamp = () => {
    if (termStamp >= 0xfffffff0) {
      termSeenAt.fill(0);
      termStamp = 0;
    }
    return ++termStamp;
  };

  const { k, b, d } = o.bm25;
  const n = s.documentCount;

  return {
    search(terms, limit, reportIds) {
      // As MiniSearch tokenises the joined query: split on spaces, drop empties; repeats count again.
      const query = terms.join(' ').split(' ').filter((t) => !!t);
      if (query.length === 0 || limit <= 0) return [];
      const gen = nextStamp();
      let allowed: Int32Array | undefined;
      if (reportIds) {
        const lists: Int32Array[] = [];
        let count = 0;
        for (const id of reportIds) {
          const r = reportIndex.get(id);
          if (r === undefined) continue;
          lists.push(reportDocs[r]);
          count += reportDocs[r].length;
        }
        allowed = new Int32Array(count);
        let at = 0;
        for (const l of lists) {
          allowed.set(l, at);
          at += l.length;
        }
        allowed.sort();
        for (const doc of allowed) allowedAt[doc] = gen;
        if (count === 0) return [];
      }

      let nTouched = 0;
      let seq = 0;
      const postingsOf: (Map<number, Map<number, number>> | undefined)[] = [];
      for (let j = 0; j < query.length; j++) {
        const data = s.index.get(query[j]);
        postingsOf.push(data);
        if (!data) continue;
        const firstOccurrence = query.indexOf(query[j]) === j;
        const tgen = nextTermStamp();
        let nTerm = 0;
        for (let fi = 0; fi < fields.length; fi++) {
          const postings = data.get(fields[fi].id);
          if (!postings) continue;
          const df = postings.size;
          const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
          const avg = s.avgFieldLength[fields[fi].id];
          const boost = fields[fi].boost;
          const lengths = fieldLength[fi];
          const visit = (tf: number, doc: number) => {
            // Same expression as MiniSearch's calcBM25Score, so the same floating-point result.
            const raw = idf * (d + (tf * (k + 1)) / (tf + k * (1 - b + (b * lengths[doc]) / avg)));
            const w = boost * raw;
            if (termSeenAt[doc] !== tgen) {
              termSeenAt[doc] = tgen;
              termScore[doc] = w;
              termTouched[nTerm++] = doc;
            } else termScore[doc] += w;
          };
          if (allowed && allowed.length < df) {
            for (let i = 0; i < allowed.length; i++) {
              const tf = postings.get(allowed[i]);
              if (tf !== undefined) visit(tf, allowed[i]);
            }
          } else if (allowed) {
            postings.forEach((tf, doc) => {
              if (allowedAt[doc] === gen) visit(tf, doc);
            });
          } else {
            postings.forEach((tf, doc) => {
              if (reportOf[doc] >= 0) visit(tf, doc);
            });
          }
        }
        // Terms combine as MiniSearch's OR does: running total plus this term's sum.
        for (let i = 0; i < nTerm; i++) {
          const doc = termTouched[i];
          if (seenAt[doc] !== gen) {
            seenAt[doc] = gen;
            total[doc] = termScore[doc];
            firstSeen[doc] = seq++;
            matched[doc] = 0;
            touched[nTouched++] = doc;
          } else total[doc] = total[doc] + termScore[doc];
          if (firstOccurrence) matched[doc]++;
        }
      }

      // MiniSearch multiplies by the number of distinct query terms matched, then sorts
      // stably by score: ties stay in first-seen order.
      const top = topDocs(touched, nTouched, limit, (doc) => total[doc] * (matched[doc] || 1), firstSeen);
      return top.map(({ doc, score }) => ({
        passageId: String(s.documentIds.get(doc)),
        score,
        terms: matchedTerms(doc, query, postingsOf, fields),
      }));
    },
  };
}

/** The `limit` best documents by score (descending), ties by first-seen order. */
function topDocs(
  docs: Int32Array,
  count: number,
  limit: number,
  scoreOf: (doc: number) => number,
  order: Int32Array,
): { doc: number; score: number }[] {
  // Bounded min-heap on (score, -order): the root is the weakest kept document.
  const heap: { doc: number; score: number }[] = [];
  const weaker = (x: { doc: number; score: number }, y: { doc: number; score: number }) =>
    x.score < y.score || (x.score === y.score && order[x.doc] > order[y.doc]);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && weaker(heap[l], heap[m])) m = l;
      if (r < heap.length && weaker(heap[r], heap[m])) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m], heap[i]];
      i = m;
    }
  };
  for (let i = 0; i < count; i++) {
    const doc = docs[i];
    const e = { doc, score: scoreOf(doc) };
    if (heap.length < limit) {
      heap.push(e);
      for (let c = heap.length - 1; c > 0; ) {
        const p = (c - 1) >> 1;
        if (!weaker(heap[c], heap[p])) break;
        [heap[c], heap[p]] = [heap[p], heap[c]];
        c = p;
      }
    } else if (weaker(heap[0], e)) {
      heap[0] = e;
      down(0);
    }
  }
  return heap.sort((x, y) => y.score - x.score || order[x.doc] - order[y.doc]);
}

/** Distinct query terms found in the document, ordered as MiniSearch's `Object.keys(match)` orders them. */
function matchedTerms(
  doc: number,
  query: string[],
  postingsOf: (Map<number, Map<number, number>> | undefined)[],
  fields: { id: number }[],
): string[] {
  const found: Record<string, true> = {};
  query.forEach((term, j) => {
    const data = postingsOf[j];
    if (data && fields.some((f) => data.get(f.id)?.has(doc))) found[term] = true;
  });
  return Object.keys(found);
}
