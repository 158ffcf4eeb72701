import { type CatalogEntry, latestReport } from './catalog.js';
import type { YearMention } from './detectYear.js';

/**
 * Turns the years a question names into calendar years. Relative years are read
 * the way the reports use them: 今年 is the plan year of the newest relevant
 * report (the place's, or the newest overall), 去年 its review year, 前年 the
 * year before. In a follow-up (`previousYear` given) 去年/前年 count back from the
 * year the conversation was about: after "2024年目标", "去年呢" means 2023.
 */
export function resolveYears(
  mention: YearMention,
  pool: readonly CatalogEntry[],
  previousYear?: number,
  /** The question names the report ("2017年的报告里明年…"): its own 今年 is the year it was delivered. */
  namedReport = false,
): number[] {
  if (mention.years.length || !mention.relative) return mention.years;
  const anchor = latestReport(pool);
  if (!anchor) return [];
  if (namedReport && anchor.date) {
    const delivered = Number(anchor.date.slice(0, 4));
    const offset = { 今年: 0, 明年: 1, 去年: -1, 前年: -2 }[mention.relative];
    return [delivered + offset];
  }
  switch (mention.relative) {
    case '今年':
      return [anchor.planYear];
    case '明年':
      return [anchor.planYear + 1];
    case '去年':
      return [previousYear !== undefined ? previousYear - 1 : anchor.reviewYear];
    case '前年':
      return [previousYear !== undefined ? previousYear - 2 : anchor.reviewYear - 1];
  }
}
