// Figures as citation enforcement sees them: found by retrieval's one figure finder in the
// text normalised for figures (7％ = 7%, full-width digits = ASCII, spaces inside numbers
// ignored). Every Arabic number counts, dates and codes too: a figure is supported by a
// source when the same number stands there as a whole number (7 is not supported by 2017).
// Chinese numerals count by value: 百分之七 is supported by 7%, and 7% by 百分之七; a loose one
// (三个基地) is left alone.
import { findFigures, unitNamed } from '../../../retrieval/public.js';

export function normaliseForFigures(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/(?<=\d)\s+(?=[\d.%])|(?<=[\d.])\s+(?=\d)/g, '')
    .replace(/(?<=\d),(?=\d{3}(?!\d))/g, ''); // 1,973 → 1973
}

export interface CheckedFigure {
  /** The number as written after normalisation, e.g. 7, 26.12 (Chinese numerals: their value). */
  number: string;
  /** Its value: 7%, 百分之七 → 7; 七成 → 70; 翻一番 → 2. */
  value: number;
  /** Decimal places as written (7.5 → 1), which sets the rounding a computed figure may have. */
  decimals: number;
  /** Number with its unit as written in the text, e.g. 7%, 26.12亿元, 百分之七, 10余家 */
  text: string;
  index: number;
  /** After the unit and the qualifiers written after it (7%左右): where the next figure's words begin. */
  end: number;
  /** 多 / 余 between the number and its unit (10余家), '' when none. */
  approximate: string;
  /** %, 个百分点, 倍, 亿元, 万人 … ('' when none; a date's 年/月/日 is none). */
  unit: string;
  numeral: 'arabic' | 'chinese';
}

/** Every figure of a normalised text, in order: Arabic numbers (a ratio's terms each) and Chinese figures. */
function checkedFigures(norm: string): CheckedFigure[] {
  const out: CheckedFigure[] = [];
  for (const f of findFigures(norm)) {
    if (f.numeral === 'chinese') {
      if (f.ordinal || f.loose) continue;
      const number = String(f.value);
      out.push({ number, value: f.value, decimals: f.decimals, text: norm.slice(f.start, f.unitEnd), index: f.start, end: f.end, approximate: '', unit: f.unit, numeral: 'chinese' });
      continue;
    }
    // 1:22:77 and 5%—5.5%: each term is a figure a source must hold.
    const terms = f.ratio || f.upper !== undefined;
    for (const m of terms ? norm.slice(f.start, f.end).matchAll(/\d+(?:\.\d+)?/g) : [/^\d+(?:\.\d+)?/.exec(norm.slice(f.start))!]) {
      const index = f.start + m.index!;
      const number = m[0];
      // A date's unit (年, 月, 日) is no part of the figure: 1月23日 is 1 and 23; a range's low end stands bare.
      const bare = f.ratio || unitNamed(f.unit)?.measure === 'calendar' || (f.upper !== undefined && index + number.length < f.unitEnd - f.unit.length);
      const unitEnd = bare ? index + number.length : f.unitEnd;
      out.push({
        number,
        value: Number(number),
        decimals: number.split('.')[1]?.length ?? 0,
        text: norm.slice(index, unitEnd),
        index,
        end: bare ? unitEnd : f.end,
        approximate: f.qualifiers.find((q) => q === '多' || q === '余') ?? '',
        unit: bare ? '' : f.unit,
        numeral: 'arabic',
      });
    }
  }
  return out;
}

/**
 * Figures that need a source: every number except years (2024年) and citation markers ([1]),
 * in Arabic digits or Chinese numerals, in order. `index` is an offset into the NFKC-normalised text.
 */
export function figuresIn(text: string): CheckedFigure[] {
  const norm = normaliseForFigures(text).replace(/\[\d+\]/g, (m) => ' '.repeat(m.length));
  return checkedFigures(norm).filter((f) => !(/^(19|20)\d\d$/.test(f.number) && f.text === f.number));
}

/** Where `value` stands in `source` (Arabic or Chinese numerals), as offsets into the normalised source. */
export function valueOccurrences(source: string, value: number): number[] {
  return figuresInSource(source)
    .filter((f) => Math.abs(f.value - value) < 1e-9)
    .map((f) => f.index);
}

const sourceCache = new Map<string, CheckedFigure[]>();
/** Every number of a source paragraph, years included (a source's "2.5" is never a year, but 2024 may be a count). */
export function figuresInSource(source: string): CheckedFigure[] {
  let figures = sourceCache.get(source);
  if (!figures) {
    figures = checkedFigures(normaliseForFigures(source));
    if (sourceCache.size > 2000) sourceCache.clear();
    sourceCache.set(source, figures);
  }
  return figures;
}

/** True when `number` stands in `source` as a whole number. */
export function sourceHasNumber(source: string, number: string): boolean {
  return valueOccurrences(source, Number(number)).length > 0;
}
