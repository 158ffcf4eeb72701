import type { ReportMeta } from '../types.js';

/**
 * What query understanding needs to know about each report. `congress` is
 * optional: when present it tells which reports open a new congress term (第一次会议)
 * and therefore review the whole past five years (过去五年/五年来).
 */
export type CatalogEntry = Pick<ReportMeta, 'id' | 'place' | 'city' | 'reviewYear' | 'planYear'> &
  Partial<Pick<ReportMeta, 'congress' | 'province' | 'level' | 'date'>>;

/** A report delivered at the first session of a new congress reviews the whole term. */
export function reviewsTerm(r: CatalogEntry): boolean {
  return r.congress !== undefined && /第一次会议/.test(r.congress);
}

/** The report with the latest plan year (ties: later in the catalog). */
export function latestReport(reports: readonly CatalogEntry[]): CatalogEntry | undefined {
  let best: CatalogEntry | undefined;
  for (const r of reports) if (!best || r.planYear >= best.planYear) best = r;
  return best;
}

/** Reports of the given places; all reports when none is given. */
export function reportsOf(catalog: readonly CatalogEntry[], places: readonly string[]): CatalogEntry[] {
  if (!places.length) return [...catalog];
  const wanted = new Set(places);
  return catalog.filter((r) => wanted.has(r.place));
}
