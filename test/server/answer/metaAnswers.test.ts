// Questions about a report itself are answered from the fields ingestion read off its
// cover, each cited to the line it was read from; a field the text does not state is said
// to be missing, never filled in. Reports written for this test.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../retrieval/public.js';
import type { Corpus } from '../../../retrieval/types.js';
import { answerQuestion } from '../../../server/answer/answerQuestion.js';

const body = (growth: string) => ['各位代表：', '现在，我代表市人民政府，向大会报告工作，请予审议。', '一、2024年工作回顾', `过去一年，全市地区生产总值增长${growth}。`, '二、2025年工作安排', '今年全市地区生产总值预期增长5%左右。'];
let corpus: Corpus;
beforeAll(async () => {
  corpus = await loadCorpus({
    dir: null,
    cacheDir: false,
    sources: [
      {
        // The delivery line in brackets, the speaker on a line of its own.
        id: 'linhai-2025',
        sourceFile: 'linhai-2025.txt',
        bytes: Buffer.from(['临海市2025年政府工作报告', '（2025年1月9日在临海市第九届人民代表大会第四次会议上）', '临海市人民政府市长 陆远帆', ...body('5.2%')].join('\n'), 'utf8'),
      },
      {
        // No speaker anywhere: delivered 受市政府委托, as some reports are.
        id: 'longquan-2025',
        sourceFile: 'longquan-2025.txt',
        bytes: Buffer.from(['龙泉市2025年政府工作报告', '——2025年1月15日在龙泉市第八届人民代表大会第三次会议上', '受市政府委托', ...body('4.8%')].join('\n'), 'utf8'),
      },
    ],
  });
});
const ask = (question: string) => answerQuestion({ corpus }, { question });

describe('answers about the report itself', () => {
  it('who and when, each cited to the line it was read from', async () => {
    const r = await ask('临海市2025年政府工作报告是谁作的？哪天？');
    expect(r.status).toBe('answered');
    expect(r.answer).toContain('陆远帆');
    expect(r.answer).toContain('2025年1月9日');
    expect(r.verified).toBe(true);
    const cited = r.citations.map((c) => c.text);
    expect(cited.some((t) => t.includes('陆远帆'))).toBe(true);
    expect(cited.some((t) => t.includes('1月9日'))).toBe(true);
  });

  it('the session, from a delivery line in brackets', async () => {
    const r = await ask('临海市2025年的人代会是第几届第几次会议');
    expect(r.answer).toContain('第九届人民代表大会第四次会议');
    expect(r.citations[0].text).toContain('第九届');
  });

  it('a speaker the report does not name is said to be missing, with no empty slot', async () => {
    const r = await ask('龙泉市2025年政府工作报告是谁作的？');
    expect(r.answer).toContain('没有写明');
    expect(r.answer).not.toMatch(/由作|的《[^》]*》作出/);
    expect(r.status).toBe('no_evidence');
  });
});
