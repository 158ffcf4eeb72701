// Ingestion of real reports, verbatim with their flaws (page chrome, summaries that
// repeat the opening, a report on one line or with written-out line breaks, random
// bytes after the end, full-width digits): every report loads with the place, level,
// parents, delivery date, session, speaker and years a reader finds in it. The
// reports live outside the repository (evals/setCorpus.ts realdevSet()); without
// them this file says so and skips. The expectations are facts read off the texts
// (a place, a date, a name), never their sentences.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realdevSet } from '../../../evals/setCorpus.js';
import { ingestReport } from '../../../retrieval/ingest/ingestReport.js';

interface Expected {
  place: string;
  level: 'province' | 'city' | 'county';
  city: string | null;
  province: string;
  /** null: the text does not state the date. */
  date: string | null;
  planYear: number;
  speaker: string | null;
  congress: string | null;
}

const P = (place: string, date: string, speaker: string, congress: string): Expected => ({
  place,
  level: 'province',
  city: null,
  province: place,
  date,
  planYear: Number(date.slice(0, 4)),
  speaker,
  congress,
});
const expected: Record<string, Expected> = {
  'zhejiang-2026': P('浙江省', '2026-01-14', '刘捷', '第十四届人民代表大会第四次会议'),
  'shaanxi-2026': P('陕西省', '2026-01-27', '赵刚', '第十四届人民代表大会第四次会议'),
  'qinghai-2026': P('青海省', '2026-01-27', '罗东川', '第十四届人民代表大会第四次会议'),
  'guizhou-2026': P('贵州省', '2026-01-27', '李炳军', '第十四届人民代表大会第四次会议'),
  'xizang-2026': P('西藏自治区', '2026-01-31', '嘎玛泽登', '第十二届人民代表大会第四次会议'),
  'baishan-2008': { place: '白山市', level: 'city', city: null, province: '吉林省', date: null, planYear: 2008, speaker: null, congress: null },
  'yuxi-2010': { place: '玉溪市', level: 'city', city: null, province: '云南省', date: null, planYear: 2010, speaker: null, congress: null },
  'haikou-2012': { place: '海口市', level: 'city', city: null, province: '海南省', date: null, planYear: 2012, speaker: null, congress: null },
  'ganzhou-2013': { place: '赣州市', level: 'city', city: null, province: '江西省', date: '2013-01-05', planYear: 2013, speaker: '冷新生', congress: '第四届人民代表大会第三次会议' },
  'quanzhou-2015': { place: '泉州市', level: 'city', city: null, province: '福建省', date: null, planYear: 2015, speaker: null, congress: null },
  'chifeng-2016': { place: '赤峰市', level: 'city', city: null, province: '内蒙古自治区', date: null, planYear: 2016, speaker: null, congress: null },
  'datong-2019': { place: '大同市', level: 'city', city: null, province: '山西省', date: null, planYear: 2019, speaker: null, congress: null },
  'tianshui-2020': { place: '天水市', level: 'city', city: null, province: '甘肃省', date: '2020-01-16', planYear: 2020, speaker: '王军', congress: '第七届人民代表大会第五次会议' },
  'kelamayi-2023': { place: '克拉玛依市', level: 'city', city: null, province: '新疆维吾尔自治区', date: '2023-01-06', planYear: 2023, speaker: '钱志福', congress: '第十五届人民代表大会第二次会议' },
  'rongcheng-2019': { place: '容城县', level: 'county', city: '保定市', province: '河北省', date: null, planYear: 2019, speaker: null, congress: null },
  'tangxian-2020': { place: '唐县', level: 'county', city: '保定市', province: '河北省', date: '2020-01-21', planYear: 2020, speaker: '尤志敬', congress: '第十七届人民代表大会第四次会议' },
  'fuping-2021': { place: '阜平县', level: 'county', city: '保定市', province: '河北省', date: '2021-02-05', planYear: 2021, speaker: '贾瑞生', congress: '第十七届人民代表大会第五次会议' },
  'qingyuan-2024': { place: '清苑区', level: 'county', city: '保定市', province: '河北省', date: '2024-01-23', planYear: 2024, speaker: '李英英', congress: '第三届人民代表大会第四次会议' },
  'laiyuan-2025': { place: '涞源县', level: 'county', city: '保定市', province: '河北省', date: '2025-01-14', planYear: 2025, speaker: '薛春雷', congress: '第十七届人民代表大会第五次会议' },
};

const set = realdevSet();
if (!set) console.warn('realdev reports not found (REALDEV_DIR or shared/realdev beside the checkout): their metadata test is skipped');
const ids = Object.keys(expected);

describe.skipIf(!set)('metadata of the real reports', () => {
  const read = (id: string, sourceFile = `${id}.txt`) => ingestReport({ id, sourceFile, bytes: readFileSync(join(set!.folders[0], `${id}.txt`)) });

  it.each(ids)('%s: place, level, parents, date, session, speaker and years', (id) => {
    const { meta } = read(id);
    const e = expected[id];
    expect({
      place: meta.place,
      level: meta.level,
      city: meta.city ?? null,
      province: meta.province ?? null,
      date: meta.date ?? null,
      reviewYear: meta.reviewYear,
      planYear: meta.planYear,
      speaker: meta.speaker.name || null,
      congress: meta.congress || null,
    }).toEqual({ ...e, reviewYear: e.planYear - 1 });
    // The place is read from the text, surely: none of these is a guess to correct.
    expect(meta.placeConfidence).not.toBe('low');
    if (!e.date) expect(meta.warnings?.join('')).toMatch(/日期/);
  });

  it.each(ids)('%s: the place is read from the text alone, whatever the file is called', (id) => {
    const { meta } = read(id, 'upload.txt');
    expect([meta.place, meta.city ?? null, meta.province ?? null]).toEqual([expected[id].place, expected[id].city, expected[id].province]);
  });

  it.each(ids)('%s: no page chrome, summary copy or repeated block is a paragraph', (id) => {
    const { paragraphs } = read(id);
    const texts = paragraphs.map((p) => p.text);
    expect(texts.filter((t) => /^(?:分享到|上一篇|下一篇|相关文章|标签云|免责声明)|本站|\?\?/u.test(t))).toEqual([]);
    // A watermark (a site's name, alone or stuck after the last sentence) is gone too.
    expect(texts.filter((t) => (t.length <= 16 && /网$/u.test(t)) || /[。！？]\S{0,12}网$/u.test(t))).toEqual([]);
    expect(texts.filter((t, i) => t.length >= 40 && texts.indexOf(t) !== i)).toEqual([]);
    // Nothing but the report's own text: no run of ASCII letters and symbols without a space.
    expect(texts.filter((t) => /[\x21-\x7e]{40,}/u.test(t))).toEqual([]);
  });
});
