// The year a report reviews and the year it plans. Headings and cue phrases say
// so (2023年工作回顾, “十三五”时期和2020年主要工作回顾, 即将过去的2017年, 2024年主要预期目标,
// 做好今年工作); a plan part headed 今年/明年… opens with the year it plans ("2008年是…之年");
// otherwise the delivery date: a report delivered in year Y reviews Y−1 and plans Y,
// except one delivered in December, which reviews the year ending and plans the next.
// Without a date, the year a report's estimates are for (预计2007年实现…) is the year it reviews.

export interface Years {
  reviewYear?: number;
  planYear?: number;
  /** body: read from the text; default: inferred from the delivery date. */
  source: 'body' | 'default';
}

/** Unambiguous wherever they stand. */
const REVIEW_ANYWHERE = [/即将过去的(\d{4})年/u, /回顾(\d{4})年(?:的)?工作/u];
const REVIEW = [
  // 2023年工作回顾, 2020年主要工作回顾, 2015年和“十二五”时期工作回顾, 2021年及过去五年工作回顾
  /(\d{4})年(?:(?:和|及|暨)[^，。；]{0,12}?)?(?:的)?(?:主要)?(?:政府)?工作(?:的)?回顾/u,
  // 一、2025年主要工作和“十四五”发展成就, 一、2015年主要工作 (the plan says 任务, 安排, 目标 …)
  /^(?:[一二三四五六七八九十]+、)?(\d{4})年(?:的)?主要工作(?!任务|安排|目标|部署|重点|建议|计划)/u,
];
const PLAN = [
  /(\d{4})年(?:的)?(?:主要)?(?:政府)?工作(?:的)?(?:总体要求|目标|安排|重点|任务|建议|部署)/u,
  /(\d{4})年(?:经济社会发展的?)?(?:总体要求|重点工作|主要任务|主要目标|主要预期目标|预期目标)/u,
  /做好(\d{4})年(?:的)?(?:政府)?工作/u,
];
/** A part about the coming year that its heading does not date: 三、明年工作建议, 二、今年工作安排. */
const UNDATED_PLAN_HEADING = /^(?:[一二三四五六七八九十]+、)?[^，。；]{0,8}(?:今年|明年|新的一年)[^，。；]{0,6}(?:工作|任务|安排|建议|目标|部署)/u;
/** …whose first lines say which year it is: "2008年是新一届政府的起始之年". */
const YEAR_IS = /^((?:19|20)\d{2})年(?:是|，)/u;
const PLAN_OPENING_LINES = 3;
/** An estimate for a year (预计2007年实现…), not a forecast to one (预计到2025年). */
const ESTIMATE = /预计((?:19|20)\d{2})年(?!底|末|前|后|以后)/gu;
/** Estimates name the reviewed year only if they agree this many times. */
const MIN_ESTIMATES = 2;
/**
 * Heading cues count only in a heading-like line (short, no full stop) or when they
 * introduce something (…预期目标是：): "2023年主要目标任务圆满完成" in a review is no plan.
 */
const HEADING_CHARS = 40;
const CUE_CHARS = 60;

export function readYears(body: readonly string[], date: string | undefined): Years {
  const review = firstYear(body, REVIEW) ?? firstYear(body, REVIEW_ANYWHERE, true);
  const plan = firstYear(body, PLAN) ?? undatedPlanYear(body);
  const delivered = date ? Number(date.slice(0, 4)) : undefined;
  const december = date ? Number(date.slice(5, 7)) === 12 : false;
  if (review !== undefined || plan !== undefined) {
    return { reviewYear: review ?? plan! - 1, planYear: plan ?? review! + 1, source: 'body' };
  }
  if (delivered !== undefined) {
    return december ? { reviewYear: delivered, planYear: delivered + 1, source: 'default' } : { reviewYear: delivered - 1, planYear: delivered, source: 'default' };
  }
  const estimated = estimatedYear(body);
  if (estimated !== undefined) return { reviewYear: estimated, planYear: estimated + 1, source: 'body' };
  // No date and no cue: the year the opening paragraphs speak of ("2023年是…的一年", "过去的2023年").
  const opening = body.slice(0, 6).join('\n');
  const m = /(?:过去的|即将过去的)?((?:19|20)\d{2})年(?:是|，|,)/u.exec(opening);
  if (m) return { reviewYear: Number(m[1]), planYear: Number(m[1]) + 1, source: 'body' };
  return { source: 'default' };
}

/** What may stand before a cue that opens its line: a part's number (一、, 第一部分). */
const LINE_OPENING = /^(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分[：:、，]?)?$/u;

function firstYear(body: readonly string[], patterns: RegExp[], anywhere = false): number | undefined {
  for (const line of body) {
    const heading = line.length <= HEADING_CHARS && !/[。；]/u.test(line);
    const head = anywhere ? line : line.slice(0, CUE_CHARS);
    for (const re of patterns) {
      const m = re.exec(head);
      if (!m) continue;
      // A numbered heading run into its first paragraph (a text that lost its line breaks) is still a heading.
      const opensNumbered = LINE_OPENING.test(head.slice(0, m.index)) && m.index > 0;
      if (anywhere || heading || opensNumbered || /^(?:是|为|如下)?[:：]|^是/u.test(head.slice(m.index + m[0].length))) return Number(m[1]);
    }
  }
  return undefined;
}

/** The year a 今年/明年 heading's part opens with. */
function undatedPlanYear(body: readonly string[]): number | undefined {
  const at = body.findIndex((l) => l.length <= HEADING_CHARS && UNDATED_PLAN_HEADING.test(l));
  if (at === -1) return undefined;
  for (const line of body.slice(at + 1, at + 1 + PLAN_OPENING_LINES)) {
    const m = YEAR_IS.exec(line);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** The year most estimates are for, when several agree. */
function estimatedYear(body: readonly string[]): number | undefined {
  const counts = new Map<number, number>();
  for (const line of body) for (const m of line.matchAll(ESTIMATE)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] >= MIN_ESTIMATES ? best[0] : undefined;
}
