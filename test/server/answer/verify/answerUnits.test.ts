// Answers read the way the chat shows them: Markdown units, cut once each, the same whether
// the answer arrives whole or a character at a time.
import { describe, expect, it } from 'vitest';
import { answerUnits, createAnswerReader, plainInline } from '../../../../server/answer/verify/answerUnits.js';

const streamed = (text: string, size: number) => {
  const reader = createAnswerReader();
  const out = [];
  for (let i = 0; i < text.length; i += size) out.push(...reader.push(text.slice(i, i + size)));
  return [...out, ...reader.end()];
};
const rebuilt = (text: string) => answerUnits(text).map((u) => u.prefix + u.body + u.newline).join('');
const read = (text: string) => answerUnits(text).map((u) => [u.role, u.text]);

const TABLE = '| 地区 | 2024年GDP目标 |\n|:---|---:|\n| 惠济区 | 增长**7%左右**[2] |\n| 卫东区 | 增长6.5%【1】 |\n\n两区目标不同。';

describe('answerUnits', () => {
  it('reads the words under inline Markdown', () => {
    expect(plainInline('**惠济区**目标是增长__7%左右__[1]，*预期*`数据`~~删去~~')).toBe('惠济区目标是增长7%左右[1]，预期数据删去');
    expect(plainInline('见[原文](https://example.org/a_(b))与![图](x.png)，\\*号')).toBe('见原文与图，*号');
  });

  it('cuts sentences, keeps markers after a full stop with their sentence, normalises them', () => {
    expect(read('惠济区目标7%左右。【1】卫东区6.5%[2]；完。')).toEqual([
      ['sentence', '惠济区目标7%左右。[1]'],
      ['sentence', '卫东区6.5%[2]；'],
      ['sentence', '完。'],
    ]);
  });

  it('reads a heading and list items without their markup, and a table row under its header', () => {
    expect(read('## 2024年目标\n\n- **惠济区**：7%左右[1]\n1. 卫东区：6.5%[2]\n')).toEqual([
      ['heading', '2024年目标'],
      ['structure', ''],
      ['sentence', '惠济区：7%左右[1]'],
      ['sentence', '卫东区：6.5%[2]'],
    ]);
    expect(read(TABLE)).toEqual([
      ['tableHeader', '地区，2024年GDP目标'],
      ['structure', ''],
      ['tableRow', '惠济区：2024年GDP目标增长7%左右[2]'],
      ['tableRow', '卫东区：2024年GDP目标增长6.5%[1]'],
      ['structure', ''],
      ['sentence', '两区目标不同。'],
    ]);
  });

  it('reads a line with pipes but no delimiter row under it as text', () => {
    expect(read('| 不是表格 |\n完。')).toEqual([
      ['sentence', '| 不是表格 |'],
      ['sentence', '完。'],
    ]);
  });

  it('cuts English sentences at a full stop once the next has begun, never inside a figure', () => {
    // The space between two sentences opens the second one's text.
    expect(read('Hongqi’s target is growth of 7%[1]. Weidong’s target is 6.5% (“6.5%”)[2]. Done').map(([role, text]) => [role, text.trim()])).toEqual([
      ['sentence', 'Hongqi’s target is growth of 7%[1].'],
      ['sentence', 'Weidong’s target is 6.5% (“6.5%”)[2].'],
      ['sentence', 'Done'],
    ]);
    expect(read('Growth of 6.5 percent. e.g. more')).toEqual([['sentence', 'Growth of 6.5 percent. e.g. more']]);
  });

  it('gives the same units whole or streamed in any pieces, and rebuilds the answer exactly', () => {
    const answers = [
      TABLE,
      '惠济区2024年GDP目标是增长7%左右[1]。卫东区为6.5%（来源2）。\n\n> 注：**两区**不同；\n\n---\n\n### 小结 ###\n- 甲[1]。乙[2]',
      'Huiji District’s target is about 7% [1]. Weidong District’s is 6.5% [2].',
    ];
    for (const text of answers) {
      const whole = answerUnits(text);
      for (const size of [1, 2, 5, 64]) expect(streamed(text, size)).toEqual(whole);
      expect(rebuilt(text)).toBe(text.replace('【1】', '[1]').replace('（来源2）', '[2]'));
    }
  });

  it('cuts a long answer in one pass: every unit once, none held back at the end', () => {
    const sentence = '惠济区2024年地区生产总值预期增长7%左右[1]。';
    const text = sentence.repeat(5000);
    const reader = createAnswerReader();
    let units = 0;
    for (let i = 0; i < text.length; i += 7) units += reader.push(text.slice(i, i + 7)).length;
    units += reader.end().length;
    expect(units).toBe(5000);
  });
});
