import { describe, expect, it } from 'vitest';
import { splitAnswer } from '../../../client/src/renderAnswer.js';
import { citedMarkers, findMarkers, normaliseMarkers, PENDING_MARKER } from '../../../server/api/citationMarkers.js';

// Every style models are seen to write, and what it means.
const STYLES: [string, string][] = [
  ['增长7%左右[1]。', '增长7%左右[1]。'],
  ['增长7%左右[1][2]。', '增长7%左右[1][2]。'],
  ['增长7%左右[1,2]。', '增长7%左右[1][2]。'],
  ['增长7%左右[1，2]。', '增长7%左右[1][2]。'],
  ['增长7%左右[1、 2]。', '增长7%左右[1][2]。'],
  ['增长7%左右[1-3]。', '增长7%左右[1][2][3]。'],
  ['增长7%左右[1–2, 4]。', '增长7%左右[1][2][4]。'],
  ['增长7%左右【1】。', '增长7%左右[1]。'],
  ['增长7%左右【1,2】。', '增长7%左右[1][2]。'],
  ['增长7%左右［1］。', '增长7%左右[1]。'],
  ['增长7%左右[^1]。', '增长7%左右[1]。'],
  ['增长7%左右[^1][^2]。', '增长7%左右[1][2]。'],
  ['增长7%左右[来源1]。', '增长7%左右[1]。'],
  ['增长7%左右[来源：1,2]。', '增长7%左右[1][2]。'],
  ['增长7%左右(来源1)。', '增长7%左右[1]。'],
  ['增长7%左右（来源1）。', '增长7%左右[1]。'],
  ['增长7%左右（资料2）。', '增长7%左右[2]。'],
];

describe('citation marker grammar', () => {
  it.each(STYLES)('normalises %s', (written, normal) => {
    expect(normaliseMarkers(written)).toBe(normal);
  });

  it('leaves text that is not a marker alone', () => {
    for (const text of ['见[附件]', '[0]', '[ ]', '（1）加快发展', '(2)', '[2024]', '第（一）项', '[5-1]', '[1-100]']) {
      expect(normaliseMarkers(text), text).toBe(text);
      expect(findMarkers(text), text).toEqual([]);
    }
  });

  it('lists cited numbers in order of first appearance', () => {
    expect(citedMarkers('a【2】b[1-2]c(来源3)')).toEqual([2, 1, 3]);
  });

  it('recognises a marker still being streamed', () => {
    for (const tail of ['[', '[1', '[1,', '【', '[^', '[来源', '（来源1', '(']) expect(PENDING_MARKER.test(`增长${tail}`), tail).toBe(true);
    expect(PENDING_MARKER.test('增长7%左右[1]')).toBe(false);
  });

  it('the client renders every style as the same chips the server verifies', () => {
    for (const [written, normal] of STYLES) {
      const chips = (t: string) => splitAnswer(t).filter((s) => s.kind === 'cite');
      expect(chips(written), written).toEqual(chips(normal));
      expect(chips(written).length).toBeGreaterThan(0);
    }
  });
});
