// The indicator table as a CSV file for spreadsheet programs: RFC 4180 quoting,
// CRLF lines, and a UTF-8 byte-order mark, without which Excel reads the Chinese
// as mojibake. Each row names its source as a reader would look it up.
import type { Corpus, IndicatorRow } from '../../retrieval/public.js';
import { KIND_LABEL, MEASURE_LABEL, reportDisplayTitle } from '../api/reportLabels.js';

const HEADER = ['地方', '年份', '指标', '报告中的说法', '类型', '口径', '数值', '上限', '单位', '限定', '原文', '出处报告', '段落', '页码'];

/** A text cell: quoted when it must be, and never read as a formula (=, +, -, @ at the start). */
function textCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function indicatorsCsv(corpus: Corpus, rows: IndicatorRow[]): string {
  const lines = [HEADER.map(textCell).join(',')];
  for (const r of rows) {
    const report = corpus.reportById.get(r.reportId);
    const paragraph = corpus.paragraphById.get(r.paragraphId);
    lines.push(
      [
        textCell(r.place),
        String(r.year),
        textCell(r.indicator),
        textCell(r.label),
        textCell(KIND_LABEL[r.kind]),
        textCell(MEASURE_LABEL[r.measure]),
        r.value === null ? '' : String(r.value),
        // A range (5%—5.5%): 数值 is its low end, 上限 its high end, as numbers a spreadsheet can use.
        r.upper === undefined ? '' : String(r.upper),
        textCell(r.unit),
        textCell(r.qualifier),
        textCell(r.quote),
        textCell(report ? reportDisplayTitle(report.meta) : ''),
        paragraph ? String(paragraph.index) : '',
        paragraph?.page !== undefined ? String(paragraph.page) : '',
      ].join(','),
    );
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
