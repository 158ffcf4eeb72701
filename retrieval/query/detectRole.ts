export type Role = 'target' | 'actual';

// Phrases about how a plan turned out: they win over the 目标 they contain (目标完成情况).
const OUTCOME = /完成情况|完成了|完成得|完成没|完成度|实现了|达到了|达成了|增长了|下降了|提高了|实际|最终|结果/u;
const TARGET = /目标|预期|计划|规划|力争|打算|争取|确保|安排|要求|指标是|定为|定了|要(?:达到|完成|实现|新增|建成|改造|推进|突破)/u;
// 预计 is not here: the reports use it for estimated outcomes (地区生产总值预计增长6%).
const ACTUAL = /完成|实现|达到|取得|做了|干了|多少亿|多少万|成效|成绩|情况|怎么样|如何/u;

export interface RoleMention {
  role: Role;
  /**
   * Weak: only words that plans use as well (完成投资50亿元, 实现增长7%). parseQuery
   * reads a weak 'actual' for a year that the reports only plan as a target.
   */
  weak: boolean;
}

/**
 * What the question wants of each year it names, read from the words after the year up to the
 * next one (目标比2018年实际…: 2019 target, 2018 actual): only when it wants different things of
 * them, or both of one year; otherwise the question's one role says it.
 */
export function rolesByYear(folded: string, years: readonly number[]): { year: number; role: Role }[] | undefined {
  const at = years.map((year) => ({ year, at: folded.indexOf(String(year)) })).filter((y) => y.at >= 0).sort((a, b) => a.at - b.at);
  const out: { year: number; role: Role }[] = [];
  at.forEach((y, i) => {
    const said = folded.slice(y.at, at[i + 1]?.at ?? folded.length);
    // 目标完成情况 is how the plan turned out: its 目标 asks for no target.
    if (TARGET.test(said.replace(new RegExp(`(?:目标|计划|任务)?(?:${OUTCOME.source})`, 'gu'), ''))) out.push({ year: y.year, role: 'target' });
    if (OUTCOME.test(said) || (ACTUAL.test(said) && !TARGET.test(said))) out.push({ year: y.year, role: 'actual' });
  });
  const roles = new Set(out.map((r) => r.role));
  return roles.size > 1 ? out : undefined;
}

/** What the question wants of a year: its plan (target) or its outcome (actual); undefined if it doesn't say. */
export function detectRole(folded: string): RoleMention | undefined {
  if (OUTCOME.test(folded)) return { role: 'actual', weak: false };
  if (TARGET.test(folded)) return { role: 'target', weak: false };
  if (ACTUAL.test(folded)) return { role: 'actual', weak: true };
  return undefined;
}

/** Two years joined as a range (2016年到2020年, 2016-2020年) are a period, not a list of years. */
const RANGE_BETWEEN = /到|至|[-—－~～]/u;

/**
 * Several years named as a list (2017年和2020年GDP目标, 2023年、2024年增速, 2014年GDP增长多少，2015年
 * 目标是多少) when the question asks a figure of each: every year with what its own words ask
 * (a year joined to the next by 和/、 alone shares the next one's words), or, where they ask
 * nothing, what the reports hold of that year (its plan if they only plan it, its outcome if they
 * only review it), or else the question's one role. Undefined for one year, a range, or a year
 * nothing decides.
 */
export function eachYearRoles(
  folded: string,
  years: readonly number[],
  said: RoleMention | undefined,
  standing: (year: number) => 'plan' | 'review' | 'mixed',
): { year: number; role: Role }[] | undefined {
  if (years.length < 2) return undefined;
  const at = years.map((year) => ({ year, at: folded.indexOf(String(year)) }));
  if (at.some((y) => y.at < 0)) return undefined;
  at.sort((a, b) => a.at - b.at);
  for (let i = 1; i < at.length; i++) if (RANGE_BETWEEN.test(folded.slice(at[i - 1].at + 4, at[i].at))) return undefined;
  const roles = new Map<number, Role>();
  let next: RoleMention | undefined;
  // From the last year back, so a bare year (2023年和) takes the words of the one after it.
  for (let i = at.length - 1; i >= 0; i--) {
    const { year } = at[i];
    const seg = folded.slice(at[i].at + 4, at[i + 1]?.at ?? folded.length);
    const bare = /^年?\s*(?:和|与|及|跟|同|、|,|，)?\s*$/u.test(seg);
    const own = bare ? next : detectRole(seg);
    const s = standing(year);
    // A weak 'actual' (完成投资多少) of a year the reports only plan asks for the plan, as for one year.
    const role = own && !(own.weak && s === 'plan') ? own.role : s === 'plan' ? 'target' : s === 'review' ? 'actual' : said?.role;
    if (!role) return undefined;
    roles.set(year, role);
    next = own;
  }
  return years.map((year) => ({ year, role: roles.get(year)! }));
}
