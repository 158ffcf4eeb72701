import { describe, expect, it } from 'vitest';
import { placeNoun } from '../../client/src/labels.js';

describe('placeNoun: the UI names the loaded places by their level', () => {
  it('says 区, 县, 市 or 省 when every loaded place is one', () => {
    expect(placeNoun(['惠济区', '红旗区'])).toEqual({ noun: '区', short: '区' });
    expect(placeNoun(['沛县', '马边彝族自治县'])).toEqual({ noun: '县', short: '县' });
    expect(placeNoun(['绍兴市', '臺山市'])).toEqual({ noun: '市', short: '市' });
    expect(placeNoun(['四川省', '宁夏回族自治区'])).toEqual({ noun: '省', short: '省' });
  });

  it('says 地方 (各地) when levels are mixed or nothing is loaded', () => {
    expect(placeNoun(['惠济区', '沛县'])).toEqual({ noun: '地方', short: '地' });
    expect(placeNoun([])).toEqual({ noun: '地方', short: '地' });
  });
});
