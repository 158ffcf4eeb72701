// A rank asked for is quoted from the clauses right after the figure's statement, and only
// while no other figure's statement has started.
import { describe, expect, it } from 'vitest';
import type { Evidence, IndicatorRow } from '../../../../retrieval/public.js';
import { ASKS_RANK, composeRankClause } from '../../../../server/answer/offline/composeRankClause.js';

const paragraph = (text: string): Evidence => ({ marker: 1, paragraphId: 'x:p1', reportId: 'x', text, rows: [] }) as unknown as Evidence;
const row = (quote: string): IndicatorRow => ({ paragraphId: 'x:p1', quote }) as unknown as IndicatorRow;

describe('composeRankClause', () => {
  it('quotes the rank after the figure, in numbers or in words', () => {
    const e = [paragraph('地区生产总值完成800亿元,增长6.1%,增速排名全省第4;一般公共预算收入完成50亿元,增长3%,增速排名全省末位;其他。')];
    expect(composeRankClause([row('一般公共预算收入完成50亿元,增长3%')], e, 'zh')).toBe('其中，增速排名全省末位[1]。');
    expect(composeRankClause([row('地区生产总值完成800亿元,增长6.1%')], e, 'zh')).toBe('其中，增速排名全省第4[1]。');
    expect(composeRankClause([row('地区生产总值完成800亿元,增长6.1%')], e, 'en')).toBe(' The report states its rank: “增速排名全省第4”[1].');
  });

  it('takes a rank across clauses about the same subject, never the next figure’s rank', () => {
    const e = [paragraph('财政收入10亿元，分别比上年增长1.2倍，增幅连续三年居全省前三位。地区生产总值增长6%，工业增加值增长8%，居全省第1位。')];
    expect(composeRankClause([row('财政收入10亿元')], e, 'zh')).toBe('其中，增幅连续三年居全省前三位[1]。');
    expect(composeRankClause([row('地区生产总值增长6%')], e, 'zh')).toBe('');
  });

  it('knows a rank question', () => {
    for (const q of ['增速在全省排第几', 'GDP全省排名如何', 'how did its growth rank?']) expect(ASKS_RANK.test(q), q).toBe(true);
    expect(ASKS_RANK.test('GDP增长多少')).toBe(false);
  });
});
