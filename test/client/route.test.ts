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

  it('parses conversations, answer links, cited spans and the hit test', () => {
    expect(parseHash('#/chat/abc123')).toEqual({ view: 'chat', conversationId: 'abc123' });
    expect(parseHash('#/chat/abc123?a=msg-1&q=%E6%83%A0%E6%B5%8E%E5%8C%BA2024%E5%B9%B4GDP&place=惠济区&year=2024')).toEqual({
      view: 'chat',
      conversationId: 'abc123',
      answerId: 'msg-1',
      ask: { q: '惠济区2024年GDP', place: '惠济区', year: 2024 },
    });
    expect(parseHash('#/reports/huiji-2024?p=huiji-2024:p25&hl=14-26,40-52')).toEqual({
      view: 'report',
      reportId: 'huiji-2024',
      paragraphId: 'huiji-2024:p25',
      spans: [
        { start: 14, end: 26 },
        { start: 40, end: 52 },
      ],
    });
    // Malformed spans are dropped, not guessed at.
    expect(parseHash('#/reports/huiji-2024?p=huiji-2024:p25&hl=9-3,x,1-')).toEqual({ view: 'report', reportId: 'huiji-2024', paragraphId: 'huiji-2024:p25' });
    expect(parseHash('#/search')).toEqual({ view: 'search', params: {} });
    expect(parseHash('#/search?q=那卫东区呢&year=2024&ctx=惠济区2024年GDP目标是多少')).toEqual({
      view: 'search',
      params: { q: '那卫东区呢', year: 2024, context: ['惠济区2024年GDP目标是多少'] },
    });
  });

  it('formats the new routes so they parse back, with questions safely encoded', () => {
    const routes: Route[] = [
      { view: 'chat', conversationId: 'abc123' },
      { view: 'chat', conversationId: 'abc123', answerId: 'm1', ask: { q: '增长7%&其他?#x', place: '惠济区', year: 2024 } },
      { view: 'report', reportId: 'huiji-2024', paragraphId: 'huiji-2024:p26', spans: [{ start: 1, end: 5 }] },
      { view: 'search', params: {} },
      { view: 'search', params: { q: 'GDP目标 & 增速?', place: '卫东区', year: 2023, context: ['前一个问题', '再前一个'] } },
    ];
    for (const r of routes) expect(parseHash(formatRoute(r))).toEqual(r);
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
