import { describe, expect, it } from 'vitest';
import { parseNumeral } from '../../../retrieval/quantities/parseNumeral.js';
import { planPeriod } from '../../../retrieval/quantities/planPeriod.js';

describe('parseNumeral: Chinese numerals', () => {
  it.each([
    ['七', 7], ['十', 10], ['十二', 12], ['二十', 20], ['一百零五', 105], ['两万', 20000], ['三千五百', 3500],
    ['一千二百三十四', 1234], ['三亿五千万', 350_000_000], ['三点五', 3.5], ['零', 0],
    // A digit closing the numeral stands one place below the unit before it.
    ['一百五', 150], ['三万五', 35000], ['一万零五', 10005],
    // 亿 scales everything before it.
    ['三万亿', 3e12], ['一亿两千万', 120_000_000],
  ])('%s → %d', (s, v) => {
    expect(parseNumeral(s)).toBe(v);
  });

  it.each(['', '三四', '十四五x', '点五', '三点', '万', 'abc', '十百', '十四五'])('rejects %j', (s) => {
    expect(parseNumeral(s)).toBeUndefined();
  });

  it('reads a run of digits digit by digit only when asked, as years are written', () => {
    expect(parseNumeral('二〇二四', { digitString: true })).toBe(2024);
    expect(parseNumeral('二零二四', { digitString: true })).toBe(2024);
    expect(parseNumeral('二〇二四')).toBeUndefined();
    // Two digits without 〇 are no year: 四五 of 十四五.
    expect(parseNumeral('四五', { digitString: true })).toBeUndefined();
  });

  it('reads the small numbers of dates', () => {
    expect(parseNumeral('十五', { digitString: true })).toBe(15);
    expect(parseNumeral('二十二', { digitString: true })).toBe(22);
    expect(parseNumeral('三十一', { digitString: true })).toBe(31);
  });
});

describe('parseNumeral: Arabic, full-width and mixed', () => {
  it.each([
    ['7', 7], ['7.5', 7.5], ['1,200', 1200], ['７．５', 7.5], ['２０２４', 2024],
    ['3.5万', 35000], ['1.2亿', 120_000_000], ['2.1万亿', 2.1e12], ['三点五万', 35000],
  ])('%s → %d', (s, v) => {
    expect(parseNumeral(s)).toBe(v);
  });

  it('reads 兩, 萬 and 億 as written in traditional script', () => {
    expect(parseNumeral('兩萬')).toBe(20000);
    expect(parseNumeral('三億')).toBe(300_000_000);
  });
});

describe('parseNumeral: 两, 半, 余 and 多', () => {
  it('reads 两 as two', () => {
    expect(parseNumeral('两')).toBe(2);
    expect(parseNumeral('两千三百')).toBe(2300);
  });

  it('reads 半 as a half', () => {
    expect(parseNumeral('半')).toBe(0.5);
    expect(parseNumeral('一半')).toBe(0.5);
  });

  it('reads 余 and 多 as the figure they exceed', () => {
    expect(parseNumeral('十余')).toBe(10);
    expect(parseNumeral('两万余')).toBe(20000);
    expect(parseNumeral('三十多万')).toBe(300000);
    expect(parseNumeral('10余万')).toBe(100000);
    expect(parseNumeral('1万多')).toBe(10000);
    expect(parseNumeral('多')).toBeUndefined();
    expect(parseNumeral('余十')).toBeUndefined();
  });
});

describe('planPeriod', () => {
  it('reads the plan a text names and the five years it covers', () => {
    expect(planPeriod('“十四五”规划圆满收官')).toEqual({ name: '十四五', from: 2021, to: 2025 });
    expect(planPeriod('十一五时期')).toEqual({ name: '十一五', from: 2006, to: 2010 });
    expect(planPeriod('五年来')).toBeUndefined();
  });
});
