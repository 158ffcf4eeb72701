// A report's words for its own place, for every level: generated once (retrieval/places) and
// used wherever a place or a figure's subject is read.
import { describe, expect, it } from 'vitest';
import { LEVEL_SUFFIXES } from '../../../retrieval/places/placeForms.js';
import { namesNoPlace, SELF_REFERENCE, SELF_REFERENCES } from '../../../retrieval/places/selfReferences.js';
import { splitPlaceChain } from '../../../retrieval/places/splitPlaceChain.js';
import { extractQuantities } from '../../../retrieval/quantities/extractQuantities.js';
import { sameSubject, subjectReader } from '../../../retrieval/quantities/figureSubject.js';
import { readLeftSubject } from '../../../retrieval/quantities/readSubject.js';

describe('self-references', () => {
  it('are 全/我/本/该 with every level’s one-character suffix', () => {
    for (const level of Object.keys(LEVEL_SUFFIXES) as (keyof typeof LEVEL_SUFFIXES)[]) {
      for (const suffix of LEVEL_SUFFIXES[level].filter((s) => s.length === 1)) {
        for (const prefix of ['全', '我', '本', '该']) expect(SELF_REFERENCES, `${level} ${prefix}${suffix}`).toContain(`${prefix}${suffix}`);
      }
    }
    expect(SELF_REFERENCES).toEqual(expect.arrayContaining(['全县', '我市', '全旗', '本省', '全州', '全盟']));
  });

  it('name no place in a place chain', () => {
    for (const word of ['全县', '我市', '全旗', '本省', '县', '自治区', '本自治州']) expect(namesNoPlace(word), word).toBe(true);
    for (const word of ['青山县', '全椒县', '区长']) expect(namesNoPlace(word), word).toBe(false);
    expect(splitPlaceChain('本省')).toEqual([]);
    expect(splitPlaceChain('全旗')).toEqual([]);
  });

  it('stand as words only: not the 本市 of 资本市场 or the 全区 of 安全区域', () => {
    const re = new RegExp(SELF_REFERENCE);
    expect(re.test('全县生产总值')).toBe(true);
    expect(re.test('资本市场')).toBe(false);
    expect(re.test('安全区域')).toBe(false);
  });
});

describe('a figure’s subject drops the report’s words for its own place, at every level', () => {
  it('in a quantity record', () => {
    for (const self of ['全县', '我市', '全旗', '本省']) expect(readLeftSubject(`${self}一般公共预算收入`), self).toBe('一般公共预算收入');
    const records = extractQuantities({
      meta: { id: 'demo-2025', place: '青山旗', reviewYear: 2024, planYear: 2025 },
      paragraphs: [{ id: 'demo-2025:p1', text: '全旗粮食产量达到12.5万吨，我市规上工业增加值增长6.1%。', sectionPath: ['一、2024年工作回顾'] }],
    });
    expect(records.map((r) => r.subject)).toEqual(['粮食产量', '规上工业增加值']);
  });

  it('in citation checks: two figures of 我市 or 本省 are not about the same thing for that word', () => {
    const { subjectOf } = subjectReader([]);
    expect(sameSubject(subjectOf('我市粮食产量'), subjectOf('我市工业用电量'))).toBe(false);
    expect(sameSubject(subjectOf('本省粮食产量'), subjectOf('全县粮食产量'))).toBe(true);
    expect([...subjectOf('全旗农牧民人均收入').grams]).not.toContain('全旗');
    expect([...subjectOf('资本市场融资').grams]).toContain('市场');
  });
});
