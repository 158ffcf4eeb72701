// The cities and provinces the loaded reports belong to. A question names them as the
// address of a place (山西大同, 郑州惠济区), never as its topic, so they are not content
// words to rank or match by.
import type { Corpus } from '../types.js';

const memo = new WeakMap<Corpus, { hash: string; names: string[] }>();

/** Every city and province of the loaded reports, computed once per state of the corpus (adds and deletes change its hash). */
export function parentPlacesOf(corpus: Corpus): string[] {
  const hit = memo.get(corpus);
  if (hit && hit.hash === corpus.hash) return hit.names;
  const names = [...new Set(corpus.reports.flatMap((r) => [r.meta.city, r.meta.province]).filter((c): c is string => !!c))];
  memo.set(corpus, { hash: corpus.hash, names });
  return names;
}
