// Enumerations inside running text. Paragraphs below are written for these tests in the genre's
// style (invented places and items); the seed checks come from reading seeds/*.txt.
import { describe, expect, it } from 'vitest';
import { findEnumerations } from '../../../retrieval/lists/findEnumerations.js';
import { matchEnumeration } from '../../../retrieval/lists/matchEnumeration.js';

const para = (text: string) => ({ id: 'demo:p1', text });

describe('findEnumerations', () => {
  it('reads 一是…二是…三是… items with their intro', () => {
    const [e] = findEnumerations(para('今年重点抓好三项工作：一是扩大有效投资，力争新开工项目40个；二是提振消费，举办促消费活动；三是稳定就业。'));
    expect(e.kind).toBe('ordinal');
    expect(e.intro).toBe('今年重点抓好三项工作');
    expect(e.items.map((i) => i.text)).toEqual(['扩大有效投资，力争新开工项目40个', '提振消费，举办促消费活动', '稳定就业']);
  });

  it('reads ①②③ and inline （一）（二） markers', () => {
    const circled = findEnumerations(para('主要举措包括：①建设智慧园区；②完善物流网络；③培育龙头企业。'));
    expect(circled.find((e) => e.kind === 'ordinal')!.items.map((i) => i.text)).toEqual(['建设智慧园区', '完善物流网络', '培育龙头企业']);
    const inline = findEnumerations(para('围绕目标，重点做好以下工作。（一）抓项目促投资。（二）抓改革优环境。'));
    expect(inline[0].items.map((i) => i.text)).toEqual(['抓项目促投资', '抓改革优环境']);
  });

  it('reads parallel short sentences that open alike (bold leads once)', () => {
    const text = '完成全年任务，必须坚持产业强县。做大特色农业。必须坚持开放兴县。深化区域合作。必须坚持民生为本。办好十件实事。';
    const e = findEnumerations(para(text)).find((x) => x.kind === 'parallel')!;
    expect(e.intro).toBe('完成全年任务');
    expect(e.items.map((i) => i.text)).toEqual(['必须坚持产业强县', '必须坚持开放兴县', '必须坚持民生为本']);
    for (const i of e.items) expect(text.slice(i.start, i.end)).toBe(i.text);
  });

  it('reads problems listed after a colon, by semicolons or by sentences after 主要是', () => {
    const semi = findEnumerations(para('工作中还存在一些不足：产业层次不高；财政收支矛盾突出；公共服务仍有短板。'));
    expect(semi[0]).toMatchObject({ kind: 'semicolon', intro: '工作中还存在一些不足' });
    expect(semi[0].items).toHaveLength(3);
    const sentences = findEnumerations(para('发展中也存在困难，主要是：县域经济总量偏小。城乡差距依然较大。生态治理任务繁重。对于这些问题，我们将认真解决。'));
    expect(sentences[0].items.map((i) => i.text)).toEqual(['县域经济总量偏小', '城乡差距依然较大', '生态治理任务繁重']);
  });

  it('finds nothing in a plain paragraph', () => {
    expect(findEnumerations(para('全年地区生产总值增长6%，一般公共预算收入完成12亿元。'))).toEqual([]);
  });
});

describe('matchEnumeration', () => {
  it('picks the list whose intro or items name the question’s words', () => {
    const lists = [
      ...findEnumerations(para('工作中还存在一些不足：产业层次不高；财政收支矛盾突出；公共服务仍有短板。')),
      ...findEnumerations({ id: 'demo:p2', text: '完成全年任务，必须坚持产业强县。做大特色农业。必须坚持开放兴县。深化区域合作。必须坚持民生为本。' }),
    ];
    expect(matchEnumeration(lists, ['必须', '坚持'])!.enumeration.paragraphId).toBe('demo:p2');
    expect(matchEnumeration(lists, ['存在', '不足'])!.enumeration.paragraphId).toBe('demo:p1');
  });
});
