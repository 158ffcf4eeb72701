import { describe, expect, it } from 'vitest';
import { detectYear } from '../../../retrieval/query/detectYear.js';

describe('detectYear: a plan period and its end', () => {
  it('十四五期间 is the period; 十四五末 and 十三五收官 are its last year', () => {
    expect(detectYear('十四五期间gdp年均增长多少')).toMatchObject({ years: [], period: { from: 2021, to: 2025 } });
    expect(detectYear('十四五末gdp总量到了多少').years).toEqual([2025]);
    expect(detectYear('“十三五”期末农民收入多少').years).toEqual([2020]);
    expect(detectYear('十三五收官之年的目标').years).toEqual([2020]);
  });
});

describe('detectYear: relative years in English questions', () => {
  it('last year, this year, next year and the year before last, as 去年, 今年, 明年 and 前年', () => {
    expect(detectYear("what was zhejiang's gdp growth last year?").relative).toBe('去年');
    expect(detectYear('what is the target this year').relative).toBe('今年');
    expect(detectYear('and next year?').relative).toBe('明年');
    expect(detectYear('what about the year before last?').relative).toBe('前年');
    expect(detectYear('a yearly plan').relative).toBeUndefined();
  });
});
