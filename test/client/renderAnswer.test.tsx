import { describe, expect, it } from 'vitest';
import type { Citation } from '../../server/api/schemas.js';
import { findFigure, highlightSegments } from '../../client/src/highlight.js';
import { renderToStaticMarkup } from 'react-dom/server';
import { AnswerText } from '../../client/src/components/AnswerText.js';
import { answerForClipboard, markersInAnswer, splitAnswer } from '../../client/src/renderAnswer.js';

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

describe('AnswerText: Markdown rendered safely, with citation chips inside it', () => {
  const citation = (marker: number): Citation => ({
    marker, id: `huiji-2024:p${marker}`, reportId: 'huiji-2024', place: '惠济区', year: 2024, section: '二、目标', text: '……', matched: [], figures: [],
  });
  const render = (text: string, opts: { streaming?: boolean; citations?: Citation[] | null } = {}) =>
    renderToStaticMarkup(<AnswerText text={text} streaming={opts.streaming} citations={opts.citations === null ? undefined : (opts.citations ?? [citation(1), citation(2)])} />);
  const chips = (html: string) => [...html.matchAll(/<button[^>]*class="cite-chip[^"]*"[^>]*>(\d+)<\/button>/g)].map((m) => Number(m[1]));

  it('renders bold, lists and headings, with chips in them', () => {
    const html = render('## 2024年目标\n\n- **惠济区**：增长**7%左右**[1]\n- 卫东区：增长6.5%[2]\n\n1. 甲[1]');
    expect(html).toContain('<h3 class="answer-heading">2024年目标</h3>');
    expect(html).toMatch(/<ul>\s*<li><strong>惠济区<\/strong>：增长<strong>7%左右<\/strong><button[^>]*>1<\/button><\/li>/);
    expect(html).toContain('<ol>');
    expect(chips(html)).toEqual([1, 2, 1]);
  });

  it('renders a table, a chip in each cell that cites', () => {
    const html = render('| 地区 | 2024年GDP目标 |\n|:---|---:|\n| 惠济区 | 增长7%左右[1] |\n| 卫东区 | 增长6.5%[2] |');
    expect(html).toMatch(/<div class="answer-table"><table>\s*<thead>\s*<tr>\s*<th>地区<\/th>\s*<th>2024年GDP目标<\/th>/);
    expect(html).toMatch(/<td>增长7%左右<button[^>]*>1<\/button><\/td>/);
    expect(chips(html)).toEqual([1, 2]);
    // Alignment is the stylesheet's: no inline style, which a strict CSP would refuse.
    expect(html).not.toContain('style=');
  });

  it('renders no raw HTML (it shows as the text it is), no links, no images', () => {
    const html = render('<script>alert(1)</script><img src=x onerror="alert(2)">\n\n见[原文](javascript:alert(3))与![图](https://example.org/t.png)，<b>粗</b>[1]。');
    expect(html).not.toMatch(/<script|<img|<a |<b>|javascript:|example\.org/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('见原文与，&lt;b&gt;粗&lt;/b&gt;');
    expect(chips(html)).toEqual([1]);
  });

  it('renders the marker styles models write as chips, and leaves code alone', () => {
    expect(chips(render('甲【1】乙(来源2)丙[1,2]'))).toEqual([1, 2, 1, 2]);
    expect(render('写作 `[1]`')).toContain('<code>[1]</code>');
  });

  it('while streaming, holds back a half-received marker and shows the caret after the last text', () => {
    const html = render('| 地区 | 目标 |\n|---|---|\n| 惠济区 | 7%左右[', { streaming: true, citations: null });
    expect(html).not.toContain('[');
    expect(html).toMatch(/7%左右<span class="caret" aria-hidden="true"><\/span><\/td>/);
    // Until the citations arrive, a chip is there but not yet openable.
    expect(render('增长7%左右[1]。', { streaming: true, citations: null })).toContain('aria-disabled="true"');
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
