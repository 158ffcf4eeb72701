// The start screen's example questions: built-in ones whose district is loaded,
// and, first, questions about the latest added reports, so a report a user just
// added is one click away. The templates are the genre's (every report states
// its GDP target and its key tasks), filled in from the report's own metadata.
import type { ReportMeta } from '../../retrieval/types.js';

export const BUILTIN_QUESTIONS = [
  '惠济区2024年GDP目标是多少',
  '卫东区2024年研发经费投入强度目标',
  '红旗区2023年一般公共预算收入是多少',
  '惠济区政府工作报告是谁作的',
  '卫东区2024年重点工作有哪些',
  '红旗区和卫东区2024年GDP增长目标对比',
] as const;

const MAX_QUESTIONS = 6;

export function exampleQuestions(reports: readonly (ReportMeta & { origin?: string })[]): string[] {
  const districts = new Set(reports.map((r) => r.district));
  const builtin = BUILTIN_QUESTIONS.filter((q) => [...districts].some((d) => q.includes(d)));
  const added = reports
    .filter((r) => r.origin === 'added')
    .sort((a, b) => b.date.localeCompare(a.date))
    .slice(0, 2)
    .flatMap((r) => [`${r.district}${r.planYear}年GDP目标是多少`, `${r.district}${r.planYear}年重点工作有哪些`]);
  const all = [...new Set([...added, ...builtin])];
  return all.slice(0, MAX_QUESTIONS);
}
