import { describe, expect, it } from 'vitest';
import type { ReportMeta } from '../../retrieval/types.js';
import { BUILTIN_QUESTIONS, exampleQuestions } from '../../client/src/exampleQuestions.js';

const meta = (district: string, date: string, planYear: number, origin?: string): ReportMeta & { origin?: string } => ({
  id: `${district}-${planYear}`,
  title: '政府工作报告',
  district,
  date,
  congress: '',
  speaker: { title: '区长', name: '' },
  reviewYear: planYear - 1,
  planYear,
  sourceFile: 'x.txt',
  encoding: 'utf-8',
  paragraphCount: 1,
  origin,
});

describe('exampleQuestions', () => {
  const builtins = [meta('惠济区', '2024-01-22', 2024, 'builtin'), meta('卫东区', '2024-01-23', 2024, 'builtin'), meta('红旗区', '2024-03-08', 2024, 'builtin')];

  it('offers the built-in questions when only the built-ins are loaded', () => {
    expect(exampleQuestions(builtins)).toEqual([...BUILTIN_QUESTIONS]);
  });

  it('puts the latest added reports first, asked about their own district and plan year', () => {
    const q = exampleQuestions([...builtins, meta('澄川区', '2024-01-16', 2024, 'added'), meta('沐溪县', '2025-01-10', 2025, 'added')]);
    expect(q.slice(0, 4)).toEqual(['沐溪县2025年GDP目标是多少', '沐溪县2025年重点工作有哪些', '澄川区2024年GDP目标是多少', '澄川区2024年重点工作有哪些']);
    expect(q).toHaveLength(6);
  });

  it('never suggests a question about a district that is not loaded (SEEDS=off)', () => {
    expect(exampleQuestions([meta('澄川区', '2024-01-16', 2024, 'added')])).toEqual(['澄川区2024年GDP目标是多少', '澄川区2024年重点工作有哪些']);
  });
});
