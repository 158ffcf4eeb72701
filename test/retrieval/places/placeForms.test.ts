import { describe, expect, it } from 'vitest';
import { placeForms } from '../../../retrieval/places/placeForms.js';

describe('placeForms: every way a place is named', () => {
  it('an autonomous division by its stem, whether its name says 族 or not', () => {
    expect(placeForms('马边彝族自治县')).toEqual(['马边彝族自治县', '马边县', '马边']);
    expect(placeForms('恩施土家族苗族自治州')).toEqual(['恩施土家族苗族自治州', '恩施州', '恩施']);
    expect(placeForms('宁夏回族自治区')).toEqual(['宁夏回族自治区', '宁夏']);
    expect(placeForms('新疆维吾尔自治区')).toEqual(['新疆维吾尔自治区', '新疆']);
  });

  it('never cuts a name into a one-character stem and a nationality it happens to end in', () => {
    expect(placeForms('内蒙古自治区')).toEqual(['内蒙古自治区', '内蒙古']);
    expect(placeForms('西藏自治区')).toEqual(['西藏自治区', '西藏']);
  });
});
