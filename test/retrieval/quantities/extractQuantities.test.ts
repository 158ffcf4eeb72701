// Expectations below were written from reading seeds/*.txt and from short paragraphs written
// for these tests in the genre's style (other places, invented figures), not from the output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ingestReport } from '../../../retrieval/ingest/ingestReport.js';
import { extractQuantities } from '../../../retrieval/quantities/extractQuantities.js';
import { quantitiesIn } from '../../../retrieval/quantities/findFigures.js';
import { QuantityRecordSchema, type QuantityRecord } from '../../../retrieval/types.js';

const META = { id: 'demo-2025', place: '青山县', reviewYear: 2024, planYear: 2025 };

/** Paragraphs of an invented report: the first title is the review, the second the plan. */
function extract(review: string[], plan: string[] = [], fiveYear: string[] = []): QuantityRecord[] {
  const paragraphs = [
    ...review.map((text, i) => ({ id: `demo-2025:p${i + 1}`, text, sectionPath: ['一、2024年工作回顾'], isHeading: false })),
    ...fiveYear.map((text, i) => ({ id: `demo-2025:f${i + 1}`, text, sectionPath: ['二、过去五年工作回顾'], isHeading: false })),
    ...plan.map((text, i) => ({ id: `demo-2025:q${i + 1}`, text, sectionPath: ['三、2025年工作安排'], isHeading: false })),
  ];
  return extractQuantities({ meta: META, paragraphs });
}

function one(records: QuantityRecord[], written: string): QuantityRecord {
  const found = records.filter((r) => r.written === written);
  expect(found, written).toHaveLength(1);
  return found[0];
}

describe('quantitiesIn', () => {
  it('reads Arabic figures with units and qualifiers, and skips dates and names', () => {
    const t = quantitiesIn('2024年3月8日，全县生产总值突破360亿元左右，“1583”行动覆盖5G基站1,200个，增速7.5％');
    expect(t.map((x) => x.written)).toEqual(['360亿元左右', '1,200个', '7.5％']);
    expect(t[1].value).toBe(1200);
    expect(t[2].unit).toBe('%');
    expect(t[0].qualifiers).toEqual(['左右']);
  });

  it('reads Chinese numerals normalised but shown as written', () => {
    const t = quantitiesIn('增长百分之七，三成以上，翻一番，带动两万余人，建成十二个站点，五年来，一是');
    expect(t.map((x) => [x.written, x.value, x.unit])).toEqual([
      ['百分之七', 7, '%'],
      ['三成以上', 30, '%'],
      ['翻一番', 2, '倍'],
      ['两万余人', 2, '万人'],
      ['十二个', 12, '个'],
    ]);
  });
});

describe('extractQuantities: constructions', () => {
  it('reads subjects on both sides of the number', () => {
    const r = extract(['全年实现地区生产总值388.6亿元。新增43个起降点，推进126个重点项目建设，新增国家高新技术企业15家。']);
    expect(one(r, '388.6亿元')).toMatchObject({ subject: '地区生产总值', measure: 'level', kind: 'actual', years: [2024] });
    expect(one(r, '43个')).toMatchObject({ subject: '新增起降点', measure: 'count' });
    expect(one(r, '126个')).toMatchObject({ subject: '推进重点项目建设', measure: 'count' });
    expect(one(r, '15家').subject).toBe('新增国家高新技术企业');
  });

  it('gives a growth clause without a subject the subject of the figure before it', () => {
    const r = extract(['全县一般公共预算收入完成12.4亿元，同比增长6.2%，总量居全市第2位，增速高于全市平均水平1.3个百分点。']);
    expect(one(r, '12.4亿元')).toMatchObject({ subject: '一般公共预算收入', measure: 'level' });
    const growth = one(r, '6.2%');
    expect(growth).toMatchObject({ subject: '一般公共预算收入', measure: 'growth', comparison: false });
    expect(growth.qualifiers).toContain('同比');
    expect(one(r, '2位')).toMatchObject({ measure: 'rank', value: 2, comparison: true, subject: '一般公共预算收入' });
    expect(one(r, '1.3个百分点')).toMatchObject({ measure: 'difference', comparison: true });
  });

  it('a year compared with (是2019年的1.8倍) is neither the subject nor the year of the figures after it', () => {
    const r = extract([], [], ['五年来，地区生产总值由107.7亿元增至157.5亿元，是2019年的1.8倍，年均增长10.6%。']);
    expect(one(r, '1.8倍')).toMatchObject({ subject: '地区生产总值', measure: 'multiple' });
    expect(one(r, '10.6%')).toMatchObject({ subject: '地区生产总值', measure: 'growth', kind: 'cumulative', years: [2020, 2021, 2022, 2023, 2024] });
  });

  it('binds 分别 figures to their own subjects', () => {
    const r = extract(['城镇和农村居民人均可支配收入分别增长5.1%和6.8%。']);
    expect(one(r, '5.1%')).toMatchObject({ subject: '城镇居民人均可支配收入', measure: 'growth' });
    expect(one(r, '6.8%')).toMatchObject({ subject: '农村居民人均可支配收入', measure: 'growth' });
  });

  it('binds 分别 shares to the figures they are shares of', () => {
    const r = extract(['新增城镇就业2860人、农村劳动力转移就业310人，分别占年度任务的118%、131%。']);
    expect(one(r, '2860人').subject).toBe('新增城镇就业');
    expect(one(r, '310人').subject).toBe('农村劳动力转移就业');
    expect(one(r, '118%')).toMatchObject({ measure: 'share', subject: '新增城镇就业占年度任务' });
    expect(one(r, '131%')).toMatchObject({ measure: 'share', subject: '农村劳动力转移就业占年度任务' });
  });

  it('gives 、-joined figures one record each', () => {
    const r = extract(['固定资产投资完成95亿元、增长4.4%，实际利用外资1200万美元、内资18亿元。']);
    expect(one(r, '95亿元')).toMatchObject({ subject: '固定资产投资', measure: 'level' });
    expect(one(r, '4.4%')).toMatchObject({ subject: '固定资产投资', measure: 'growth' });
    expect(one(r, '1200万美元').subject).toBe('实际利用外资');
    expect(one(r, '18亿元').subject).toBe('内资');
  });

  it('keeps 同口径 and the examples before 等 out of the subject', () => {
    const r = extract(['税收收入同口径增长百分之七。累计实施东湖大道、南山隧道等重点项目86项。']);
    const tax = one(r, '百分之七');
    expect(tax).toMatchObject({ subject: '税收收入', measure: 'growth', value: 7, unit: '%' });
    expect(tax.qualifiers).toContain('同口径');
    const projects = one(r, '86项');
    expect(projects.subject).toBe('重点项目');
    expect(projects.qualifiers).toContain('累计');
  });

  it('keeps conditions such as 剔除…因素 out of the subject, as a qualifier', () => {
    const r = extract(['全县生产总值剔除疫情因素增长6.8%。']);
    const gdp = one(r, '6.8%');
    expect(gdp).toMatchObject({ subject: '生产总值', measure: 'growth' });
    expect(gdp.qualifiers).toContain('剔除疫情因素');
  });

  it('dates five-year and 年均 figures as cumulative', () => {
    const r = extract([], [], ['五年来，全县生产总值年均增长6.9%，城镇化率提高到58.2%。']);
    const avg = one(r, '6.9%');
    expect(avg).toMatchObject({ kind: 'cumulative', measure: 'growth', subject: '生产总值' });
    expect(avg.years).toEqual([2020, 2021, 2022, 2023, 2024]);
    expect(avg.qualifiers).toContain('年均');
    expect(one(r, '58.2%')).toMatchObject({ kind: 'cumulative', measure: 'rate' });
  });

  it('types plan figures as targets for the plan year and 预计 as estimates', () => {
    const r = extract(['预计全年社会消费品零售总额完成140亿元、增长5%。'], ['全年新增规上工业企业12家以上，城镇调查失业率控制在5.5%以内，到2027年建成5G基站800个。']);
    expect(one(r, '140亿元')).toMatchObject({ kind: 'estimate', years: [2024] });
    expect(one(r, '5%')).toMatchObject({ kind: 'estimate', measure: 'growth' });
    expect(one(r, '12家以上')).toMatchObject({ kind: 'target', years: [2025], subject: '新增规上工业企业', measure: 'count' });
    expect(one(r, '5.5%以内')).toMatchObject({ kind: 'target', measure: 'rate', subject: '城镇调查失业率' });
    expect(one(r, '800个')).toMatchObject({ kind: 'target', years: [2027] });
  });

  it('reads a target in brackets after an outcome as that year’s target for the same figure', () => {
    const text = '固定资产投资完成38.6亿元，增长11.2%（年度目标8%左右），社会消费品零售总额增长5.1%(年初计划6%)。';
    const r = extract([text]);
    expect(one(r, '11.2%')).toMatchObject({ kind: 'actual', years: [2024], subject: '固定资产投资', measure: 'growth' });
    const target = one(r, '8%左右');
    expect(target).toMatchObject({ kind: 'target', years: [2024], subject: '固定资产投资', measure: 'growth', qualifiers: ['左右'] });
    // The statement runs from the outcome's subject through the closing bracket.
    expect(text.slice(target.statement.start, target.statement.end)).toBe('固定资产投资完成38.6亿元，增长11.2%（年度目标8%左右）');
    expect(one(r, '6%')).toMatchObject({ kind: 'target', years: [2024], subject: '社会消费品零售总额' });
    // A comparison with the target is no target.
    const above = extract(['地区生产总值增长6.8%，高于年度目标0.8个百分点。']);
    expect(above.filter((x) => x.kind === 'target')).toEqual([]);
  });
});

describe('extractQuantities: ranges', () => {
  it('keeps a range whole: value the low end, upper the high end, written as the report writes it', () => {
    const r = extract([], ['主要预期目标是：全县生产总值增长6%—6.5%，粮食总产量稳定在4.6亿斤以上。']);
    expect(one(r, '6%—6.5%')).toMatchObject({ value: 6, upper: 6.5, unit: '%', measure: 'growth', kind: 'target', subject: '生产总值' });
    expect(one(r, '4.6亿斤以上')).toMatchObject({ value: 4.6, unit: '亿斤', qualifiers: ['以上'], subject: '粮食总产量', measure: 'level' });
    expect(r.some((x) => x.written === '6.5%')).toBe(false);
  });
});

describe('extractQuantities: figures for two subjects named together', () => {
  it('gives each figure after a compound (城乡 = 城镇 + 农村) its own subject, with or without 分别', () => {
    const r = extract(['城乡居民人均可支配收入31200元和17400元，均增长6.1%。城乡常住居民人均可支配收入分别达到33800元、18900元，增长5.2%和7.7%。']);
    expect(one(r, '31200元')).toMatchObject({ subject: '城镇居民人均可支配收入', measure: 'level' });
    expect(one(r, '17400元')).toMatchObject({ subject: '农村居民人均可支配收入', measure: 'level' });
    // 均增长6.1%: the one figure holds for both.
    expect(r.filter((x) => x.written === '6.1%').map((x) => x.subject)).toEqual(['城镇居民人均可支配收入', '农村居民人均可支配收入']);
    expect(one(r, '33800元').subject).toBe('城镇常住居民人均可支配收入');
    expect(one(r, '18900元').subject).toBe('农村常住居民人均可支配收入');
    // 增长5.2%和7.7%: no subject of its own, so those of the list before it, in order.
    expect(one(r, '5.2%')).toMatchObject({ subject: '城镇常住居民人均可支配收入', measure: 'growth' });
    expect(one(r, '7.7%')).toMatchObject({ subject: '农村常住居民人均可支配收入', measure: 'growth' });
  });

  it('binds a 分别 list to the compound before it, not to the figures earlier in the sentence; one figure of a compound, or 进出口, is one subject', () => {
    const plan = extract([], ['主要预期目标是：地区生产总值增长6%，固定资产投资增长9%，城乡居民人均可支配收入分别增长6%左右和7.5%左右，中小学生体质健康达标率分别达到93%和95%。']);
    const review = extract(['城乡居民医保参保率达到97.5%，外贸进出口总额38.6亿元、增长4%。']);
    const subjects = (r: QuantityRecord[], written: string[]) => written.map((w) => one(r, w).subject);
    expect(subjects(plan, ['6%左右', '7.5%左右', '93%', '95%'])).toEqual(['城镇居民人均可支配收入', '农村居民人均可支配收入', '中学生体质健康达标率', '小学生体质健康达标率']);
    expect(subjects(review, ['97.5%', '38.6亿元', '4%'])).toEqual(['城乡居民医保参保率', '外贸进出口总额', '外贸进出口总额']);
  });
});

describe('extractQuantities: where a period starts and ends', () => {
  it('dates 由A增长到B: A to the year before the period (or the one written), B to its last year', () => {
    const r = extract([], [], [
      '五年来，全县地区生产总值由84.2亿元增长到126.9亿元，年均增长7.9%；常住人口城镇化率由“十三五”末的52.3%提高到60.1%。',
      '城乡居民人均可支配收入从2020年的30100元和15600元分别提高到38800元和21200元。',
    ]);
    expect(one(r, '84.2亿元')).toMatchObject({ subject: '地区生产总值', kind: 'actual', years: [2019] });
    expect(one(r, '126.9亿元')).toMatchObject({ subject: '地区生产总值', kind: 'actual', years: [2024], measure: 'level' });
    expect(one(r, '7.9%')).toMatchObject({ kind: 'cumulative', measure: 'growth' });
    expect(one(r, '52.3%')).toMatchObject({ subject: '常住人口城镇化率', years: [2020] });
    expect(one(r, '60.1%')).toMatchObject({ subject: '常住人口城镇化率', years: [2024] });
    expect(one(r, '30100元')).toMatchObject({ subject: '城镇居民人均可支配收入', years: [2020] });
    expect(one(r, '15600元')).toMatchObject({ subject: '农村居民人均可支配收入', years: [2020] });
    expect(one(r, '38800元')).toMatchObject({ subject: '城镇居民人均可支配收入', years: [2024], kind: 'actual' });
    expect(one(r, '21200元')).toMatchObject({ subject: '农村居民人均可支配收入', years: [2024], kind: 'actual' });
  });

  it('dates a level a five-year review says was reached to its last year; sums stay cumulative', () => {
    const r = extract([], [], ['全县地区生产总值突破百亿元、达到126.9亿元，累计新增城镇就业2.1万人。']);
    expect(one(r, '126.9亿元')).toMatchObject({ kind: 'actual', years: [2024], subject: '地区生产总值' });
    expect(one(r, '2.1万人')).toMatchObject({ kind: 'cumulative' });
  });
});

describe('extractQuantities on the seeds', () => {
  const SEEDS = ['hongqi-2017', 'hongqi-2020', 'hongqi-2024', 'huiji-2024', 'weidong-2024'];
  const reports = SEEDS.map((id) => ingestReport({ id, sourceFile: `${id}.txt`, bytes: readFileSync(new URL(`../../../seeds/${id}.txt`, import.meta.url)) }));
  const records = new Map(reports.map((r) => [r.meta.id, extractQuantities({ meta: r.meta, paragraphs: r.paragraphs })]));
  const text = new Map(reports.flatMap((r) => r.paragraphs.map((p) => [p.id, p.text] as const)));

  it('every record matches the schema and its span is its written figure', () => {
    for (const recs of records.values()) {
      expect(recs.length).toBeGreaterThan(100);
      for (const r of recs) {
        expect(() => QuantityRecordSchema.parse(r)).not.toThrow();
        expect(text.get(r.paragraphId)!.slice(r.span.start, r.span.end)).toBe(r.written);
        expect(r.statement.start).toBeLessThanOrEqual(r.span.start);
        expect(r.statement.end).toBeGreaterThanOrEqual(r.span.end);
      }
    }
  });

  const find = (reportId: string, written: string, subjectIncludes: string) => {
    const hits = records.get(reportId)!.filter((r) => r.written === written && r.subject.includes(subjectIncludes));
    expect(hits.length, `${reportId} ${written} ${subjectIncludes}`).toBeGreaterThanOrEqual(1);
    return hits[0];
  };

  it('reads figures outside the headline indicators (huiji-2024, hongqi-2024 plans)', () => {
    // huiji-2024: 积极推进199个重点项目建设,年度完成投资155亿元以上
    expect(find('huiji-2024', '199个', '重点项目')).toMatchObject({ kind: 'target', measure: 'count', years: [2024] });
    expect(find('huiji-2024', '155亿元以上', '投资')).toMatchObject({ kind: 'target', measure: 'level' });
    // hongqi-2024 plan: 新增规上工业企业10家以上 / 城镇失业人员再就业1600人以上
    expect(find('hongqi-2024', '10家以上', '规上工业企业')).toMatchObject({ kind: 'target', measure: 'count' });
    expect(find('hongqi-2024', '1600人以上', '再就业')).toMatchObject({ kind: 'target' });
  });

  it('reads ranks in the seeds as comparisons (hongqi-2024: 总量居全市第4位)', () => {
    const rank = records.get('hongqi-2024')!.find((r) => r.measure === 'rank' && r.value === 4 && r.subject.includes('生产总值'));
    expect(rank?.comparison).toBe(true);
  });

  it('reads 年均 growth in the five-year review (hongqi-2017: 年均增长10.6%)', () => {
    const avg = records.get('hongqi-2017')!.find((r) => r.written === '10.6%');
    expect(avg).toMatchObject({ kind: 'cumulative', measure: 'growth' });
    expect(avg!.qualifiers).toContain('年均');
  });
});

describe('extractQuantities: traditional script and full-width figures', () => {
  it('reads 億元, 萬人, 個 and full-width digits, quoting them as written', () => {
    const r = extract(['全年實現地區生產總值３８８.６億元，同比增長６.２％，新增就業兩萬餘人，建成社區食堂12個。']);
    expect(one(r, '３８８.６億元')).toMatchObject({ value: 388.6, unit: '亿元', measure: 'level' });
    expect(one(r, '６.２％')).toMatchObject({ value: 6.2, unit: '%', measure: 'growth' });
    expect(one(r, '兩萬餘人')).toMatchObject({ value: 2, unit: '万人', measure: 'count' });
    expect(one(r, '12個').subject).toContain('社区食堂');
  });
});

describe('extractQuantities: five-year goals in a plan', () => {
  it('types a plan period’s average as several years, not as the plan year’s target', () => {
    const r = extract([], ['“十四五”时期，全县生产总值年均增长7%左右。今年主要预期目标是：生产总值增长6.5%左右。']);
    expect(one(r, '7%左右')).toMatchObject({ kind: 'cumulative', years: [2021, 2022, 2023, 2024, 2025] });
    expect(one(r, '6.5%左右')).toMatchObject({ kind: 'target', years: [2025] });
  });
});

describe('readReportPart', () => {
  it('reads a heading that reviews the year and the term as the year’s review', async () => {
    const { readReportPart } = await import('../../../retrieval/quantities/readReportPart.js');
    expect(readReportPart('一、2021年及过去五年工作回顾', 2021, 2022)).toBe('review');
    expect(readReportPart('二、过去五年工作回顾', 2016, 2017)).toBe('fiveYear');
    expect(readReportPart('一、2023年工作回顾', 2023, 2024)).toBe('review');
  });
});
