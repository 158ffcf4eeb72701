import type { ReportMeta } from '../types.js';

/** The year a report was delivered; without a date, its plan year (reports are delivered in the year they plan, or just before). */
export function deliveredYear(meta: Pick<ReportMeta, 'date' | 'planYear'>): number {
  return meta.date ? Number(meta.date.slice(0, 4)) : meta.planYear;
}
