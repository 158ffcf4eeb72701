// Filters over extracted indicator rows.
import { samePlace } from '../places/samePlace.js';
import type { IndicatorLookup, IndicatorRow } from '../types.js';
import { INDICATORS } from './vocabulary.js';


/** Canonical indicator name for `name`: itself if canonical, else the one indicator using it as label/alias. */
function canonicalIndicator(name: string): string {
  const n = name.trim();
  if (INDICATORS.some((d) => d.name === n)) return n;
  const lower = n.toLowerCase();
  const owners = INDICATORS.filter((d) => d.labels.includes(n) || d.aliases.some((a) => a.toLowerCase() === lower));
  return owners.length === 1 ? owners[0].name : n;
}

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function lookupIndicators(rows: IndicatorRow[], q: IndicatorLookup): IndicatorRow[] {
  const place = q.place?.trim() || undefined;
  const indicator = q.indicator ? canonicalIndicator(q.indicator) : undefined;
  const kinds = q.kind === undefined ? undefined : Array.isArray(q.kind) ? q.kind : [q.kind];
  return rows
    .filter(
      (r) =>
        (place === undefined || samePlace(r.place, place)) &&
        (q.year === undefined || r.year === q.year) &&
        (indicator === undefined || r.indicator === indicator) &&
        (kinds === undefined || kinds.includes(r.kind)) &&
        (q.measure === undefined || r.measure === q.measure),
    )
    .sort(
      (a, b) =>
        cmp(a.place, b.place) ||
        cmp(a.year, b.year) ||
        cmp(a.kind, b.kind) ||
        cmp(a.indicator, b.indicator) ||
        cmp(a.measure, b.measure) ||
        cmp(a.reportId, b.reportId),
    );
}
