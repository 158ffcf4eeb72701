// Chinese numerals → numbers: 十二 → 12, 两万 → 20000, 一百零五 → 105, 三点五 → 3.5,
// 二〇二四 → 2024 (digit by digit). Used by quantity extraction and, later, by citation
// checks that must see 百分之七 and 7% as the same figure.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters a Chinese numeral is written with (digits, 十百千万亿, 点). */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿点';

/**
 * The value of a whole Chinese numeral, or undefined when `s` is not one.
 * Accepts positional forms (一千二百三十四, 十二, 两万, 三亿五千万) and digit strings
 * (二〇二四, 一二三). 点 introduces decimals read digit by digit (三点五 = 3.5).
 */
export function parseChineseNumber(s: string): number | undefined {
  const text = s.trim();
  if (!text || [...text].some((ch) => !CHINESE_NUMERAL_CHARS.includes(ch))) return undefined;
  const [intPart, decPart, ...rest] = text.split('点');
  if (rest.length) return undefined;
  let value: number | undefined;
  if (intPart === '') return undefined;
  value = parseInteger(intPart);
  if (value === undefined) return undefined;
  if (decPart !== undefined) {
    if (!decPart || [...decPart].some((ch) => DIGITS[ch] === undefined)) return undefined;
    value += Number(`0.${[...decPart].map((ch) => DIGITS[ch]).join('')}`);
  }
  return value;
}

function parseInteger(s: string): number | undefined {
  const chars = [...s];
  // 二〇二四: digits only, no place units (a lone digit is the same either way).
  if (chars.every((ch) => DIGITS[ch] !== undefined)) {
    if (chars.length > 1 && !chars.includes('〇') && !chars.includes('零') && chars.length < 3) return undefined;
    return Number(chars.map((ch) => DIGITS[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const ch of chars) {
    if (DIGITS[ch] !== undefined) {
      if (digit !== undefined && DIGITS[ch] !== 0) return undefined; // 三四 without a unit between
      digit = DIGITS[ch] === 0 ? undefined : DIGITS[ch];
    } else if (SMALL_UNITS[ch] !== undefined) {
      // 十二: a leading 十 means 一十.
      section += (digit ?? 1) * SMALL_UNITS[ch];
      digit = undefined;
    } else if (BIG_UNITS[ch] !== undefined) {
      section += digit ?? 0;
      if (section === 0) return undefined;
      total += section * BIG_UNITS[ch];
      section = 0;
      digit = undefined;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0);
}
