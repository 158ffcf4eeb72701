// Two reports for one place and year that disagree on a figure (disagreeingFigures.ts says
// when: a draft and the final text, a web page that was corrected later). Found from the
// indicator rows when reports are loaded and each time one is added, corrected or removed; each such report carries a warning naming the other
// and the figure, so its card says so, and anyone answering from them can tell.
import type { IndicatorRow, Report, ReportMeta } from '../types.js';
import { disagreeingFigures } from './disagreeingFigures.js';

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

/** Every conflict, once from each side, for reports of one place and plan year (disagreeingFigures.ts decides which). */
export function figureConflicts(reports: readonly Report[], indicators: readonly IndicatorRow[]): FigureConflict[] {
  const metaById = new Map(reports.map((r) => [r.meta.id, r.meta]));
  const conflicts: FigureConflict[] = [];
  for (const d of disagreeingFigures(indicators, [], (id) => metaById.get(id))) {
    const statements = d.statements.filter((s): s is typeof s & { row: IndicatorRow } => s.row !== undefined);
    for (let i = 0; i < statements.length; i++) {
      for (let j = i + 1; j < statements.length; j++) {
        const [x, y] = [statements[i].row, statements[j].row];
        if (x.value === y.value) continue;
        const common = { indicator: x.indicator, year: x.year, kind: x.kind };
        conflicts.push({ reportId: x.reportId, otherReportId: y.reportId, ...common, quote: x.quote, otherQuote: y.quote });
        conflicts.push({ reportId: y.reportId, otherReportId: x.reportId, ...common, quote: y.quote, otherQuote: x.quote });
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
