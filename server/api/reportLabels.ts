// Words users read for reports and indicator rows, shared by the chat UI and the
// server's exports (CSV), so a file and the screen name things alike.
// Imports only types: safe in the browser.
import type { IndicatorKind, ReportMeta } from '../../retrieval/browser.js';

export const KIND_LABEL: Record<IndicatorKind, string> = {
  target: '目标',
  actual: '实际',
  estimate: '预计',
};

export const MEASURE_LABEL = { growth: '增速', level: '总量' } as const;

/** The year a report was delivered (its plan year when the date is not written). */
export function reportYear(meta: Pick<ReportMeta, 'date' | 'planYear'>): number {
  const y = Number.parseInt((meta.date ?? '').slice(0, 4), 10);
  return Number.isInteger(y) ? y : meta.planYear;
}

/** Reports are all titled 政府工作报告; name the place and year so they can be told apart. */
export function reportDisplayTitle(meta: Pick<ReportMeta, 'title' | 'place' | 'date' | 'planYear'>): string {
  const title = meta.title.trim() || '政府工作报告';
  if (title.includes(meta.place)) return title;
  return `${meta.place}${reportYear(meta)}年${title.replace(/\s+/g, '')}`;
}
