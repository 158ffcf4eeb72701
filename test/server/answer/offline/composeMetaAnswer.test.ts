// Cover questions about a report whose text has no cover lines: said plainly, never guessed.
import { describe, expect, it } from 'vitest';
import type { Evidence, ReportMeta } from '../../../../retrieval/public.js';
import { composeMetaAnswer } from '../../../../server/answer/offline/composeMetaAnswer.js';

const meta = (readFrom: ReportMeta['readFrom']): ReportMeta =>
  ({ id: 'x-2008', place: '某市', planYear: 2008, reviewYear: 2007, speaker: { name: '', title: '' }, readFrom }) as unknown as ReportMeta;
const body = (report: ReportMeta): Evidence =>
  ({ marker: 1, paragraphId: 'x-2008:p5', reportId: 'x-2008', text: '各位代表，三年来全市的变化令人瞩目。', section: '一、回顾', report, rows: [] }) as unknown as Evidence;

describe('composeMetaAnswer', () => {
  it('a report that starts at 各位代表 says who delivered it is not written', () => {
    expect(composeMetaAnswer('某市2008年政府工作报告是谁作的', [body(meta({}))])).toBe('报告中没有写明某市2008年的政府工作报告作报告的人。');
  });

  it('a report whose cover lines exist but are not in the evidence is not said to lack them', () => {
    expect(composeMetaAnswer('某市2008年政府工作报告是谁作的', [body(meta({ speaker: 'x-2008:p2' }))])).toBeUndefined();
  });
});
