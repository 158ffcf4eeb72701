import { describe, expect, it } from 'vitest';
import type { Citation } from '../../server/api/schemas.js';
import { findFigure, highlightSegments } from '../../client/src/highlight.js';
import {
  answerBlocks,
  answerForClipboard,
  markersInAnswer,
  splitAnswer,
  splitStrong,
} from '../../client/src/renderAnswer.js';

describe('splitAnswer', () => {
  it('splits text and [n] markers', () => {
    expect(splitAnswer('惠济区2024年地区生产总值（GDP）的预期目标是增长7%左右[1]。')).toEqual([
      { kind: 'text', text: '惠济区2024年地区生产总值（GDP）的预期目标是增长7%左右' },
      { kind: 'cite', marker: 1 },
      { kind: 'text', text: '。' },
    ]);
  });

  it('handles adjacent, grouped and full-width markers', () => {
    expect(splitAnswer('甲[1][2]乙[3,4]丙［5］丁【6、7】')).toEqual([
      { kind: 'text', text: '甲' },
      { kind: 'cite', marker: 1 },
      { kind: 'cite', marker: 2 },
      { kind: 'text', text: '乙' },
      { kind: 'cite', marker: 3 },
      { kind: 'cite', marker: 4 },
      { kind: 'text', text: '丙' },
      { kind: 'cite', marker: 5 },
      { kind: 'text', text: '丁' },
      { kind: 'cite', marker: 6 },
      { kind: 'cite', marker: 7 },
    ]);
  });

  it('leaves brackets that are not markers alone', () => {
    expect(splitAnswer('见[附件]与[0]和[ ]')).toEqual([{ kind: 'text', text: '见[附件]与[0]和[ ]' }]);
  });

  it('returns nothing for an empty answer', () => {
    expect(splitAnswer('')).toEqual([]);
  });

  it('holds back a half-received marker only while streaming', () => {
    expect(splitAnswer('增长7%左右[', { streaming: true })).toEqual([{ kind: 'text', text: '增长7%左右' }]);
    expect(splitAnswer('增长7%左右[1', { streaming: true })).toEqual([{ kind: 'text', text: '增长7%左右' }]);
    expect(splitAnswer('增长7%左右[1')).toEqual([{ kind: 'text', text: '增长7%左右[1' }]);
    expect(splitAnswer('增长7%左右[1]', { streaming: true })).toEqual([
      { kind: 'text', text: '增长7%左右' },
      { kind: 'cite', marker: 1 },
    ]);
  });

  it('lists markers in order of first use', () => {
    expect(markersInAnswer('a[2]b[1]c[2][3]')).toEqual([2, 1, 3]);
  });
});

describe('answerBlocks', () => {
  it('keeps paragraphs and groups bullet and numbered lines into lists', () => {
    const text = '卫东区2024年重点工作包括：\n- 产业升级[1]\n- 城市更新[2]\n\n1. 第一[3]\n2、第二\n结论。';
    expect(answerBlocks(text)).toEqual([
      { kind: 'para', text: '卫东区2024年重点工作包括：' },
      { kind: 'list', ordered: false, items: ['产业升级[1]', '城市更新[2]'] },
      { kind: 'list', ordered: true, items: ['第一[3]', '第二'] },
      { kind: 'para', text: '结论。' },
    ]);
  });

  it('does not mistake a decimal number for a list item', () => {
    expect(answerBlocks('1.5亿元的投资[1]')).toEqual([{ kind: 'para', text: '1.5亿元的投资[1]' }]);
  });
});

describe('splitStrong', () => {
  it('splits **bold** runs', () => {
    expect(splitStrong('目标是**7%左右**。')).toEqual([
      { text: '目标是', strong: false },
      { text: '7%左右', strong: true },
      { text: '。', strong: false },
    ]);
  });
});

describe('answerForClipboard', () => {
  const citation: Citation = {
    marker: 1,
    id: 'huiji-2024:p26',
    reportId: 'huiji-2024',
    place: '惠济区',
    year: 2024,
    section: '二、2024年政府工作总体要求和主要预期目标',
    text: '地区生产总值增长7%左右。',
    matched: [],
    figures: [],
  };
  it('appends the cited sources', () => {
    const out = answerForClipboard('目标是增长7%左右[1]。', [citation]);
    expect(out).toContain('目标是增长7%左右[1]。');
    expect(out).toContain('[1] 惠济区 2024年政府工作报告 · 二、2024年政府工作总体要求和主要预期目标');
    // Where in the report, in a reader's words: no raw paragraph id.
    expect(out).toContain('（第 26 段）');
    expect(out).not.toContain('huiji-2024:p26');
    expect(answerForClipboard('收入21亿元[1]。', [{ ...citation, page: 3 }])).toContain('（第 26 段，第 3 页）');
  });
  it('returns the bare answer without citations', () => {
    expect(answerForClipboard('报告中未找到。', [])).toBe('报告中未找到。');
  });
});

describe('highlightSegments', () => {
  const text = '经济社会发展主要预期目标是:地区生产总值增长7%左右,固定资产投资增长8%以上。其余。';

  it('marks matched sentences and figures, and keeps every character once', () => {
    const segs = highlightSegments(text, [{ start: 0, end: 40 }], ['7%左右']);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    const fig = segs.find((s) => s.figure);
    expect(fig).toMatchObject({ text: '7%左右', sentence: true, figure: true });
    expect(segs[0]).toMatchObject({ sentence: true, figure: false });
    expect(segs[segs.length - 1]).toMatchObject({ text: '其余。', sentence: false, figure: false });
  });

  it('returns one plain segment with nothing to mark', () => {
    expect(highlightSegments('甲乙丙')).toEqual([{ text: '甲乙丙', start: 0, end: 3, sentence: false, figure: false }]);
  });

  it('ignores spans out of range or empty, and clamps the rest', () => {
    const segs = highlightSegments('甲乙丙', [{ start: 5, end: 9 }, { start: 2, end: 2 }, { start: -3, end: 1 }]);
    expect(segs).toEqual([
      { text: '甲', start: 0, end: 1, sentence: true, figure: false },
      { text: '乙丙', start: 1, end: 3, sentence: false, figure: false },
    ]);
  });

  it('merges overlapping spans and marks every occurrence of a figure', () => {
    const segs = highlightSegments('增长8%，再增长8%。', [{ start: 0, end: 3 }, { start: 2, end: 5 }], ['8%']);
    expect(segs.filter((s) => s.figure).map((s) => s.start)).toEqual([2, 8]);
    expect(segs.filter((s) => s.sentence && !s.figure).map((s) => s.text)).toEqual(['增长', '，']);
  });

  it('returns nothing for empty text', () => {
    expect(highlightSegments('', [{ start: 0, end: 1 }], ['7%'])).toEqual([]);
  });
});

describe('findFigure', () => {
  it('does not match a figure inside a longer number', () => {
    expect(findFigure('增长17%，增长7%', '7%')).toEqual([{ start: 8, end: 10 }]);
    expect(findFigure('26.12亿元', '6.12亿元')).toEqual([]);
    expect(findFigure('完成26.12亿元', '26.12亿元')).toEqual([{ start: 2, end: 9 }]);
  });
  it('matches non-numeric figures anywhere', () => {
    expect(findFigure('与经济增长同步，与经济增长同步', '同步')).toHaveLength(2);
  });
});
