import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanLine } from '../../../retrieval/ingest/cleanText.js';
import { decodeText, ReportReadError } from '../../../retrieval/ingest/decodeText.js';
import { ingestReport } from '../../../retrieval/ingest/ingestReport.js';
import { repairParagraphs } from '../../../retrieval/ingest/repairParagraphs.js';
import { splitSentences } from '../../../retrieval/ingest/splitSentences.js';

const seed = (id: string) => readFileSync(new URL(`../../../seeds/${id}.txt`, import.meta.url));
const ingest = (id: string, bytes: Uint8Array = seed(id)) => ingestReport({ id, sourceFile: `${id}.txt`, bytes });

describe('metadata is read from each report’s own text', () => {
  // Expectations from reading each report's cover and headings.
  const cases = [
    ['hongqi-2017', { place: '红旗区', city: '新乡市', date: '2017-04-21', congress: '第十四届人民代表大会第一次会议', speaker: { title: '区长', name: '郑援越' }, reviewYear: 2016, planYear: 2017 }],
    ['hongqi-2020', { place: '红旗区', city: '新乡市', date: '2020-05-31', congress: '第十四届人民代表大会第五次会议', speaker: { title: '区长', name: '刘宏锋' }, reviewYear: 2019, planYear: 2020 }],
    ['hongqi-2024', { place: '红旗区', city: '新乡市', date: '2024-03-08', congress: '第十五届人民代表大会第四次会议', speaker: { title: '区长', name: '刘怀斌' }, reviewYear: 2023, planYear: 2024 }],
    ['huiji-2024', { place: '惠济区', city: '郑州市', date: '2024-01-22', congress: '第四届人民代表大会第四次会议', speaker: { title: '区长', name: '李伟光' }, reviewYear: 2023, planYear: 2024 }],
    ['weidong-2024', { place: '卫东区', city: '平顶山市', date: '2024-01-23', congress: '第十一届人民代表大会第四次会议', speaker: { title: '区长', name: '宋建立' }, reviewYear: 2023, planYear: 2024 }],
  ] as const;
  for (const [id, expected] of cases) {
    it(id, () => {
      const { meta } = ingest(id);
      expect(meta).toMatchObject({ id, title: '政府工作报告', encoding: 'utf-8', level: 'county', province: '河南省', script: 'simplified', ...expected });
      // Only hongqi-2017 and huiji-2024 write their city beside the place; the others' comes from the division codes.
      expect(meta.sources?.city).toBe(id === 'hongqi-2017' || id === 'huiji-2024' ? 'cover' : id === 'hongqi-2024' ? 'body' : 'gazetteer');
      expect(meta.sources).toMatchObject({ place: 'cover', date: 'cover', speaker: 'cover', province: 'gazetteer' });
      expect(meta.warnings).toEqual([]);
    });
  }
});

describe('cleaning', () => {
  it('removes typesetting spaces, markdown and bookmarks but keeps punctuation', () => {
    expect(cleanLine('政 府 工 作 报 告')).toBe('政府工作报告');
    expect(cleanLine('二、2024 年总体要求和预期目标')).toBe('二、2024年总体要求和预期目标');
    expect(cleanLine('累计办理出口退税 1.7 亿元，增值税')).toBe('累计办理出口退税1.7亿元，增值税');
    expect(cleanLine('实现上述目标，**必须坚持创新提质**。')).toBe('实现上述目标，必须坚持创新提质。');
    expect(cleanLine('[bookmark: _GoBack]（八）全面提升')).toBe('（八）全面提升');
    expect(cleanLine('增长1.6％，ＧＤＰ')).toBe('增长1.6%，GDP');
    expect(cleanLine('PM_{2.5}平均浓度')).toBe('PM2.5平均浓度');
    expect(cleanLine('Micro LED 产业')).toBe('Micro LED产业');
  });

  it('leaves no spaced-out title, ** marker or bookmark in any report', () => {
    for (const id of ['hongqi-2017', 'hongqi-2020', 'hongqi-2024', 'huiji-2024', 'weidong-2024']) {
      const r = ingest(id);
      for (const p of r.paragraphs) {
        expect(p.text).not.toMatch(/\*\*|\[bookmark|\d \S*年|[\u4e00-\u9fff] [\u4e00-\u9fff]/);
      }
    }
  });
});

describe('paragraph repair', () => {
  const weidong = ingest('weidong-2024');
  it('joins the sentence a page break split (…切 / 实增强经济活力…)', () => {
    const p = weidong.paragraphs.find((x) => x.text.includes('切实增强经济活力、防范化解风险'));
    expect(p).toBeDefined();
    expect(p!.text.startsWith('今年政府工作的总体要求是')).toBe(true);
    expect(weidong.paragraphs.some((x) => x.text.startsWith('实增强经济活力'))).toBe(false);
  });
  it('joins a figure split from its unit line (…位居全 / 市第一…)', () => {
    expect(weidong.paragraphs.some((x) => x.text.includes('位居全市第一'))).toBe(true);
  });
  it('never joins across a heading', () => {
    const lines = ['（一）经济运行在顶压前行中企稳向好', '深化“万人助万企”。全面落实', '稳经济一揽子政策。', '二、2024年总体要求和预期目标', '今年是…'];
    expect(repairParagraphs(lines)).toEqual([
      '（一）经济运行在顶压前行中企稳向好',
      '深化“万人助万企”。全面落实稳经济一揽子政策。',
      '二、2024年总体要求和预期目标',
      '今年是…',
    ]);
  });
  it('treats a quote closing a sentence as its end, and a bare quote as not', () => {
    expect(repairParagraphs(['他说“好。”', '下一段。'])).toHaveLength(2);
    expect(repairParagraphs(['打造“芯”', '未来。'])).toEqual(['打造“芯”未来。']);
  });
  it('rejoins the cover’s date line broken over two lines', () => {
    const r = ingest('huiji-2024');
    expect(r.paragraphs[1].text).toBe('——2024年1月22日在郑州市惠济区第四届人民代表大会第四次会议上');
  });
});

describe('sections, ids and passages', () => {
  it('builds the section tree from standalone and inline headings', () => {
    const huiji = ingest('huiji-2024');
    expect(huiji.sections.map((s) => s.marker + s.title)).toEqual([
      '一、2023年工作回顾',
      '二、2024年政府工作总体要求和主要预期目标',
      '三、2024年工作重点',
      '四、加强政府自身建设',
    ]);
    expect(huiji.sections[2].children).toHaveLength(7);
    expect(huiji.sections[2].children[0].title).toBe('在经济增长上聚力攻坚,积聚高质量发展动能');
    const weidong = ingest('weidong-2024');
    // Standalone level-2 headings in the review, inline lead headings in the plan.
    expect(weidong.sections[0].children.map((s) => s.title)[0]).toBe('经济运行在顶压前行中企稳向好');
    expect(weidong.sections[2].children).toHaveLength(8);
  });

  it('gives paragraphs their section path and lead sentence', () => {
    const huiji = ingest('huiji-2024');
    const target = huiji.paragraphs.find((p) => p.text.includes('地区生产总值增长7%左右'))!;
    expect(target.sectionPath).toEqual(['二、2024年政府工作总体要求和主要预期目标']);
    const invest = huiji.paragraphs.find((p) => p.text.startsWith('加力提效扩大投资。'))!;
    expect(invest.sectionPath).toEqual(['三、2024年工作重点', '(一)在经济增长上聚力攻坚,积聚高质量发展动能']);
    expect(invest.lead).toBe('加力提效扩大投资');
    expect(invest.sectionId).toBe('huiji-2024:s3.1');
  });

  it('keeps ids stable across runs and across blank-line and line-ending changes', () => {
    const a = ingest('weidong-2024');
    const b = ingest('weidong-2024');
    expect(b.paragraphs.map((p) => [p.id, p.text])).toEqual(a.paragraphs.map((p) => [p.id, p.text]));
    const reformatted = Buffer.from(seed('weidong-2024').toString('utf8').replace(/\n/g, '\r\n\r\n'));
    const c = ingest('weidong-2024', reformatted);
    expect(c.paragraphs.map((p) => [p.id, p.text])).toEqual(a.paragraphs.map((p) => [p.id, p.text]));
    expect(a.paragraphs.every((p, i) => p.id === `weidong-2024:p${i + 1}`)).toBe(true);
  });

  it('cuts long paragraphs into sentence-aligned passages that tile the paragraph', () => {
    const r = ingest('hongqi-2024');
    const long = r.paragraphs.find((p) => p.text.length > 1800)!;
    const passages = r.passages.filter((x) => x.paragraphId === long.id);
    expect(passages.length).toBeGreaterThanOrEqual(Math.floor(long.text.length / 360));
    const ends = new Set(long.sentences.map((s) => s.end));
    for (const [i, x] of passages.entries()) {
      expect(x.text).toBe(long.text.slice(x.start, x.end));
      expect(ends.has(x.end)).toBe(true);
      const sentencesInside = long.sentences.filter((s) => s.start >= x.start && s.end <= x.end).length;
      if (sentencesInside > 1) expect(x.text.length).toBeLessThanOrEqual(360);
      if (i > 0) expect(x.start).toBe(passages[i - 1].end);
    }
    expect(passages[passages.length - 1].end).toBe(long.text.length);
  });

  it('splits sentences after 。！？ including closing quotes', () => {
    const text = '一是稳增长。二是“惠民生。”三是防风险！尾巴';
    expect(splitSentences(text).map((s) => text.slice(s.start, s.end))).toEqual(['一是稳增长。', '二是“惠民生。”', '三是防风险！', '尾巴']);
  });
});

describe('decoding', () => {
  it('reads GB18030/GBK text', () => {
    // “政府工作报告” in GBK, followed by enough Chinese to count as a report.
    const gbk = Buffer.from([0xd5, 0xfe, 0xb8, 0xae, 0xb9, 0xa4, 0xd7, 0xf7, 0xb1, 0xa8, 0xb8, 0xe6]);
    expect(decodeText(gbk)).toEqual({ text: '政府工作报告', encoding: 'gb18030' });
  });
  it('refuses empty, whitespace-only and binary files with a reason', () => {
    expect(() => decodeText(new Uint8Array())).toThrow(ReportReadError);
    expect(() => decodeText(Buffer.from('  \n\n '))).toThrow(/空白/);
    expect(() => decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))).toThrow(/NUL/);
  });
});
