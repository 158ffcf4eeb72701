import type { ParsedQuery } from '../types.js';
import { type CatalogEntry, reportsOf } from './catalog.js';
import { detectPlaces } from './detectPlaces.js';
import { detectIndicators } from './detectIndicator.js';
import { detectIntent, isMetaQuestion } from './detectIntent.js';
import { detectMeasure } from './detectMeasure.js';
import { detectRole, eachYearRoles, rolesByYear } from './detectRole.js';
import { detectYear } from './detectYear.js';
import { foldText } from './foldText.js';
import { isElliptical } from './isElliptical.js';
import { ASKS_FIGURE } from './measureWords.js';
import { resolveYears } from './resolveYears.js';
import { selectReports, yearStanding } from './selectReports.js';

export type { CatalogEntry } from './catalog.js';

const JOIN_COMPARISON = /比|对比|比较|差距|差多少/u;
/** Words that ask how or what rather than how much. */
const ASKS_ACCOUNT = /怎么|怎样|如何|什么|哪些|为什么|为何|有何/u;

/**
 * Question → structured query: which places, which year and whether its plan
 * (target) or outcome (actual) is wanted, which indicator, what kind of question,
 * and which reports can answer it.
 *
 * Reports: a target for year Y is in the report delivered in Y (planYear = Y),
 * an actual for Y in the one delivered in Y+1 (reviewYear = Y).
 * `reportIds` is [] when the question constrains nothing (search everything). When
 * it names a place or year that no report covers, `reportIds` is [] as well but
 * `noMatchingReport` is true (and `unknownPlace` says which place, if that was it):
 * the caller must answer "not covered" rather than search everything. `place`
 * and `year` keep what the user asked, so the answer can say what is missing.
 *
 * `context` is the previous turn's result: missing place and year are taken from
 * it; a bare follow-up ("那卫东区呢？", "去年呢？") also keeps indicator, measure,
 * role and intent.
 */
export function parseQuery(text: string, catalog: readonly CatalogEntry[], context?: ParsedQuery): ParsedQuery {
  const folded = foldText(text);

  // Where: places by name or city; places the catalog does not know.
  const place = detectPlaces(folded, catalog, text);
  const unknownPlace = place.unknownPlace;
  const namesPlace = place.places.length > 0 || unknownPlace !== undefined;

  // What: indicator and measure.
  const indicators = detectIndicators(folded, text);
  // "比红旗区高吗" / "和红旗区比呢": the new place joins the previous ones.
  const joinsComparison =
    context !== undefined &&
    place.places.length === 1 &&
    indicators.length === 0 &&
    context.places.length > 0 &&
    !context.places.includes(place.places[0]) &&
    JOIN_COMPARISON.test(folded);
  const elliptical = context !== undefined && (joinsComparison || isElliptical(folded, [...place.spans, ...indicators]));

  let places = namesPlace || !context ? place.places : [...context.places];
  if (joinsComparison) places = [...context!.places, ...place.places];

  // When: literal years, relative years (anchored on the conversation in a follow-up), periods.
  const yearMention = detectYear(folded);
  const namesYear =
    yearMention.years.length > 0 || yearMention.relative !== undefined || yearMention.period !== undefined || yearMention.pastFiveYears;
  // "2025年的报告里去年…": the named report is the anchor, and 今年/去年 count from it.
  // A question about the report itself ("2023年作报告的是谁") names the report by its year too.
  const metaYear = yearMention.reportYear === undefined && isMetaQuestion(folded) && yearMention.years.length === 1 ? yearMention.years[0] : undefined;
  const namedReportYear = yearMention.reportYear ?? metaYear;
  const mention = metaYear !== undefined ? { ...yearMention, years: [] } : yearMention;
  const pool = reportsOf(catalog, places).filter((r) => namedReportYear === undefined || deliveredIn(r, namedReportYear));
  let years = resolveYears(mention, pool, elliptical ? context?.year : undefined, namedReportYear !== undefined);
  if (!namesYear && context?.year !== undefined) years = [context.year];

  const own = indicators[0];
  const indicator = own?.indicator ?? (elliptical ? context?.indicator : undefined);
  const indicatorMention = own?.mention ?? (elliptical ? context?.indicatorMention : undefined);
  // Plan or outcome: the question's own words, then 去年/前年 (past), then the previous turn.
  const roleMention = detectRole(folded);
  // "那2023年实际完成了多少？" after "GDP增速目标": a follow-up that says plan or outcome
  // asks afresh, so the previous turn's measure does not carry over.
  const measure = detectMeasure(folded, own) ?? (elliptical && !roleMention ? context?.measure : undefined);
  // One year's plan against another's outcome (or both of one year): each year's own role, and no single one.
  // …or several years listed (2017年和2020年GDP目标): each year on its own, so each is answered.
  const yearRoles =
    rolesByYear(folded, years) ??
    (indicator !== undefined || ASKS_FIGURE.test(folded) ? eachYearRoles(folded, years, roleMention, (y) => yearStanding(pool, y)) : undefined);
  let role = yearRoles ? undefined : roleMention?.role;
  // 2024年完成投资多少: for a year the reports only plan, 完成/实现 describe the plan.
  if (!yearRoles && roleMention?.weak && years.length === 1 && yearStanding(pool, years[0]) === 'plan') role = 'target';
  if (!role && !yearRoles && (yearMention.relative === '去年' || yearMention.relative === '前年')) role = 'actual';
  if (!role && !yearRoles && elliptical && context && context.yearRole !== 'any' && !namesYear) role = context.yearRole;

  // Without a year, a figure or a speaker is asked about as it stands now: the newest report.
  const asksMeta = isMetaQuestion(folded) || (elliptical && context?.intent === 'meta');
  const latestOnly = (indicator !== undefined || asksMeta) && years.length === 0 && namedReportYear === undefined;
  let selection = selectReports(catalog, {
    places: places,
    years,
    role: role ?? 'any',
    period: yearMention.period,
    pastFiveYears: yearMention.pastFiveYears,
    latestOnly,
  });
  if (namedReportYear !== undefined) {
    // Only the named report answers; a place without a report of that year is not covered.
    const ids = new Set(pool.map((r) => r.id));
    const kept = selection.none ? [] : (selection.ids.length ? selection.ids : catalog.map((r) => r.id)).filter((id) => ids.has(id));
    selection = { ids: kept, none: kept.length === 0 };
    if (selection.none && !years.length) years = [namedReportYear];
    if (!years.length && kept.length === 1) {
      const r = pool.find((p) => p.id === kept[0])!;
      if (role === 'actual') years = [r.reviewYear];
      else if (role === 'target') years = [r.planYear];
    }
  }
  // A year only reviewed by the reports is asked about as an outcome.
  let yearRole: ParsedQuery['yearRole'] = role ?? 'any';
  let yearIsPlanYear = false;
  if (!role && !yearRoles && years.length === 1 && selection.ids.length) {
    const ids = new Set(selection.ids);
    const chosen = catalog.filter((r) => ids.has(r.id));
    const standing = yearStanding(chosen, years[0]);
    if (standing === 'review') yearRole = 'actual';
    yearIsPlanYear = standing === 'plan';
  }

  // A place without a report is never answered from another place, even beside a covered one.
  if (unknownPlace) selection = { ids: [], none: true };

  let intent = detectIntent({
    folded,
    placeCount: places.length,
    yearCount: years.length,
    hasIndicator: indicator !== undefined,
    role: yearRole,
    yearIsPlanYear,
  });
  if (yearRoles && (intent === 'target' || intent === 'actual')) intent = 'compare';
  // "那卫东区呢？" after a list or meta question asks the same kind of question.
  if (elliptical && intent === 'open' && context && context.intent !== 'compare') intent = context.intent;

  const parsed: ParsedQuery = {
    text,
    places: places,
    yearRole,
    intent,
    reportIds: selection.none ? [] : selection.ids,
  };
  if (places.length) parsed.place = places[0];
  if (years.length) parsed.year = years[0];
  if (indicator) parsed.indicator = indicator;
  // "就业和失业率目标": every indicator named, in order, when there are several.
  const named = [...new Set(indicators.map((m) => m.indicator))];
  if (named.length > 1) parsed.indicators = named;
  if (indicatorMention) parsed.indicatorMention = indicatorMention;
  if (measure) parsed.measure = measure;
  if (yearRoles) parsed.yearRoles = yearRoles;
  if (yearMention.period) parsed.period = { from: yearMention.period.from, to: yearMention.period.to };
  // A target, outcome or comparison question that says 多少 or names an indicator (GDP目标) asks for
  // the figure; one that asks how or what (怎么防范…，处置了多少; 就业方面怎么安排) asks for an
  // account, which may quote figures.
  if (['target', 'actual', 'compare'].includes(intent) && (ASKS_FIGURE.test(folded) || indicator !== undefined) && !ASKS_ACCOUNT.test(folded)) parsed.asksFigure = true;
  if (unknownPlace) parsed.unknownPlace = unknownPlace;
  if (selection.none) parsed.noMatchingReport = true;
  return parsed;
}

/** A report is "the Y report" when delivered in Y, or (undated) when it plans Y. */
function deliveredIn(r: CatalogEntry, year: number): boolean {
  return r.date ? Number(r.date.slice(0, 4)) === year || (r.planYear === year && Number(r.date.slice(5, 7)) === 12) : r.planYear === year;
}
