// Ingestion on reports of shapes the seeds don't have (evals/reports/: other
// provinces and levels, no cover, partial cover, page chrome, traditional script,
// one line, December delivery, pre-2015): every field as evals/reports/expected-meta.json
// records it from reading the texts. Metadata is kept in simplified characters,
// the form questions are matched in, so the expectations are folded too.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestReport } from '../../../retrieval/ingest/ingestReport.js';
import { toSimplified } from '../../../retrieval/script/toSimplified.js';

const DIR = fileURLToPath(new URL('../../../evals/reports/', import.meta.url));
interface Expected {
  place: string;
  level: string;
  city: string | null;
  province: string | null;
  date: string | null;
  reviewYear: number;
  planYear: number;
  script: string;
  speakerTitle: string;
  speakerName: string | null;
}
const expected = JSON.parse(readFileSync(`${DIR}expected-meta.json`, 'utf8')) as Record<string, Expected>;
const ids = readdirSync(DIR)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''));

describe('ingestion of reports the seeds do not resemble', () => {
  it.each(ids)('%s: place, level, parents, date, years, script and speaker', (id) => {
    const { meta, paragraphs } = ingestReport({ id, sourceFile: `${id}.txt`, bytes: readFileSync(`${DIR}${id}.txt`) });
    const e = expected[id];
    expect({
      place: meta.place,
      level: meta.level,
      city: meta.city ?? null,
      province: meta.province ?? null,
      date: meta.date ?? null,
      reviewYear: meta.reviewYear,
      planYear: meta.planYear,
      script: meta.script,
      speakerTitle: meta.speaker.title,
      speakerName: meta.speaker.name || null,
    }).toEqual({
      ...e,
      place: toSimplified(e.place),
      speakerTitle: toSimplified(e.speakerTitle),
      speakerName: e.speakerName && toSimplified(e.speakerName),
    });
    // A field that could not be read is a warning, never silence.
    if (!e.date) expect(meta.warnings?.join('')).toMatch(/日期/);
    // Every paragraph is searchable: none but the cover lacks a part of the report.
    expect(paragraphs.filter((p) => p.part === undefined)).toEqual([]);
    expect(paragraphs.some((p) => p.part === 'review') && paragraphs.some((p) => p.part === 'plan')).toBe(true);
  });

  it('keeps a traditional-script report as written for display, folded for reading', () => {
    const id = ids.find((i) => expected[i].script === 'traditional')!;
    const { paragraphs } = ingestReport({ id, sourceFile: `${id}.txt`, bytes: readFileSync(`${DIR}${id}.txt`) });
    const shown = paragraphs.filter((p) => p.original !== undefined);
    expect(shown.length).toBeGreaterThan(paragraphs.length / 2);
    for (const p of shown) {
      expect(p.original!.length).toBe(p.text.length);
      expect(toSimplified(p.original!)).toBe(p.text);
    }
  });

  it('keeps web page chrome out of paragraphs', () => {
    for (const id of ids) {
      const { paragraphs } = ingestReport({ id, sourceFile: `${id}.txt`, bytes: readFileSync(`${DIR}${id}.txt`) });
      for (const p of paragraphs) expect(p.text, id).not.toMatch(/字号|分享到|ICP备|版权所有|发布时间|成文日期|首页\s*[>›»]/);
    }
  });
});

describe('metadata the user supplies', () => {
  const text = '各位代表：\n现在，我代表政府向大会报告工作。\n一、2023年工作回顾\n全年地区生产总值增长5.2%，一般公共预算收入增长4.1%。\n二、2024年工作安排\n今年主要预期目标是：地区生产总值增长5%左右。';
  it('lets a report that names no place load, and wins over what is read', () => {
    expect(() => ingestReport({ id: 'x', sourceFile: 'x.txt', bytes: Buffer.from(text) })).toThrow(/地方/);
    const { meta } = ingestReport({ id: 'x', sourceFile: 'x.txt', bytes: Buffer.from(text), overrides: { place: '沛县', date: '2024-01-16', planYear: 2024 } });
    expect(meta).toMatchObject({ place: '沛县', city: '徐州市', province: '江苏省', level: 'county', date: '2024-01-16', reviewYear: 2023, planYear: 2024 });
    expect(meta.sources).toMatchObject({ place: 'sidecar', date: 'sidecar', planYear: 'sidecar', city: 'gazetteer' });
    expect(meta.warnings?.join('')).not.toMatch(/日期/);
  });
});

describe('the delivery line', () => {
  it('reads dates in Chinese numerals, in brackets, and broken over two lines', async () => {
    const { readDeliveryLine } = await import('../../../retrieval/ingest/readDeliveryLine.js');
    expect(readDeliveryLine(['——二〇二四年一月二十二日在某县第十八届人民代表大会第三次会议上'])).toMatchObject({
      date: '2024-01-22',
      place: '某县',
      congress: '第十八届人民代表大会第三次会议',
    });
    expect(readDeliveryLine(['（2023年12月26日在历城区第十八届人民代表大会', '第二次会议上）'])).toMatchObject({ date: '2023-12-26', place: '历城区' });
    // A web page's 发布时间 has a date but no 在…会议: it is not the delivery line.
    expect(readDeliveryLine(['发布时间：2024年02月03日', '来源：县政府办'])).toBeUndefined();
  });
});
