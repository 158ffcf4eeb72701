import { describe, expect, it } from 'vitest';
import { encodeComponent, formatRoute, paragraphDomId, parseHash, type Route } from '../../client/src/route.js';

describe('hash routes', () => {
  it('parses the views', () => {
    expect(parseHash('')).toEqual({ view: 'chat' });
    expect(parseHash('#/chat')).toEqual({ view: 'chat' });
    expect(parseHash('#/nonsense')).toEqual({ view: 'chat' });
    expect(parseHash('#/reports')).toEqual({ view: 'reports' });
    expect(parseHash('#/reports/')).toEqual({ view: 'reports' });
    expect(parseHash('#/reports/huiji-2024')).toEqual({ view: 'report', reportId: 'huiji-2024' });
    expect(parseHash('#/reports/huiji-2024?p=huiji-2024:p26')).toEqual({
      view: 'report',
      reportId: 'huiji-2024',
      paragraphId: 'huiji-2024:p26',
    });
    expect(parseHash('#/reports/huiji-2024?p=huiji-2024%3Ap26')).toMatchObject({ paragraphId: 'huiji-2024:p26' });
  });

  it('parses indicator filters and drops invalid ones', () => {
    expect(parseHash('#/indicators')).toEqual({ view: 'indicators', filters: {} });
    expect(parseHash('#/indicators?district=%E6%83%A0%E6%B5%8E%E5%8C%BA&year=2024&indicator=地区生产总值&kind=target')).toEqual({
      view: 'indicators',
      filters: { place: '惠济区', year: 2024, indicator: '地区生产总值', kind: 'target' },
    });
    expect(parseHash('#/indicators?year=abc&kind=guess')).toEqual({ view: 'indicators', filters: {} });
  });

  it('formats routes that parse back to themselves', () => {
    const routes: Route[] = [
      { view: 'chat' },
      { view: 'reports' },
      { view: 'report', reportId: 'huiji-2024' },
      { view: 'report', reportId: 'huiji-2024', paragraphId: 'huiji-2024:p26' },
      { view: 'indicators', filters: {} },
      { view: 'indicators', filters: { place: '卫东区', year: 2023, indicator: '一般公共预算收入', kind: 'actual' } },
    ];
    for (const r of routes) expect(parseHash(formatRoute(r))).toEqual(r);
    expect(formatRoute({ view: 'report', reportId: 'huiji-2024', paragraphId: 'huiji-2024:p26' })).toBe(
      '#/reports/huiji-2024?p=huiji-2024:p26',
    );
  });

  it('makes DOM-safe paragraph ids', () => {
    expect(paragraphDomId('huiji-2024:p26')).toBe('para-huiji-2024_p26');
  });

  it('never throws on an id, even one holding half of a character', () => {
    const cut = 'a'.repeat(63) + '\u{20000}'.slice(0, 1); // a surrogate pair cut in two
    expect(() => encodeURIComponent(cut)).toThrow(URIError);
    expect(() => formatRoute({ view: 'report', reportId: cut, paragraphId: `${cut}:p1` })).not.toThrow();
    expect(parseHash(formatRoute({ view: 'report', reportId: cut }))).toEqual({ view: 'report', reportId: 'a'.repeat(63) + '\uFFFD' });
    expect(encodeComponent('\uDC00x\uD840')).toBe('%EF%BF%BDx%EF%BF%BD');
    // Whole characters outside the BMP are kept as they are.
    expect(decodeURIComponent(encodeComponent('𠀀报告'))).toBe('𠀀报告');
  });
});
