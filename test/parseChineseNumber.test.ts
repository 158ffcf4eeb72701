import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../retrieval/quantities/parseChineseNumber.js';

describe('parseChineseNumber', () => {
  it.each([
    ['七', 7],
    ['十', 10],
    ['十二', 12],
    ['二十', 20],
    ['一百零五', 105],
    ['两万', 20000],
    ['三千五百', 3500],
    ['一千二百三十四', 1234],
    ['三亿五千万', 350_000_000],
    ['三点五', 3.5],
    ['二〇二四', 2024],
    ['零', 0],
  ])('%s → %d', (s, v) => {
    expect(parseChineseNumber(s)).toBe(v);
  });

  it.each(['', '三四', '十四五x', '点五', '三点', '万', 'abc'])('rejects %j', (s) => {
    expect(parseChineseNumber(s)).toBeUndefined();
  });
});
