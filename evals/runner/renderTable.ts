// Plain aligned text tables for the terminal. Widths count display columns:
// CJK ideographs, kana, hangul and full-width forms take two, combining marks
// and zero-width characters none, so 中文 lines up with ASCII.
import { fixed, ms, NA, pct, SUMMARY_COLUMNS } from './formatMetrics.js';
import type { Metrics, SetSummary, Summary } from './types.js';

/** Display width of one code point. */
export function charWidth(cp: number): number {
  if (cp === 0 || cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if ((cp >= 0x300 && cp <= 0x36f) || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0xfe00 && cp <= 0xfe0f)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) || // Hangul Jamo
    (cp >= 0x2e80 && cp <= 0x303e) || // CJK radicals, Kangxi, CJK symbols and punctuation (、。「」…)
    (cp >= 0x3041 && cp <= 0x33ff) || // kana, bopomofo, CJK compatibility
    (cp >= 0x3400 && cp <= 0x4dbf) || // CJK extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xa000 && cp <= 0xa4cf) || // Yi
    (cp >= 0xac00 && cp <= 0xd7a3) || // Hangul syllables
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xff60) || // full-width forms (，：（）％)
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) || // emoji
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd) // CJK extensions B+
  ) {
    return 2;
  }
  return 1;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!);
  return w;
}

export type Align = 'left' | 'right';

/** Pads `text` with spaces to `width` display columns (never truncates). */
export function padDisplay(text: string, width: number, align: Align = 'left'): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return align === 'left' ? text + fill : fill + text;
}

/** Columns separated by two spaces, a dashed rule under the header; first column left-aligned, the rest right-aligned unless given. */
export function renderTextTable(headers: string[], rows: string[][], aligns?: Align[]): string {
  const align = (i: number): Align => aligns?.[i] ?? (i === 0 ? 'left' : 'right');
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => padDisplay(c ?? '', widths[i], align(i)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Rows of the summary: one per category, then "overall". */
export function summaryRows(summary: Summary): string[][] {
  const rows = Object.entries(summary.byCategory).map(([cat, m]) => [cat, ...SUMMARY_COLUMNS.map((c) => c.value(m))]);
  rows.push(['overall', ...SUMMARY_COLUMNS.map((c) => c.value(summary.overall))]);
  return rows;
}

export function renderSummaryTable(summary: Summary): string {
  return renderTextTable(['category', ...SUMMARY_COLUMNS.map((c) => c.header)], summaryRows(summary));
}

/** A set's short name: its file name without .jsonl (evals/questions.jsonl → questions). */
export function setName(set: string): string {
  return set.replace(/^.*[\\/]/, '').replace(/\.jsonl$/, '');
}

const SIDE_BY_SIDE_METRICS: { label: string; value(m: Metrics): string }[] = [
  { label: 'questions', value: (m) => String(m.n) },
  { label: 'accuracy', value: (m) => pct(m.accuracy) },
  { label: 'refusal acc', value: (m) => (m.unanswerable ? `${pct(m.refusalAccuracy)} (${m.unanswerable})` : NA) },
  { label: 'false refusals', value: (m) => String(m.falseRefusals) },
  { label: 'cit precision', value: (m) => pct(m.citationPrecision) },
  { label: 'cit recall', value: (m) => pct(m.citationRecall) },
  { label: 'recall@5', value: (m) => pct(m.recallAt5) },
  { label: 'MRR', value: (m) => fixed(m.mrr) },
  { label: 'p95 ms', value: (m) => ms(m.p95Ms) },
];

/**
 * The sets side by side: overall metrics, then accuracy per category (n in
 * brackets), one column per set. Rows as [label, ...one cell per set].
 */
export function sideBySideRows(bySet: Record<string, SetSummary>): { headers: string[]; rows: string[][] } {
  const sets = Object.keys(bySet);
  const headers = ['', ...sets.map(setName)];
  const rows: string[][] = SIDE_BY_SIDE_METRICS.map((metric) => [metric.label, ...sets.map((s) => metric.value(bySet[s].overall))]);
  const categories = [...new Set(sets.flatMap((s) => Object.keys(bySet[s].byCategory)))];
  for (const c of categories) {
    rows.push([
      `${c} accuracy`,
      ...sets.map((s) => {
        const m = bySet[s].byCategory[c];
        return m ? `${pct(m.accuracy)} (${m.n})` : NA;
      }),
    ]);
  }
  return { headers, rows };
}

export function renderSideBySide(bySet: Record<string, SetSummary>): string {
  const { headers, rows } = sideBySideRows(bySet);
  return renderTextTable(headers, rows);
}
