// Hand-built fixtures from seeds/huiji-2024.txt, for tests of the model path that need
// no corpus: the report's metadata and its targets paragraph, copied from the text.
import type { ReportMeta } from '../../retrieval/types.js';

export const TARGETS =
  '经济社会发展主要预期目标是:地区生产总值增长7%左右,固定资产投资增长8%以上,规模以上工业增加值增长9%以上,社会消费品零售总额增长8%以上,一般公共预算收入增长3%以上,居民人均可支配收入和经济增长基本同步,各项质量、效益指标和民生指标实现明显提升。';

export const META: ReportMeta = {
  id: 'huiji-2024',
  title: '政府工作报告',
  place: '惠济区',
  city: '郑州市',
  date: '2024-01-22',
  congress: '第四届人民代表大会第四次会议',
  speaker: { title: '区长', name: '李伟光' },
  reviewYear: 2023,
  planYear: 2024,
  sourceFile: 'seeds/huiji-2024.txt',
  encoding: 'utf-8',
  paragraphCount: 60,
};
