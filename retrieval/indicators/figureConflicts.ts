// Two reports for one place and year that disagree on a figure: the same indicator, year,
// kind (target, actual, estimate), measure and unit, with no value in common (a draft and
// the final text, a web page that was corrected later, a report of another place that
// names itself alike). Found from the indicator rows when reports are loaded and each time
// one is added, corrected or removed; each such report carries a warning naming the other
// and the figure, so its card says so, and anyone answering from them can tell.
import { samePlace } from '../places/samePlace.js';
import type { IndicatorRow, Report, ReportMeta } from '../types.js';

export interface FigureConflict {
  /** The report the conflict is reported on, and the one it disagrees with. */
  reportId: string;
  otherReportId: string;
  indicator: string;
  year: number;
  kind: IndicatorRow['kind'];
  /** The clause holding the figure in each report. */
  quote: string;
  otherQuote: string;
}

const KIND = { target: '目标', actual: '实际', estimate: '预计' } as const;

/** One place: same name (in any of its written forms), and no parent city or province that differs. */
function samePlaceOf(a: ReportMeta, b: ReportMeta): boolean {
  if (!samePlace(a.place, b.place)) return false;
  if (a.city && b.city && !samePlace(a.city, b.city)) return false;
  if (a.province && b.province && !samePlace(a.province, b.province)) return false;
  return true;
}

/** Every conflict, once from each side, for reports of one place and plan year. */
export function figureConflicts(reports: readonly Report[], indicators: readonly IndicatorRow[]): FigureConflict[] {
  const rowsOf = new Map<string, Map<string, IndicatorRow[]>>();
  for (const row of indicators) {
    if (row.value === null) continue;
    const key = `${row.indicator}|${row.year}|${row.kind}|${row.measure}|${row.unit}`;
    let byKey = rowsOf.get(row.reportId);
    if (!byKey) rowsOf.set(row.reportId, (byKey = new Map()));
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  const byYear = new Map<number, Report[]>();
  for (const r of reports) byYear.set(r.meta.planYear, [...(byYear.get(r.meta.planYear) ?? []), r]);
  const conflicts: FigureConflict[] = [];
  for (const group of byYear.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const [a, b] = [group[i], group[j]];
        if (!samePlaceOf(a.meta, b.meta)) continue;
        const rowsA = rowsOf.get(a.meta.id);
        const rowsB = rowsOf.get(b.meta.id);
        if (!rowsA || !rowsB) continue;
        for (const [key, ra] of rowsA) {
          const rb = rowsB.get(key);
          if (!rb) continue;
          // A report may state one figure twice, or two of one kind: they differ only when nothing is shared.
          const values = new Set(ra.map((r) => r.value));
          if (rb.some((r) => values.has(r.value))) continue;
          const [x, y] = [ra[0], rb[0]];
          const common = { indicator: x.indicator, year: x.year, kind: x.kind };
          conflicts.push({ reportId: a.meta.id, otherReportId: b.meta.id, ...common, quote: x.quote, otherQuote: y.quote });
          conflicts.push({ reportId: b.meta.id, otherReportId: a.meta.id, ...common, quote: y.quote, otherQuote: x.quote });
        }
      }
    }
  }
  return conflicts;
}

/** The warning a report's card shows for one conflict. */
export function conflictWarning(c: FigureConflict): string {
  return `与同地同年的报告 ${c.otherReportId} 数字不一致：${c.indicator}（${c.year}年${KIND[c.kind]}）本报告为“${c.quote}”，${c.otherReportId} 为“${c.otherQuote}”`;
}

const memo = new WeakMap<object, { hash: string; warnings: Map<string, string[]> }>();

/**
 * The conflict warnings of one report in a corpus, worked out again only when the corpus
 * changed (its hash changes with every report added, corrected or removed).
 */
export function conflictWarningsOf(corpus: { hash: string; reports: readonly Report[]; indicators: readonly IndicatorRow[] }, reportId: string): string[] {
  let known = memo.get(corpus);
  if (!known || known.hash !== corpus.hash) {
    const warnings = new Map<string, string[]>();
    for (const c of figureConflicts(corpus.reports, corpus.indicators)) warnings.set(c.reportId, [...(warnings.get(c.reportId) ?? []), conflictWarning(c)]);
    known = { hash: corpus.hash, warnings };
    memo.set(corpus, known);
  }
  return known.warnings.get(reportId) ?? [];
}

/** A report's metadata with its conflict warnings after what ingestion could not read. */
export function withConflictWarnings(corpus: Parameters<typeof conflictWarningsOf>[0], meta: ReportMeta): ReportMeta {
  const conflicts = conflictWarningsOf(corpus, meta.id);
  return conflicts.length === 0 ? meta : { ...meta, warnings: [...(meta.warnings ?? []), ...conflicts] };
}
