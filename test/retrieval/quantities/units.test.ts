import { describe, expect, it } from 'vitest';
import { measureOf, searchForm, unitNamed, UNITS, unitWritten } from '../../../retrieval/quantities/units.js';
import { numberTerms } from '../../../retrieval/tokenize/numberTokens.js';

describe('the unit table', () => {
  it('gives each unit what it measures and its scale over its base unit', () => {
    expect(unitNamed('亿元')).toMatchObject({ measure: 'money', scale: 1e8, base: '元' });
    expect(unitNamed('万元')).toMatchObject({ measure: 'money', scale: 1e4, base: '元' });
    expect(unitNamed('千元')).toMatchObject({ measure: 'money', scale: 1e3, base: '元' });
    expect(unitNamed('万人')).toMatchObject({ measure: 'count', scale: 1e4, base: '人' });
    expect(unitNamed('万人次')).toMatchObject({ measure: 'count', scale: 1e4, base: '人次' });
    expect(unitNamed('万平方米')).toMatchObject({ measure: 'area', scale: 1e4, base: '平方米' });
    expect(unitNamed('万')).toMatchObject({ measure: 'scale', scale: 1e4 });
    const measures = ['%', '‰', '个百分点', '倍', '年', '届', ''].map(measureOf);
    expect(measures).toEqual(['rate', 'rate', 'points', 'multiple', 'calendar', 'edition', undefined]);
  });

  it('knows the units of grain, containers, power and livestock, and 万亿', () => {
    const table = ['亿斤', '万公斤', '万标箱', '万千瓦', '万头', '万亿元', '床', '千伏'].map((u) => {
      const { measure, scale, base } = unitNamed(u)!;
      return [u, measure, scale, base];
    });
    expect(table).toEqual([
      ['亿斤', 'mass', 1e8, '斤'],
      ['万公斤', 'mass', 1e4, '公斤'],
      ['万标箱', 'count', 1e4, '标箱'],
      ['万千瓦', 'power', 1e4, '千瓦'],
      ['万头', 'count', 1e4, '头'],
      ['万亿元', 'money', 1e12, '元'],
      ['床', 'count', 1, '床'],
      // 220千伏变电站: a voltage class, not an amount, so never scaled.
      ['千伏', 'grade', 1, '千伏'],
    ]);
    expect(unitNamed('万千伏')).toBeUndefined();
  });

  it('reads other spellings as the one unit', () => {
    expect(unitWritten('％')?.unit).toBe('%');
    expect(unitWritten('百分点')?.unit).toBe('个百分点');
  });

  it('scales amounts by 万 and 亿, never rates, multiples or dates', () => {
    expect(unitNamed('亿吨')?.measure).toBe('mass');
    expect(unitNamed('万%')).toBeUndefined();
    expect(unitNamed('万倍')).toBeUndefined();
    expect(unitNamed('万年')).toBeUndefined();
  });

  it('lists the longest forms first, so 万平方米 is read before 平方米 and 亿元 before 元', () => {
    const at = (w: string) => UNITS.findIndex((u) => u.written === w);
    expect(at('万平方米')).toBeLessThan(at('平方米'));
    expect(at('亿元')).toBeLessThan(at('元'));
    expect(at('个百分点')).toBeLessThan(at('个'));
  });

  it('gives the tokenizer its search forms: 亿元 → 亿, 万元 → 万, the rest as they are', () => {
    expect(searchForm(unitNamed('亿元')!)).toBe('亿');
    expect(searchForm(unitNamed('万元')!)).toBe('万');
    expect(searchForm(unitNamed('亿美元')!)).toBe('亿美元');
    expect(searchForm(unitNamed('千元')!)).toBe('千元');
    expect(numberTerms('157.5', '亿元')).toEqual(['157.5亿', '157.5']);
    expect(numberTerms('9.3', '百分点')).toEqual(['9.3个百分点', '9.3']);
    expect(numberTerms('2024', '年')).toEqual(['2024']);
    expect(numberTerms('22', '日')).toEqual(['22']);
  });
});
