// Which reports a question may be answered from: the one rule search and evidence share.
// The user's filters (place, year of delivery, report ids) bound the pool; within it the
// reports query understanding chose (place, year and what the year means), else the
// places the question names. A guess from the wording never empties an explicit filter:
// when the two disagree, the filter wins.
import { deliveredYear } from '../ingest/deliveredYear.js';
import { samePlace } from '../places/samePlace.js';
import type { Corpus, ParsedQuery, Report, SearchFilters } from '../types.js';

export function reportsForQuestion(corpus: Corpus, query: ParsedQuery, filters: SearchFilters = {}): Report[] {
  let pool = corpus.reports;
  // Sets, not arrays: the search a question's evidence runs passes every pooled id (thousands at scale).
  const filterIds = new Set(filters.reportIds ?? []);
  const queryIds = new Set(query.reportIds);
  if (filterIds.size) pool = pool.filter((r) => filterIds.has(r.meta.id));
  if (filters.place) pool = pool.filter((r) => samePlace(r.meta.place, filters.place!));
  if (filters.year) pool = pool.filter((r) => deliveredYear(r.meta) === filters.year);
  for (const fits of [
    queryIds.size ? (r: Report) => queryIds.has(r.meta.id) : undefined,
    query.places.length ? (r: Report) => query.places.includes(r.meta.place) : undefined,
  ]) {
    if (!fits) continue;
    const chosen = pool.filter(fits);
    if (chosen.length) return chosen;
  }
  return pool;
}
