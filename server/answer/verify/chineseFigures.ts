// Figures written in Chinese numerals, as citation enforcement needs them: a model
// may write 增长百分之十二 where the report says 12%, or 七成 for 70%. Only numerals
// that carry a quantity count (百分之…, …成, …倍, 翻…番, …个百分点, …亿元 …): 一是,
// 一般, 第十二届 and 十四五 are words, not figures.
// One exported function, so a general quantity extractor can replace it.

export interface ChineseFigure {
  /** The figure as written, e.g. 百分之七点五 */
  text: string;
  index: number;
  /** Its value in the unit below: 百分之七 → 7 (%), 七成 → 70 (%), 翻一番 → 2 (倍). */
  value: number;
  /** %, 个百分点, 倍, or the unit written after the number (亿元, 万人 …). */
  unit: string;
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const LARGE: Record<string, number> = { 万: 1e4, 亿: 1e8 };

const N = '[零〇一二两三四五六七八九十百千万亿]';
const NUMERAL = `${N}+(?:点[零〇一二三四五六七八九]+)?`;

/** Units after which a numeral is a quantity; money, people, area. */
const MEASURE_UNIT = '亿元|万元|元|万人次|人次|万人|万平方米|平方米|平方公里|公顷|万亩|亩|公里|千米|万吨|吨';
/** Counting words: a figure only for numerals of two or more characters (十二个, not 一个 or 三个). */
const COUNT_UNIT = '个|家|项|所|户|座|条|批|处|名';

const PATTERN = new RegExp(
  [
    `百分之(${NUMERAL})`,
    `(?<![第${N.slice(1, -1)}])(${NUMERAL})[%％]`,
    `(?<![第])(${NUMERAL})个百分点`,
    `翻(${NUMERAL})番`,
    `(?<![第${N.slice(1, -1)}])(${NUMERAL})(成)(?![为了立果绩就效本员功长型熟品交不])`,
    `(?<![第${N.slice(1, -1)}])(${NUMERAL})(倍)`,
    `(?<![第${N.slice(1, -1)}])(${N}+?)(${MEASURE_UNIT})`,
    `(?<![第${N.slice(1, -1)}])(${N}{2,}?)(${COUNT_UNIT})`,
  ].join('|'),
  'g',
);

/** 十二 → 12, 一百零五 → 105, 两千三百万 → 23000000, 七点五 → 7.5; undefined if malformed (十四五). */
function parseNumeral(s: string): number | undefined {
  const [intPart, frac] = s.split('点');
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastSmall = Infinity;
  for (const ch of intPart) {
    if (ch === '零' || ch === '〇') {
      // 一百零五: a gap in the places, no value of its own.
      if (digit !== undefined) return undefined;
    } else if (ch in DIGIT) {
      if (digit !== undefined) {
        // Digits in a row are only valid as a plain digit string: 二〇二四 (not used as figures here).
        return undefined;
      }
      digit = DIGIT[ch];
    } else if (ch in SMALL) {
      const unit = SMALL[ch];
      if (unit >= lastSmall) return undefined;
      section += (digit ?? 1) * unit;
      digit = undefined;
      lastSmall = unit;
    } else if (ch in LARGE) {
      section += digit ?? 0;
      if (section === 0) return undefined;
      total += section * LARGE[ch];
      section = 0;
      digit = undefined;
      lastSmall = Infinity;
    } else return undefined;
  }
  // A trailing digit after a unit means the next lower place: 一百零五 → 105; 三万五 is rare, read as 35000.
  section += digit ?? 0;
  let value = total + section;
  if (frac) {
    const digits = [...frac].map((c) => DIGIT[c]);
    if (digits.some((d) => d === undefined)) return undefined;
    value += Number(`0.${digits.join('')}`);
  }
  return value;
}

/** Figures in Chinese numerals, each with its value and unit. */
export function chineseFigures(text: string): ChineseFigure[] {
  const out: ChineseFigure[] = [];
  for (const m of text.matchAll(PATTERN)) {
    const index = m.index ?? 0;
    let value: number | undefined;
    let unit: string;
    if (m[1] !== undefined || m[2] !== undefined) {
      value = parseNumeral(m[1] ?? m[2]);
      unit = '%';
    } else if (m[3] !== undefined) {
      value = parseNumeral(m[3]);
      unit = '个百分点';
    } else if (m[4] !== undefined) {
      const times = parseNumeral(m[4]);
      value = times === undefined ? undefined : 2 ** times;
      unit = '倍';
    } else if (m[5] !== undefined) {
      const tenths = parseNumeral(m[5]);
      value = tenths === undefined || tenths > 10 ? undefined : Math.round(tenths * 1000) / 100;
      unit = '%';
    } else if (m[7] !== undefined) {
      value = parseNumeral(m[7]);
      unit = '倍';
    } else if (m[9] !== undefined) {
      value = parseNumeral(m[9]);
      unit = m[10];
    } else {
      value = parseNumeral(m[11]);
      unit = m[12];
    }
    if (value !== undefined) out.push({ text: m[0], index, value, unit });
  }
  return out;
}
