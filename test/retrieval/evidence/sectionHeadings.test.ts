// A report holds several lists of headings: the review's achievements, a five-year plan's
// tasks, the year's work and the government's own conduct. A list question gets the one it
// names: by its words, the number of items it asks for, the year's part, the period.
import { describe, expect, it } from 'vitest';
import { ingestReport } from '../../../retrieval/ingest/ingestReport.js';
import { sectionHeadings } from '../../../retrieval/evidence/sectionHeadings.js';

const heads = (marker: string[], titles: string[]) => titles.map((t, i) => `${marker[i]}${t}。围绕这一方面，我们将细化举措，逐项抓好落实，确保取得实效。`);
const M = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）'];
const text = [
  '2021年青石县政府工作报告',
  '——2021年1月20日在青石县第十届人民代表大会第六次会议上',
  '青石县人民政府县长 林青禾',
  '各位代表：',
  '现在，我代表县人民政府，向大会报告工作，请予审议。',
  '一、“十三五”时期和2020年工作回顾',
  '过去五年，全县地区生产总值年均增长6.1%，一般公共预算收入年均增长5.2%。',
  ...heads(M, ['产业结构持续优化', '城乡面貌明显改观', '生态环境稳步改善', '改革开放纵深推进', '民生福祉不断增进']),
  '二、“十四五”时期主要目标任务',
  '今后五年，我们将重点抓好六方面工作：',
  ...heads(M, ['培育发展新动能', '构建现代产业体系', '全面推进乡村振兴', '推动城乡融合发展', '建设美丽青石', '增进民生福祉']),
  '三、2021年重点工作',
  '今年经济社会发展的主要预期目标是：地区生产总值增长7%左右。',
  ...heads(M, ['聚焦项目建设，扩大有效投资', '聚焦产业升级，壮大县域经济', '聚焦乡村振兴，巩固脱贫成果', '聚焦城乡建设，提升承载能力', '聚焦生态治理，守护绿水青山', '聚焦社会事业，办好民生实事', '聚焦安全稳定，建设平安青石']),
  '四、全面加强政府自身建设',
  ...heads(M, ['坚持政治引领', '坚持依法行政', '坚持廉洁从政']),
].join('\n');
const report = ingestReport({ id: 'qingshi-2021', sourceFile: 'qingshi-2021.txt', bytes: Buffer.from(text, 'utf8') });
const ask = (q: string, yearRole: 'target' | 'actual' | 'any' = 'any') => sectionHeadings(q, [report], { yearRole }).map((p) => p.text.slice(3, 7));

describe('sectionHeadings: the list a question names', () => {
  it('the year’s work for 重点工作 or a count that fits it, not the five-year plan before it', () => {
    expect(ask('青石县2021年重点工作有哪些')).toEqual(['聚焦项目', '聚焦产业', '聚焦乡村', '聚焦城乡', '聚焦生态', '聚焦社会', '聚焦安全']);
    expect(ask('青石今年要抓哪七个方面')).toHaveLength(7);
    expect(ask('青石今年工作有哪几个聚焦')[0]).toBe('聚焦项目');
  });

  it('the five-year plan when the question names the period, the review when it asks what was done', () => {
    expect(ask('青石十四五时期的主要任务有哪些')).toEqual(['培育发展', '构建现代', '全面推进', '推动城乡', '建设美丽', '增进民生']);
    expect(ask('青石县过去一年做了哪几方面工作', 'actual')[0]).toBe('产业结构');
  });

  it('the government’s own conduct only when asked', () => {
    expect(ask('青石县怎样加强政府自身建设，有哪几条')).toEqual(['坚持政治', '坚持依法', '坚持廉洁']);
  });
});

describe('a list question names its list by the count of its items', () => {
  it('N大工程 / N件实事 有哪些 is a list question', async () => {
    const { detectIntent } = await import('../../../retrieval/query/detectIntent.js');
    const intent = (folded: string) => detectIntent({ folded, placeCount: 1, yearCount: 1, hasIndicator: false, role: 'any', yearIsPlanYear: true });
    expect(intent('大同2019年的十二大工程有哪些')).toBe('list');
    expect(intent('今年要办的十件实事都有什么')).toBe('list');
    expect(intent('营商环境做了哪些工作')).toBe('open');
  });
});
