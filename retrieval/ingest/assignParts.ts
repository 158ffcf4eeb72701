// Which part of the report each paragraph is in: the cover, the review of the
// past year (or term), the plan for the coming one, or other (the opening, the
// closing appeal). Read from top-level heading titles when there are headings and
// from cue words at the start of paragraphs when there are none, so year
// semantics (a target is in the plan, an outcome in the review) hold either way.
import { SELF_REFERENCE } from '../places/selfReferences.js';

export type ReportPart = 'cover' | 'review' | 'plan' | 'other';

const REVIEW_TITLE = /回顾|过去一年|过去的一年|过去五年|过去的五年|五年来|成绩|成就|取得的/u;
const PLAN_TITLE = /目标|任务|安排|重点|要求|计划|部署|展望|今年|明年|今后|建议|自身建设|政府建设|思路/u;
const REVIEW_OPENING = /^(?:过去的?一年|一年来|过去的?五年|五年来|即将过去的|刚刚过去的|回顾过去)/u;
const PLAN_OPENING = /^(?:今年|新的一年|展望|做好今年|明年)/u;

export interface PartInput {
  text: string;
  /** Top-level section title (with marker), if the paragraph has one. */
  top?: string;
  /** True for the top-level heading paragraph itself. */
  isTopHeading: boolean;
  isCover: boolean;
}

export function assignParts(paragraphs: readonly PartInput[], reviewYear: number, planYear: number): ReportPart[] {
  const reviewYearOpening = new RegExp(`^${reviewYear}年(?:是|，|,|以来|我们)`, 'u');
  const planYearOpening = new RegExp(`^${planYear}年(?:是|，|,|的|我们|${SELF_REFERENCE})`, 'u');
  let part: ReportPart = 'other';
  let lastTop: string | undefined;
  // Under a heading that names its part, the heading decides; elsewhere paragraph openings do.
  let decided = false;
  return paragraphs.map((p) => {
    if (p.isCover) return 'cover';
    if (p.top !== lastTop) {
      lastTop = p.top;
      const fromTitle = p.top === undefined ? undefined : titlePart(p.top, reviewYear, planYear);
      decided = fromTitle !== undefined;
      if (fromTitle) part = fromTitle;
    }
    if (!decided && !p.isTopHeading) {
      if (REVIEW_OPENING.test(p.text) || reviewYearOpening.test(p.text)) part = 'review';
      else if (PLAN_OPENING.test(p.text) || planYearOpening.test(p.text)) part = 'plan';
    }
    return part;
  });
}

/** A title that looks back and forward at once (十二五回顾和十三五展望): neither the year's review nor its plan. */
const REVIEW_AND_OUTLOOK = /(?:回顾|成就|成绩).*(?:展望|今后|规划)|(?:展望|今后).*(?:回顾|成就|成绩)/u;

function titlePart(title: string, reviewYear: number, planYear: number): ReportPart | undefined {
  if (REVIEW_AND_OUTLOOK.test(title)) return 'other';
  if (REVIEW_TITLE.test(title) || title.includes(`${reviewYear}年`)) return 'review';
  if (PLAN_TITLE.test(title) || title.includes(`${planYear}年`)) return 'plan';
  return undefined;
}
