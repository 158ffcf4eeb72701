// Short texts written for these tests in the genre's style (invented places and figures).
import { describe, expect, it } from 'vitest';
import { findFigures, quantitiesIn } from '../../../retrieval/quantities/findFigures.js';

/** Each figure as "written value unit", and why it is no quantity when it is not. */
const shown = (text: string) => findFigures(text).map((f) => [f.written, f.value, f.unit, f.not].filter((x) => x !== undefined && x !== '').join(' '));

describe('findFigures: Arabic numbers', () => {
  it('finds every number, saying which are no quantity', () => {
    expect(shown('2024年3月8日，投资3-5亿元，建成5G基站1,200个，详见第4页，增速7.5％')).toEqual(
      ['2024年 2024 年 date', '3月 3 月 date', '8日 8 日 date', '3-5亿元 3 亿元', '5 5 name', '1,200个 1200 个', '4 4 position', '7.5％ 7.5 %'],
    );
  });

  it('reads a ratio as one figure', () => {
    const [f] = findFigures('三次产业结构比为1:22:77');
    expect(f).toMatchObject({ written: '1:22:77', ratio: true, value: 1 });
  });

  it('keeps the unit apart from the qualifiers after it', () => {
    const text = '增长7%左右，新增10余家企业';
    const [a, b] = findFigures(text);
    expect(a).toMatchObject({ written: '7%左右', qualifiers: ['左右'] });
    expect(text.slice(a.start, a.unitEnd)).toBe('7%');
    expect(b).toMatchObject({ written: '10余家', value: 10, unit: '家', qualifiers: ['余'] });
  });

  it('reads full-width digits and 万/亿 before any unit', () => {
    expect(shown('完成投资１２．５亿元，新建56.5万㎡，人口自然增长率5‰以内')).toEqual(['１２．５亿元 12.5 亿元', '56.5万㎡ 56.5 万㎡', '5‰以内 5 ‰']);
  });
});

describe('findFigures: ranges', () => {
  const ranges = (text: string) => findFigures(text).map((f) => [f.written, f.value, f.upper, f.unit, f.qualifiers.join('')]);

  it('reads a range as one figure: its low end, its high end and the whole as written', () => {
    expect(ranges('增长4%—4.5%，增长4-4.5%，增长4%～4.5%左右，增长6到6.5%，投资2至3亿元，增长５％－５．５％')).toEqual([
      ['4%—4.5%', 4, 4.5, '%', ''],
      ['4-4.5%', 4, 4.5, '%', ''],
      ['4%～4.5%左右', 4, 4.5, '%', '左右'],
      ['6到6.5%', 6, 6.5, '%', ''],
      ['2至3亿元', 2, 3, '亿元', ''],
      ['５％－５．５％', 5, 5.5, '%', ''],
    ]);
  });

  it('keeps a change from one figure to another, figures of two units and a span of years apart', () => {
    expect(ranges('占比从3%到4%，增长5%—6亿元')).toEqual([
      ['3%', 3, undefined, '%', ''],
      ['4%', 4, undefined, '%', ''],
      ['5%', 5, undefined, '%', ''],
      ['6亿元', 6, undefined, '亿元', ''],
    ]);
    const [years] = findFigures('2026—2030年');
    expect(years).toMatchObject({ value: 2026, upper: 2030, not: 'date' });
  });
});

describe('findFigures: the genre’s units', () => {
  it('reads grain in 斤, containers in 标箱, power in 千瓦, livestock in 头, 万亿, and 万 past 余', () => {
    const units = findFigures('粮食总产量稳定在4.6亿斤以上，集装箱吞吐量80万标箱，新增装机35万千瓦，生猪出栏12万头，总量突破3万亿元，带动1万余人');
    expect(units.map((f) => f.unit).join(' ')).toBe('亿斤 万标箱 万千瓦 万头 万亿元 万人');
    expect(findFigures('稳定在4.6亿斤以上')[0].qualifiers).toEqual(['以上']);
    expect(findFigures('带动1万余人')[0].qualifiers).toEqual(['余']);
  });
});

describe('findFigures: Chinese numerals', () => {
  it('reads a numeral with the unit it counts or measures, its 万/亿 joining the unit', () => {
    expect(shown('带动兩萬余人，完成投资三亿五千万元，增长十二%，高出一个百分点，是上年的两倍')).toEqual(
      ['兩萬余人 2 万人', '三亿五千万元 35000 万元', '十二% 12 %', '一个百分点 1 个百分点', '两倍 2 倍'],
    );
  });

  it('leaves words alone: list markers, ordinals in a series, idioms, plan names, 成 in words', () => {
    for (const text of ['一是稳增长', '第三次会议', '第十四个五年规划', '一成不变', '“十四五”规划', '建成一批项目', '每千人拥有', '三次产业', '落实“双十条”政策', '开展“三个一批”行动']) {
      expect(quantitiesIn(text), text).toEqual([]);
    }
  });

  it('a quoted name is a name, but a count before or after quotes is a count', () => {
    expect(shown('办好“十大民生实事”，新建学校3所，实施十项工程')).toEqual(['3所 3 所', '十项 10 项']);
  });

  it('reads a rank after 第 when 位/名 or the clause end follows', () => {
    const [f] = quantitiesIn('增速居全市第一；');
    expect(f).toMatchObject({ written: '一', value: 1, ordinal: true });
  });

  it('marks one-character counts as loose: a count, but written like a word', () => {
    const [three, twelve] = quantitiesIn('建成三个基地和十二个站点');
    expect(three).toMatchObject({ written: '三个', loose: true });
    expect(twelve).toMatchObject({ written: '十二个', loose: false });
    expect(quantitiesIn('两万人')[0].loose).toBe(false);
  });
});
