import { type CatalogEntry, reportsOf, reviewsTerm } from './catalog.js';

export interface ReportConstraints {
  places: readonly string[];
  years: readonly number[];
  role: 'target' | 'actual' | 'any';
  /** Five-year plan period, e.g. 十三五 = 2016–2020. */
  period?: { from: number; to: number };
  pastFiveYears: boolean;
  /** No year named and a figure or the speaker asked for: only each place's newest report. */
  latestOnly: boolean;
}

export interface ReportSelection {
  ids: string[];
  /** Constraints were given and no report satisfies them. */
  none: boolean;
}

/** How far ahead a report sets targets (到2025年…): a five-year plan's span. */
const HORIZON_YEARS = 5;

/** The target for year Y is planned in the report delivered in Y. */
const plans = (r: CatalogEntry, y: number) => r.planYear === y;

/**
 * The outcome for year Y is reviewed in the report delivered in Y+1; a report
 * opening a new congress term also reviews the four years before (过去五年).
 */
const reviews = (r: CatalogEntry, y: number) =>
  r.reviewYear === y || (reviewsTerm(r) && y >= r.reviewYear - 4 && y < r.reviewYear);

const covers = (r: CatalogEntry, y: number) => plans(r, y) || reviews(r, y);

/**
 * Reports that fit the question's place, year, role and period, in catalog
 * order. No constraint at all → ids [] ("all"). A year whose figure for the asked
 * role is in no report falls back to reports that cover the year in the other
 * role (the 2023 target is not in huiji-2024, but its 2023 outcome is), so the
 * caller can still answer around it; only a year no report touches gives `none`.
 */
export function selectReports(catalog: readonly CatalogEntry[], c: ReportConstraints): ReportSelection {
  const constrained = c.places.length > 0 || c.years.length > 0 || c.period !== undefined || c.pastFiveYears;
  if (!constrained) return { ids: [], none: false };

  let pool = reportsOf(catalog, c.places);
  if (c.period) {
    const { from, to } = c.period;
    pool = pool.filter((r) => {
      for (let y = from; y <= to; y++) if (covers(r, y)) return true;
      return false;
    });
  }
  if (c.pastFiveYears) {
    // Only a first-session report reviews five years; a place without one keeps its reports.
    const term = pool.filter(reviewsTerm);
    if (term.length) pool = term;
  }
  if (c.years.length) {
    const fits = c.role === 'target' ? plans : c.role === 'actual' ? reviews : covers;
    const strict = pool.filter((r) => c.years.some((y) => fits(r, y)));
    const around = strict.length ? strict : pool.filter((r) => c.years.some((y) => covers(r, y)));
    // 到2012年GDP超过700亿元: a report may set a target for a year up to five years ahead, so a
    // target for a year no report plans is looked for in the reports that plan the years before it.
    pool = around.length || c.role === 'actual' ? around : pool.filter((r) => c.years.some((y) => y > r.planYear && y <= r.planYear + HORIZON_YEARS));
  } else if (c.latestOnly && !c.period && !c.pastFiveYears) {
    // One pass, as latestReport per place would choose (ties: later in the catalog).
    const newest = new Map<string, CatalogEntry>();
    for (const r of pool) {
      const best = newest.get(r.place);
      if (!best || r.planYear >= best.planYear) newest.set(r.place, r);
    }
    const latest = new Set([...newest.values()].map((r) => r.id));
    pool = pool.filter((r) => latest.has(r.id));
  }
  return { ids: pool.map((r) => r.id), none: pool.length === 0 };
}

/** How the reports hold a year: only as a plan year, only as a reviewed year, or both/neither. */
export function yearStanding(reports: readonly CatalogEntry[], year: number): 'plan' | 'review' | 'mixed' {
  const p = reports.some((r) => plans(r, year));
  const v = reports.some((r) => reviews(r, year));
  return p && !v ? 'plan' : v && !p ? 'review' : 'mixed';
}
