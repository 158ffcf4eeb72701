// The one numeral parser: what a written number is worth, in Arabic digits (7.5, 1,200,
// full-width ７．５), Chinese numerals (十二, 一百零五, 两万, 三亿五千万, 三点五), the two mixed
// (3.5万, 1.2亿, 三点五万), with 余/多 ("more than": 十余, 三十多万) and 半. Ingestion reads
// delivery dates with it, query understanding the years a question names, the quantity
// records and citation checks every figure. What a number counts (its unit) is units.ts's.
import { foldFigures } from './foldFigures.js';

const DIGITS: Readonly<Record<string, number>> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
/** 万 and 亿, and 万亿 for 10^12: powers of ten, so a scaled value is written exactly (1.2亿). */
const SCALE_EXPONENT: Readonly<Record<string, number>> = { 万: 4, 亿: 8, 万亿: 12 };

/** Characters a Chinese numeral is written with (digits, 十百千万亿, 点). */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿点';

export interface NumeralOptions {
  /**
   * Read a run of bare digits digit by digit, as years are written (二〇二四 → 2024, from three
   * digits or with 〇). Off by default: outside a year such a run (十四五's 四五, 三四) is no number.
   */
  digitString?: boolean;
}

/** Numerals recur (一, 两, 十二 …): each is read once. Bounded, as a process reads any number of texts. */
const memo = new Map<string, number | undefined>();
const MEMO_SIZE = 10_000;

/** The value of a whole written number, or undefined when `written` is not one. */
export function parseNumeral(written: string, options: NumeralOptions = {}): number | undefined {
  const key = options.digitString ? `d${written}` : written;
  if (memo.has(key)) return memo.get(key);
  const value = read(written, options);
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, value);
  return value;
}

function read(written: string, options: NumeralOptions): number | undefined {
  // 余/多 say "more than" the figure stated: 十余 → 10, 三十多万 → 300000.
  const s = foldFigures(written).trim().replace(/(?<=[\d零〇一二两三四五六七八九十百千万亿])[余多](?=(?:万亿|万|亿)?$)/u, '');
  if (s === '半' || s === '一半') return 0.5;
  const arabic = /^(\d+(?:,\d{3})*(?:\.\d+)?)(万亿|万|亿)?$/u.exec(s);
  if (arabic) return scaled(arabic[1].replace(/,/g, ''), arabic[2]);
  return parseChinese(s, options);
}

/** `digits` × 万/亿 as a decimal exponent, so 1.2亿 is 120000000 and not 120000000.00000001. */
function scaled(digits: string, scale: string | undefined): number {
  return scale ? Number(`${digits}e${SCALE_EXPONENT[scale]}`) : Number(digits);
}

function parseChinese(s: string, options: NumeralOptions): number | undefined {
  if (!s || [...s].some((ch) => !CHINESE_NUMERAL_CHARS.includes(ch))) return undefined;
  const [intPart, decPart, ...rest] = s.split('点');
  if (rest.length || intPart === '') return undefined;
  const whole = parseWhole(intPart, options);
  if (whole === undefined || decPart === undefined) return whole;
  // 三点五 / 三点五万: decimals digit by digit, then the scale.
  const [, decimals, scale] = /^(.*?)(万亿|万|亿)?$/u.exec(decPart)!;
  if (!decimals || [...decimals].some((ch) => DIGITS[ch] === undefined)) return undefined;
  return scaled(`${whole}.${[...decimals].map((ch) => DIGITS[ch]).join('')}`, scale);
}

function parseWhole(s: string, options: NumeralOptions): number | undefined {
  const chars = [...s];
  if (chars.every((ch) => DIGITS[ch] !== undefined)) {
    if (chars.length === 1) return DIGITS[chars[0]];
    const isDigitString = chars.length >= 3 || chars.includes('〇') || chars.includes('零');
    return options.digitString && isDigitString ? Number(chars.map((ch) => DIGITS[ch]).join('')) : undefined;
  }
  let high = 0; // the part of 亿 and above, finished
  let wan = 0; // the 万 part, finished
  let section = 0; // below 万
  let digit: number | undefined;
  let lastSmall = Infinity; // within a section the units fall: 千 … 百 … 十 (十百 is no number)
  let place = 1; // what a digit closing the numeral stands for: 一百五 → 5 × 10, 三万五 → 5 × 1000
  for (const ch of chars) {
    if (ch === '零' || ch === '〇') {
      // 一百零五: a gap in the places; the next digit is a unit digit.
      if (digit !== undefined) return undefined;
      place = 1;
    } else if (DIGITS[ch] !== undefined) {
      if (digit !== undefined) return undefined; // 三四 without a unit between
      digit = DIGITS[ch];
    } else if (SMALL_UNITS[ch] !== undefined) {
      const unit = SMALL_UNITS[ch];
      if (unit >= lastSmall) return undefined;
      section += (digit ?? 1) * unit; // 十二: a leading 十 is 一十
      digit = undefined;
      lastSmall = unit;
      place = unit / 10;
    } else {
      const below = section + (digit ?? 0);
      if (ch === '万') {
        if (below === 0 || wan !== 0) return undefined;
        wan = below * 1e4;
        place = 1000;
      } else {
        if (below + wan === 0) return undefined;
        high = (high + wan + below) * 1e8; // 三万亿: 亿 scales everything before it
        wan = 0;
        place = 1e7;
      }
      section = 0;
      digit = undefined;
      lastSmall = Infinity;
    }
  }
  return high + wan + section + (digit ?? 0) * place;
}
