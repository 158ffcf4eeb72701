// Questions to try, made from the reports that are loaded: a target, an outcome,
// the speaker, the priorities, and a comparison, each about a place and year the
// reports really cover. Places with reports the user added come first, newest
// first, so a report just added is one click away.
import type { ReportMeta } from '../../retrieval/browser.js';
import { sortPlaces } from './labels.js';

const MAX_EXAMPLES = 6;

type Entry = Pick<ReportMeta, 'place' | 'planYear' | 'reviewYear'> & Partial<Pick<ReportMeta, 'date'>> & { origin?: string };

export function exampleQuestions(reports: readonly Entry[]): string[] {
  // Each place's newest report: questions about the current plan are the ones users ask first.
  const newest = new Map<string, Entry>();
  for (const r of reports) if ((newest.get(r.place)?.planYear ?? -Infinity) < r.planYear) newest.set(r.place, r);
  const added = [...newest.values()].filter((r) => r.origin === 'added').sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const places = [...added, ...sortPlaces(newest.keys()).map((d) => newest.get(d)!).filter((r) => r.origin !== 'added')];
  if (places.length === 0) return [];
  const at = (i: number) => places[i % places.length];
  const out = [
    `${at(0).place}${at(0).planYear}年GDP目标是多少`,
    `${at(1).place}${at(1).reviewYear}年一般公共预算收入是多少`,
    `${at(2).place}政府工作报告是谁作的`,
    `${at(3).place}${at(3).planYear}年重点工作有哪些`,
    `${at(4).place}${at(4).reviewYear}年经济增长了多少`,
  ];
  const pair = places.find((p, i) => places.some((q, j) => j > i && q.planYear === p.planYear));
  const other = pair && places.find((q) => q !== pair && q.planYear === pair.planYear);
  if (pair && other) out.push(`${pair.place}和${other.place}${pair.planYear}年GDP增长目标对比`);
  return [...new Set(out)].slice(0, MAX_EXAMPLES);
}
