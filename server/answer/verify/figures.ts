// Figures as citation enforcement sees them: 7％ = 7%, full-width digits =
// ASCII, spaces inside numbers ignored. A figure is supported by a source when
// the same number stands there as a whole number (7 is not supported by 2017).
// Chinese numerals count by value: 百分之七 is supported by 7%, and 7% by 百分之七.
import { chineseFigures } from './chineseFigures.js';

export function normaliseForFigures(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/(?<=\d)\s+(?=[\d.%])|(?<=[\d.])\s+(?=\d)/g, '')
    .replace(/(?<=\d),(?=\d{3}(?!\d))/g, ''); // 1,973 → 1973
}

export interface Figure {
  /** The number as written after normalisation, e.g. 7, 26.12 (Chinese numerals: their value). */
  number: string;
  /** Its value: 7%, 百分之七 → 7; 七成 → 70; 翻一番 → 2. */
  value: number;
  /** Decimal places as written (7.5 → 1), which sets the rounding a computed figure may have. */
  decimals: number;
  /** Number with its unit as written in the text, e.g. 7%, 26.12亿元 */
  text: string;
  index: number;
}

const FIGURE = /(?<![\d.])(\d+(?:\.\d+)?)(%|个百分点|亿元|万元|元|亿美元|万美元|万人|人次|人|个|家|项|平方米|万平方米|亩|公里|千米|米|户|所|吨|辆|件|套|次)?/g;

/**
 * Figures that need a source: every number except years (2024年) and citation markers ([1]),
 * in Arabic digits or Chinese numerals, in order. `index` is an offset into the NFKC-normalised text.
 */
export function figuresIn(text: string): Figure[] {
  const norm = normaliseForFigures(text).replace(/\[\d+\]/g, (m) => ' '.repeat(m.length));
  const out: Figure[] = [];
  for (const m of norm.matchAll(FIGURE)) {
    const after = norm.slice(m.index! + m[0].length, m.index! + m[0].length + 1);
    const isYear = /^(19|20)\d\d$/.test(m[1]) && !m[2] && (after === '年' || after === '' || /[^\d]/.test(after));
    if (isYear) continue;
    out.push({ number: m[1], value: Number(m[1]), decimals: m[1].split('.')[1]?.length ?? 0, text: m[0], index: m.index! });
  }
  for (const f of chineseFigures(norm)) {
    const number = String(f.value);
    out.push({ number, value: f.value, decimals: number.split('.')[1]?.length ?? 0, text: f.text, index: f.index });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Where `value` stands in `source` (Arabic or Chinese numerals), as offsets into the normalised source. */
export function valueOccurrences(source: string, value: number): number[] {
  return figuresInSource(source)
    .filter((f) => Math.abs(f.value - value) < 1e-9)
    .map((f) => f.index);
}

const sourceCache = new Map<string, Figure[]>();
/** Every number of a source paragraph, years included (a source's "2.5" is never a year, but 2024 may be a count). */
export function figuresInSource(source: string): Figure[] {
  let figures = sourceCache.get(source);
  if (!figures) {
    const norm = normaliseForFigures(source);
    figures = [...norm.matchAll(/(?<![\d.])\d+(?:\.\d+)?(?![\d])/g)].map((m) => ({
      number: m[0],
      value: Number(m[0]),
      decimals: m[0].split('.')[1]?.length ?? 0,
      text: m[0],
      index: m.index!,
    }));
    for (const f of chineseFigures(norm)) {
      figures.push({ number: String(f.value), value: f.value, decimals: 0, text: f.text, index: f.index });
    }
    if (sourceCache.size > 2000) sourceCache.clear();
    sourceCache.set(source, figures);
  }
  return figures;
}

/** True when `number` stands in `source` as a whole number. */
export function sourceHasNumber(source: string, number: string): boolean {
  return valueOccurrences(source, Number(number)).length > 0;
}
