// Finding a cited span on a PDF page: on synthetic text items (spaces inside
// numbers, full-width digits, a span cut by a page break), and on a real PDF
// made by LibreOffice, read with PDF.js as the browser reads it, against the
// paragraphs ingestion made of the same file.
import { describe, expect, it } from 'vitest';
import { highlightRects, itemRanges, locate, normaliseNeedle, pageText, rangeRects, type TextItem } from '../../../client/src/pdf/locateText.js';
import { loadCorpus } from '../../../retrieval/public.js';
import { makeDocx, skipPdf, toPdf } from '../../helpers/formatFixtures.js';
import { syntheticReportLines } from '../../helpers/syntheticReport.js';

const item = (str: string, x: number, y: number, width: number, size = 12): TextItem => ({ str, transform: [size, 0, 0, size, x, y], width, height: size });

describe('locate', () => {
  it('matches whole, ignoring spaces and character width', () => {
    const page = pageText([item('全年地区生产总值完成 412.6 亿', 72, 700, 200), item('元，增长５.８%。', 72, 684, 100)]);
    expect(page.text).toBe('全年地区生产总值完成412.6亿元,增长5.8%。'); // NFKC: ，→ , on both sides
    expect(locate(page.text, normaliseNeedle('完成412.6亿元，增长5.8%'))).toEqual({ start: 8, end: 24, whole: true });
  });

  it('takes the longest beginning or end of a span cut by a page break, never a short scrap', () => {
    const text = '上一页的文字。地区生产总值增长6%左右，一般公共预算';
    expect(locate(text, '地区生产总值增长6%左右，一般公共预算收入增长5%')).toEqual({ start: 7, end: 26, whole: false });
    expect(locate('收入增长5%，固定资产投资增长8%。', '地区生产总值增长6%左右，一般公共预算收入增长5%')).toEqual({ start: 0, end: 6, whole: false });
    expect(locate('毫不相干的一页', '地区生产总值增长6%左右')).toBeUndefined();
    expect(locate('增长', '地区生产总值增长6%左右')).toBeUndefined();
  });
});

describe('rangeRects', () => {
  it('places a range inside an item by character width, in viewport pixels', () => {
    const items = [item('增长7%左右', 100, 500, 60)];
    const page = pageText(items);
    const ranges = itemRanges(page, { start: 2, end: 4 }); // "7%"
    expect(ranges).toEqual([{ item: 0, from: 2, to: 4 }]);
    // Weights: 增1 长1 7½ %½ 左1 右1 → total 5; "7%" spans [2, 3) of 5 → x 124..136.
    const [r] = rangeRects(items, ranges, [1, 0, 0, -1, 0, 842]); // PDF.js's flip for an unrotated A4 page at scale 1
    expect(r.x).toBeCloseTo(124);
    expect(r.width).toBeCloseTo(12);
    expect(r.y).toBeCloseTo(842 - (500 + 12 * 0.95));
    expect(r.height).toBeCloseTo(12 * 1.15);
  });
});

describe.skipIf(skipPdf)('on a real PDF', () => {
  it('finds every paragraph of its page where ingestion put it', { timeout: 120_000 }, async () => {
    const docx = await makeDocx(syntheticReportLines(6, '沐溪'), { header: '沐溪区人民政府工作报告' });
    const pdf = (await toPdf([{ name: 'muxi.docx', bytes: docx }])).get('muxi.docx')!;
    const corpus = await loadCorpus({ dir: null, sources: [{ id: 'muxi', sourceFile: 'muxi.pdf', bytes: new Uint8Array(pdf) }], cacheDir: false });
    const paragraphs = corpus.reportById.get('muxi')!.paragraphs;
    expect(new Set(paragraphs.map((p) => p.page)).size).toBeGreaterThan(1);

    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, useSystemFonts: false }).promise;
    const textOf = async (n: number) => {
      const content = await (await doc.getPage(n)).getTextContent();
      return content.items.flatMap((i): TextItem[] => ('str' in i ? [{ str: i.str, transform: i.transform, width: i.width, height: i.height }] : []));
    };
    let whole = 0;
    let partial = 0;
    for (const p of paragraphs.filter((x) => !x.isHeading && x.text.length > 20)) {
      const items = await textOf(p.page!);
      const viewport = (await doc.getPage(p.page!)).getViewport({ scale: 1 }).transform;
      // The paragraph's first sentence starts on the page the paragraph does.
      const first = p.text.slice(p.sentences[0].start, p.sentences[0].end);
      const r = highlightRects(items, [first], viewport);
      expect(r.found, `${p.id} p.${p.page}: ${first}`).toBe(1);
      if (r.whole) whole++;
      else partial++;
      for (const rect of r.rects) {
        expect(rect.x).toBeGreaterThanOrEqual(0);
        expect(rect.y).toBeGreaterThanOrEqual(0);
        expect(rect.x + rect.width).toBeLessThanOrEqual(596);
        expect(rect.y + rect.height).toBeLessThanOrEqual(843);
      }
    }
    // A first sentence runs over a page break now and then, not as a rule.
    expect(whole).toBeGreaterThan(partial * 3);
    await doc.destroy();
  });
});
