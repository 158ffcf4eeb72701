// The PDF layout rules on hand-placed text runs, independent of the PDF
// producer: running headers and footers with changing page numbers go, a
// paragraph split by a page break comes back whole, first-line indents and short
// lines end paragraphs, lines come in reading order whatever order the runs are in.
import { describe, expect, it } from 'vitest';
import { dropRunningLines, joinLines, pageLines, type PdfTextItem } from '../../../../retrieval/ingest/readers/pdfLayout.js';
import { assignPages } from '../../../../retrieval/ingest/assignPages.js';
import { ingestReport } from '../../../../retrieval/ingest/ingestReport.js';
import { safeReportId } from '../../../../retrieval/corpus/reportStore.js';

const EM = 12;
const LEFT = 90;
const WIDTH = 34; // characters per full line
/** A run of CJK text at line `row` of a page, `indent` characters in. */
const run = (text: string, row: number, indent = 0): PdfTextItem => ({
  str: text,
  x: LEFT + indent * EM,
  y: 760 - row * 20,
  width: text.length * EM,
  height: EM,
});

/** Lays a paragraph out as full lines of WIDTH characters, the first indented by two. */
function layParagraph(text: string, startRow: number): { items: PdfTextItem[]; rows: number } {
  const items: PdfTextItem[] = [];
  let rest = text;
  let row = startRow;
  let first = true;
  while (rest.length) {
    const room = first ? WIDTH - 2 : WIDTH;
    items.push(run(rest.slice(0, room), row, first ? 2 : 0));
    rest = rest.slice(room);
    first = false;
    row++;
  }
  return { items, rows: row - startRow };
}

const para1 = '一年来，我们坚持稳中求进工作总基调，全区经济运行总体平稳。全年地区生产总值增长5.8%，一般公共预算收入完成21.37亿元，固定资产投资增长9.1%，社会消费品零售总额增长6.4%。';
const para2 = '我们也清醒看到，发展中还存在一些困难和问题，产业链条不够长，新动能培育还需加力，公共服务供给与群众期盼仍有差距，我们将直面问题，认真加以解决，努力让人民群众满意。';

describe('pdfLayout', () => {
  it('puts runs in reading order and joins runs of one line', () => {
    const lines = pageLines([run('二、', 1), run('各位代表：', 0), run('2024年重点工作', 1, 2)], 1);
    expect(lines.map((l) => l.text)).toEqual(['各位代表：', '二、2024年重点工作']);
  });

  it('drops running headers and page numbers that change from page to page', () => {
    const body = ['各位代表：', '一、2023年工作回顾', '二、2024年工作安排'];
    const pages = [1, 2, 3].map((n) =>
      pageLines([run('某某区人民政府工作报告', 0, 10), run(body[n - 1], 2, 2), run(`第 ${n} 页 共 3 页`, 38, 14)], n),
    );
    expect(dropRunningLines(pages).flat().map((l) => l.text)).toEqual(body);
    const dashed = [1, 2].map((n) => pageLines([run(body[n - 1], 2, 2), run(`— ${n + 9} —`, 38, 16)], n));
    expect(dropRunningLines(dashed).flat().map((l) => l.text)).toEqual(body.slice(0, 2));
  });

  it('keeps a line that only looks repeated on a single page', () => {
    const pages = [pageLines([run('政府工作报告', 0, 12), run('各位代表：', 2)], 1)];
    expect(dropRunningLines(pages).flat().map((l) => l.text)).toEqual(['政府工作报告', '各位代表：']);
  });

  it('rejoins a paragraph across lines and across a page break, and splits at indents and short lines', () => {
    const first = layParagraph(para1, 2);
    // The page ends two lines into the second paragraph; the rest continues on page 2.
    const second = layParagraph(para2, 0);
    const onPage1 = second.items.slice(0, 2).map((it, i) => ({ ...it, y: 760 - (2 + first.rows + i) * 20 }));
    const onPage2 = second.items.slice(2).map((it, i) => ({ ...it, y: 760 - (1 + i) * 20 }));
    const heading = run('二、2024年工作安排', 1 + onPage2.length, 2);
    const pages = [
      pageLines([run('各位代表：', 1), ...first.items, ...onPage1, run('- 1 -', 38, 16)], 1),
      pageLines([...onPage2, heading, run('- 2 -', 38, 16)], 2),
    ];
    const paragraphs = joinLines(dropRunningLines(pages));
    expect(paragraphs).toEqual([
      { page: 1, text: '各位代表：' },
      { page: 1, text: para1 },
      { page: 1, text: para2 },
      { page: 2, text: '二、2024年工作安排' },
    ]);
  });
});

describe('assignPages', () => {
  it('finds each ingested paragraph back in the reader’s lines, in order', () => {
    const raw = ['政府工作报告', '——2024年1月16日在青澜市澄川区第六届人民代表大会第三次会议上', '澄川区人民政府区长 许知远', '各位代表：', para1, '一、2023年工作回顾', para2].join('\n');
    const report = ingestReport({ id: 'r', sourceFile: 'r.pdf', bytes: new Uint8Array(), text: raw });
    const pages = assignPages(report.paragraphs, raw, [1, 1, 1, 2, 2, 3, 3]).map((p) => p.page);
    expect(pages).toEqual([1, 1, 1, 2, 2, 3, 3]);
  });
});

describe('safeReportId', () => {
  it('keeps letters and digits of any script, and nothing that could name a path', () => {
    expect(safeReportId('澄川区2024年政府工作报告.pdf')).toBe('澄川区2024年政府工作报告');
    expect(safeReportId('../../etc/passwd.txt')).toBe('passwd');
    expect(safeReportId('..\\..\\boot.ini.docx')).toBe('boot-ini');
    expect(safeReportId('report 2024 (final).docx')).toBe('report-2024-final');
    expect(safeReportId('...docx')).toBe('report');
    expect(safeReportId('a:b#c.txt')).toBe('a-b-c');
    // Cut between characters, never inside a surrogate pair, and short enough in bytes for a file name.
    expect(safeReportId('a'.repeat(63) + '\u{20000}x.txt')).toBe('a'.repeat(63) + '\u{20000}');
    const wide = safeReportId('\u{20000}'.repeat(80) + '.pdf');
    expect(Array.from(wide).every((c) => c === '\u{20000}')).toBe(true);
    expect(Buffer.byteLength(wide)).toBeLessThanOrEqual(150);
  });
});
