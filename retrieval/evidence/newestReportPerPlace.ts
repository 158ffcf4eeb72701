// A question that names no year is about each place's newest report: its plan is the
// current one, its review the latest outcome. (Query understanding narrows the same way
// when it chooses reports, in query/selectReports.ts; this is for pools already chosen.)
import type { Report } from '../types.js';

/** The newest report of each place in `reports` (by planned year; of two with one year, the later in the list). */
export function newestReportPerPlace(reports: readonly Report[]): Report[] {
  const newest = new Map<string, Report>();
  for (const r of reports) {
    const best = newest.get(r.meta.place);
    if (!best || r.meta.planYear >= best.meta.planYear) newest.set(r.meta.place, r);
  }
  return reports.filter((r) => newest.get(r.meta.place) === r);
}
