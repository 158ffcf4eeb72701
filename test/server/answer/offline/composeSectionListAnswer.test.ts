// List answers from the section tree: numbered headings, or in reports without numbers the
// lead sentences their items follow.
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../../../retrieval/public.js';
import { composeSectionListAnswer } from '../../../../server/answer/offline/composeSectionListAnswer.js';

const item = (marker: number, text: string, section = '2021年主要工作任务'): Evidence =>
  ({ marker, text, reportId: 'x-2021', paragraphId: `x-2021:p${marker}`, section, place: '某旗', year: 2021, rows: [] }) as unknown as Evidence;

describe('composeSectionListAnswer', () => {
  it('lists the lead sentences a report without numbered headings heads its items with', () => {
    const text = composeSectionListAnswer([
      item(1, '今年是关键之年，全旗经济社会发展的主要预期目标是：地区生产总值增长6%。'),
      item(2, '做强口岸经济。一是推进智慧口岸建设；二是建设进出口加工园区。'),
      item(3, '壮大清洁能源产业。一是新增装机50万千瓦；二是推进储能项目。'),
      item(4, '持续改善民生。（1）改造老旧小区12个；（2）新建学校1所。'),
    ]);
    expect(text).toContain('做强口岸经济[2]；\n壮大清洁能源产业[3]；\n持续改善民生[4]。');
    expect(text).not.toContain('今年是关键之年');
  });

  it('a short sentence that heads no items is not a heading, and numbered headings win over lead sentences', () => {
    expect(composeSectionListAnswer([item(1, '发展势头良好。全年实现增长。'), item(2, '民生持续改善。群众更加满意。')])).toBeUndefined();
    const mixed = composeSectionListAnswer([
      item(1, '（一）着力扩大有效需求。坚持投资和消费两端发力。'),
      item(2, '扎实办好十件实事。一是改造农田；二是易地搬迁。'),
      item(3, '（二）着力推进产业升级。一是培育新兴产业。'),
    ]);
    expect(mixed).toContain('（一）着力扩大有效需求[1]；\n（二）着力推进产业升级[3]。');
    expect(mixed).not.toContain('十件实事');
  });

  it('lists one part of the report, introduced by its own sentence', () => {
    const text = composeSectionListAnswer([
      item(1, '（一）着力扩大有效需求。坚持投资和消费两端发力。'),
      item(2, '（二）着力推进产业升级。培育新兴产业。'),
      item(3, '（二）谋大局抓大事。推进重大项目。', '2020年工作回顾 › （二）谋大局抓大事'),
      item(4, '今年是关键之年。为实现上述目标，重点抓好以下两个方面工作：'),
    ]);
    expect(text).toBe('某旗2021年政府工作报告“2021年主要工作任务”部分，为实现上述目标，重点抓好以下两个方面工作[4]：\n（一）着力扩大有效需求[1]；\n（二）着力推进产业升级[2]。');
  });
});
