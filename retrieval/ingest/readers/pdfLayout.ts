// A PDF's positioned text → the report's paragraphs. PDF has no paragraphs,
// only glyph runs at coordinates, so they are rebuilt from the layout the way a
// reader sees it:
// - runs on one baseline form a line; lines go top to bottom, runs left to right;
// - a line that repeats at the top or bottom of most pages (the running header or
//   footer, digits ignored) and page numbers there (3, - 3 -, 第3页 共40页) are dropped;
// - a line that runs to the right margin continues into the next one, unless that
//   one is indented or set apart, also across a page break, so a paragraph that a
//   page break split comes back whole. Indented first lines start paragraphs (the
//   genre's 首行缩进); short lines (headings, the cover) stand alone.
import { DEFAULTS } from '../../defaults.js';

export interface PdfTextItem {
  str: string;
  /** Baseline origin and glyph height in PDF units (y grows upwards). */
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PdfLine {
  page: number;
  x0: number;
  x1: number;
  y: number;
  height: number;
  text: string;
}

export interface PdfParagraph {
  page: number;
  text: string;
}

/** Runs on one page → its lines, top to bottom. */
export function pageLines(items: PdfTextItem[], page: number): PdfLine[] {
  const runs = items.filter((i) => i.str.trim().length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { items: PdfTextItem[]; y: number; height: number }[] = [];
  for (const run of runs) {
    const h = run.height || 10;
    const line = lines.find((l) => Math.abs(l.y - run.y) < Math.max(l.height, h) * DEFAULTS.pdf.sameLineFraction);
    if (line) line.items.push(run);
    else lines.push({ items: [run], y: run.y, height: h });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const sorted = l.items.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const it of sorted) {
        // A visible gap between runs of Latin text is a word space; CJK needs none.
        if (text && it.x - end > l.height * 0.25 && /[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(it.str)) text += ' ';
        text += it.str;
        end = Math.max(end, it.x + it.width);
      }
      return { page, x0: sorted[0].x, x1: end, y: l.y, height: l.height, text: text.replace(/\s+/g, ' ').trim() };
    });
}

/** 3 · - 3 - · — 3 — · 第3页 · 第 3 页 共 40 页 · 3/40 · iii */
const PAGE_NUMBER = /^[-—–－_\s]*(第\s*)?(\d+|[ivxlcdm]+)\s*(页)?\s*([/／]\s*\d+|共\s*\d+\s*页)?[-—–－_\s]*$/i;

/** Drops running headers, footers and page numbers: repeated or numbered lines at a page's top or bottom. */
export function dropRunningLines(pages: PdfLine[][]): PdfLine[][] {
  const edge = DEFAULTS.pdf.edgeLines;
  const key = (l: PdfLine) => l.text.replace(/\s+/g, '').replace(/\d+/g, '#');
  const candidates = (lines: PdfLine[]) => [...lines.slice(0, edge), ...lines.slice(Math.max(edge, lines.length - edge))];
  const pagesWith = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(candidates(lines).map(key))) pagesWith.set(k, (pagesWith.get(k) ?? 0) + 1);
  const repeated = (l: PdfLine) =>
    pages.length >= 2 && (pagesWith.get(key(l)) ?? 0) >= Math.max(2, Math.ceil(pages.length * DEFAULTS.pdf.runningLineShare));
  return pages.map((lines) => {
    const edgeSet = new Set(candidates(lines));
    return lines.filter((l) => !(edgeSet.has(l) && (PAGE_NUMBER.test(l.text) || repeated(l))));
  });
}

/** The most common value, binned to `step`: where most lines start or end. */
function mode(values: number[], step: number): number {
  const bins = new Map<number, number>();
  for (const v of values) bins.set(Math.round(v / step), (bins.get(Math.round(v / step)) ?? 0) + 1);
  let best = 0;
  let count = -1;
  for (const [b, c] of bins) if (c > count || (c === count && b > best)) [best, count] = [b, c];
  return best * step;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
}

/** Lines of all pages (headers and footers already gone) → paragraphs with the page each starts on. */
export function joinLines(pages: PdfLine[][]): PdfParagraph[] {
  const all = pages.flat();
  if (all.length === 0) return [];
  const em = median(all.map((l) => l.height)) || 10;
  const left = mode(all.map((l) => l.x0), em / 2);
  const right = mode(all.map((l) => l.x1), em / 2);
  const steps: number[] = [];
  for (const lines of pages) for (let i = 1; i < lines.length; i++) steps.push(lines[i - 1].y - lines[i].y);
  const step = median(steps) || em * 1.5;

  const out: PdfParagraph[] = [];
  let prev: PdfLine | undefined;
  for (const line of all) {
    const full = prev !== undefined && prev.x1 >= right - DEFAULTS.pdf.fullLineSlackEm * em;
    const indented = line.x0 > left + DEFAULTS.pdf.indentEm * em;
    const apart = prev !== undefined && prev.page === line.page && prev.y - line.y > step * DEFAULTS.pdf.paragraphGapSteps;
    const nextPage = prev !== undefined && line.page === prev.page + 1;
    const continues = prev !== undefined && full && !indented && !apart && (prev.page === line.page || nextPage);
    if (continues) {
      const last = out[out.length - 1];
      last.text += /[A-Za-z]$/.test(last.text) && /^[A-Za-z]/.test(line.text) ? ` ${line.text}` : line.text;
    } else out.push({ page: line.page, text: line.text });
    prev = line;
  }
  return out;
}
