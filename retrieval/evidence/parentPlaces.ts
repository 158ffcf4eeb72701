// The places of the loaded reports, and the cities and provinces they belong to. A
// question names the parents as the address of a place (山西大同, 郑州惠济区), never as
// its topic, so they are not content words to rank or match by; answers are checked
// against the places themselves.
import type { Corpus } from '../types.js';

interface CorpusPlaces {
  places: string[];
  parents: string[];
}

// By the corpus's hash, which changes with every report added or removed: a working set a
// database server makes per question shares its catalog's hash, so 10,000 reports are read
// once per state of the corpus, not once per question.
const memo = new Map<string, CorpusPlaces>();
/** Corpora alive at once with different contents (a server's, tests' small ones). */
const MEMO_SIZE = 8;

function placesOf(corpus: Corpus): CorpusPlaces {
  const hit = memo.get(corpus.hash);
  if (hit) return hit;
  const places = [...new Set(corpus.reports.map((r) => r.meta.place))];
  const parents = [...new Set(corpus.reports.flatMap((r) => [r.meta.city, r.meta.province]).filter((c): c is string => !!c))];
  const found = { places, parents };
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(corpus.hash, found);
  return found;
}

/** Every city and province of the loaded reports (the same array while the corpus is unchanged). */
export function parentPlacesOf(corpus: Corpus): string[] {
  return placesOf(corpus).parents;
}

/** Every place the loaded reports are of, in corpus order (the same array while the corpus is unchanged). */
export function knownPlacesOf(corpus: Corpus): string[] {
  return placesOf(corpus).places;
}
