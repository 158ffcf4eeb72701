// The year a report reviews and the year it plans. Headings and cue phrases say
// so (2023年工作回顾, 即将过去的2017年, 2024年主要预期目标, 做好今年工作); otherwise the
// delivery date: a report delivered in year Y reviews Y−1 and plans Y, except one
// delivered in December, which reviews the year ending and plans the next.

export interface Years {
  reviewYear?: number;
  planYear?: number;
  /** body: read from the text; default: inferred from the delivery date. */
  source: 'body' | 'default';
}

/** Unambiguous wherever they stand. */
const REVIEW_ANYWHERE = [/即将过去的(\d{4})年/u, /回顾(\d{4})年(?:的)?工作/u];
const REVIEW = [/(\d{4})年(?:的)?(?:政府)?工作(?:的)?回顾/u];
const PLAN = [
  /(\d{4})年(?:的)?(?:政府)?工作(?:的)?(?:总体要求|目标|安排|重点|任务|建议|部署)/u,
  /(\d{4})年(?:经济社会发展的?)?(?:总体要求|重点工作|主要任务|主要目标|主要预期目标|预期目标)/u,
  /做好(\d{4})年(?:的)?(?:政府)?工作/u,
];
/**
 * Heading cues count only in a heading-like line (short, no full stop) or when they
 * introduce something (…预期目标是：): "2023年主要目标任务圆满完成" in a review is no plan.
 */
const HEADING_CHARS = 40;
const CUE_CHARS = 60;

export function readYears(body: readonly string[], date: string | undefined): Years {
  const review = firstYear(body, REVIEW) ?? firstYear(body, REVIEW_ANYWHERE, true);
  const plan = firstYear(body, PLAN);
  const delivered = date ? Number(date.slice(0, 4)) : undefined;
  const december = date ? Number(date.slice(5, 7)) === 12 : false;
  if (review !== undefined || plan !== undefined) {
    // A review year that is the delivery year itself, without December, is a misreading only when a plan year contradicts it.
    return { reviewYear: review ?? plan! - 1, planYear: plan ?? review! + 1, source: 'body' };
  }
  if (delivered !== undefined) {
    return december ? { reviewYear: delivered, planYear: delivered + 1, source: 'default' } : { reviewYear: delivered - 1, planYear: delivered, source: 'default' };
  }
  // No date and no cue: the year the opening paragraphs speak of ("2023年是…的一年", "过去的2023年").
  const opening = body.slice(0, 6).join('\n');
  const m = /(?:过去的|即将过去的)?((?:19|20)\d{2})年(?:是|，|,)/u.exec(opening);
  if (m) return { reviewYear: Number(m[1]), planYear: Number(m[1]) + 1, source: 'body' };
  return { source: 'default' };
}

function firstYear(body: readonly string[], patterns: RegExp[], anywhere = false): number | undefined {
  for (const line of body) {
    const heading = line.length <= HEADING_CHARS && !/[。；]/u.test(line);
    const head = anywhere ? line : line.slice(0, CUE_CHARS);
    for (const re of patterns) {
      const m = re.exec(head);
      if (m && (anywhere || heading || /^(?:是|为|如下)?[:：]|^是/u.test(head.slice(m.index + m[0].length)))) return Number(m[1]);
    }
  }
  return undefined;
}
