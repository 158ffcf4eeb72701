import { describe, expect, it } from 'vitest';
import { figuresIn } from '../../../../server/answer/verify/figures.js';

/** The figures in Chinese numerals citation checks demand a source for. */
const chineseFigures = (text: string) => figuresIn(text).filter((f) => f.numeral === 'chinese');
const one = (text: string) => chineseFigures(text).map(({ text, value, unit }) => ({ text, value, unit }));

describe('figures in Chinese numerals, as citation checks see them', () => {
  it.each([
    ['地区生产总值增长百分之七左右', '百分之七', 7, '%'],
    ['增长百分之十二左右', '百分之十二', 12, '%'],
    ['增长十二%左右', '十二%', 12, '%'],
    ['增长百分之七点五', '百分之七点五', 7.5, '%'],
    ['增长百分之一百零五', '百分之一百零五', 105, '%'],
    ['七成以上的企业', '七成', 70, '%'],
    ['约三成半', '三成', 30, '%'],
    ['是上年的两倍', '两倍', 2, '倍'],
    ['增长一倍', '一倍', 1, '倍'],
    ['总量翻一番', '翻一番', 2, '倍'],
    ['收入翻两番', '翻两番', 4, '倍'],
    ['高出一个百分点', '一个百分点', 1, '个百分点'],
    ['完成投资十亿元', '十亿元', 10, '亿元'],
    ['新增就业两千三百万人', '两千三百万人', 2300, '万人'],
    ['建成十二个产业园', '十二个', 12, '个'],
  ])('%s → %s', (text, written, value, unit) => {
    expect(one(text)).toEqual([{ text: written, value, unit }]);
  });

  it('ignores numerals that are words, ordinals or plan names', () => {
    for (const text of [
      '一是坚持稳中求进，二是扩大内需',
      '一般公共预算收入增长3%',
      '第十二届人民代表大会第三次会议',
      '“十四五”规划',
      '打造一个中心、三个基地',
      '第一个五年',
      '完成年度目标，建成一批项目',
      '一成不变',
      '统一大市场，唯一的选择',
    ]) {
      expect(one(text), text).toEqual([]);
    }
  });

  it('reports positions so callers can find the clause', () => {
    const [f] = chineseFigures('今年目标：增长百分之七');
    expect(f.index).toBe(7);
  });
});
