// A follow-up that only swaps a slot inherits the rest of the previous question, in either language.
import { describe, expect, it } from 'vitest';
import { isElliptical } from '../../../retrieval/query/isElliptical.js';

/** The spans of `words` in `text` (as query understanding marks places and indicators). */
const spansOf = (text: string, words: string[]) => words.map((w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length }));

describe('isElliptical', () => {
  it('a place, a year or an indicator with filler only', () => {
    expect(isElliptical('卫东区呢？', spansOf('卫东区呢？', ['卫东区']))).toBe(true);
    expect(isElliptical('去年完成得怎么样？', [])).toBe(true);
    expect(isElliptical('and qinghai?', spansOf('and qinghai?', ['qinghai']))).toBe(true);
    expect(isElliptical('what about last year?', [])).toBe(true);
  });

  it('a question with words of its own is not', () => {
    expect(isElliptical('卫东区的招商引资呢', spansOf('卫东区的招商引资呢', ['卫东区']))).toBe(false);
    expect(isElliptical('and what about tourism in qinghai?', spansOf('and what about tourism in qinghai?', ['qinghai']))).toBe(false);
  });
});
