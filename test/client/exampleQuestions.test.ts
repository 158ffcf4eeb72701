import { describe, expect, it } from 'vitest';
import { exampleQuestions } from '../../client/src/exampleQuestions.js';

describe('exampleQuestions', () => {
  it('asks about the places and years the loaded reports cover, newest report per place', () => {
    const qs = exampleQuestions([
      { place: '沛县', planYear: 2023, reviewYear: 2022 },
      { place: '沛县', planYear: 2024, reviewYear: 2023 },
      { place: '四川省', planYear: 2024, reviewYear: 2023 },
    ]);
    expect(qs[0]).toBe('沛县2024年GDP目标是多少');
    expect(qs).toContain('四川省2023年一般公共预算收入是多少');
    expect(qs).toContain('沛县和四川省2024年GDP增长目标对比');
    expect(qs.join('')).not.toMatch(/2022|2023年GDP目标/);
    expect(new Set(qs).size).toBe(qs.length);
  });

  it('offers nothing when no report is loaded', () => {
    expect(exampleQuestions([])).toEqual([]);
  });
});

describe('exampleQuestions with added reports', () => {
  it('asks about the places of the latest added reports first', () => {
    const qs = exampleQuestions([
      { place: '红旗区', planYear: 2024, reviewYear: 2023, origin: 'builtin' },
      { place: '澄川区', planYear: 2024, reviewYear: 2023, date: '2024-01-16', origin: 'added' },
      { place: '沐溪县', planYear: 2025, reviewYear: 2024, date: '2025-01-10', origin: 'added' },
    ]);
    expect(qs.slice(0, 2)).toEqual(['沐溪县2025年GDP目标是多少', '澄川区2023年一般公共预算收入是多少']);
    expect(qs.join('')).toContain('红旗区');
  });
});
