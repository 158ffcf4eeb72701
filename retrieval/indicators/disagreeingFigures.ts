// Two reports for one place and year that state one figure differently: a draft and the
// final text, a web page corrected later, two printings of which one has a typo. "One
// figure" is the same indicator (or, for figures no indicator names, the same subject), about
// the same year, of the same kind (target, actual, estimate) and measure, in the same unit;
// "differently" is with no value in common (a report may state a figure twice). "One place"
// is the same name in any of its forms with no parent city or province that differs. Answers
// that use either report must say the sources differ and cite both.
import { samePlace } from '../places/samePlace.js';
import type { IndicatorRow, QuantityRecord, ReportMeta } from '../types.js';
import { labelPart } from './vocabulary.js';

/** One report's statement of a figure. */
export interface FigureStatement {
  reportId: string;
  paragraphId: string;
  value: number;
  /** Where the statement stands in its paragraph (an indicator row's clause, a record's statement). */
  span: { start: number; end: number };
  /** The row or record it was read from. */
  row?: IndicatorRow;
  record?: QuantityRecord;
}

export interface FigureDisagreement {
  place: string;
  /** The year the reports plan (the year they are of). */
  reportYear: number;
  /** The indicator, or the subject of a figure no indicator names. */
  what: string;
  /** The years the figure is about. */
  years: number[];
  kind: string;
  /** One statement per report, in the order the figures were given; at least two reports. */
  statements: FigureStatement[];
}

/** One place: same name (in any of its written forms), and no parent city or province that differs. */
export function samePlaceOf(a: ReportMeta, b: ReportMeta): boolean {
  if (!samePlace(a.place, b.place)) return false;
  if (a.city && b.city && !samePlace(a.city, b.city)) return false;
  if (a.province && b.province && !samePlace(a.province, b.province)) return false;
  return true;
}

interface Stated extends FigureStatement {
  meta: ReportMeta;
  key: string;
  what: string;
  years: number[];
  kind: string;
}

/** The figures among `rows` and `records` that reports of one place and year state differently. */
export function disagreeingFigures(
  rows: readonly IndicatorRow[],
  records: readonly QuantityRecord[],
  metaOf: (reportId: string) => ReportMeta | undefined,
): FigureDisagreement[] {
  const stated: Stated[] = [];
  for (const r of rows) {
    const meta = metaOf(r.reportId);
    if (!meta || r.value === null) continue;
    const years = [r.year];
    // 城镇… and 农村… of one indicator are figures of their own, named as the report names them.
    const what = labelPart(r.indicator, r.label) ? r.label : r.indicator;
    const key = keyOf(meta, `${r.indicator}${labelPart(r.indicator, r.label)}`, years, r.kind, r.measure, r.unit);
    stated.push({ reportId: r.reportId, paragraphId: r.paragraphId, value: r.value, span: r.span, row: r, meta, what, years, kind: r.kind, key });
  }
  for (const q of records) {
    const meta = metaOf(q.reportId);
    if (!meta || q.value === null || q.comparison || !q.subject) continue;
    stated.push({ reportId: q.reportId, paragraphId: q.paragraphId, value: q.value, span: q.statement, record: q, meta, what: q.subject, years: q.years, kind: q.kind, key: keyOf(meta, `“${q.subject}”`, q.years, q.kind, q.measure, q.unit) });
  }
  const byKey = new Map<string, Stated[]>();
  for (const s of stated) byKey.set(s.key, [...(byKey.get(s.key) ?? []), s]);
  const out: FigureDisagreement[] = [];
  for (const group of byKey.values()) {
    // Places that only share a name are apart: cluster by place, parents included.
    const clusters: Stated[][] = [];
    for (const s of group) {
      const cluster = clusters.find((c) => samePlaceOf(c[0].meta, s.meta));
      if (cluster) cluster.push(s);
      else clusters.push([s]);
    }
    for (const cluster of clusters) {
      const values = new Map<string, Set<number>>();
      for (const s of cluster) values.set(s.reportId, (values.get(s.reportId) ?? new Set()).add(s.value));
      const reports = [...values.keys()];
      const apart = reports.some((a, i) => reports.slice(i + 1).some((b) => ![...values.get(a)!].some((v) => values.get(b)!.has(v))));
      if (!apart) continue;
      const first = cluster[0];
      const statements = reports.map((id) => cluster.find((s) => s.reportId === id)!).map(({ reportId, paragraphId, value, span, row, record }) => ({ reportId, paragraphId, value, span, ...(row ? { row } : {}), ...(record ? { record } : {}) }));
      out.push({ place: first.meta.place, reportYear: first.meta.planYear, what: first.what, years: first.years, kind: first.kind, statements });
    }
  }
  return out;
}

function keyOf(meta: ReportMeta, what: string, years: readonly number[], kind: string, measure: string, unit: string): string {
  return [meta.planYear, what, years.join('-'), kind, measure, unit].join('|');
}
