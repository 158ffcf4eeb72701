// The one way to find the figures in a text: every number written, with its unit and the
// qualifiers around it, in Arabic digits (5901亿元, 7.8%, 1,234家, 7％) and in Chinese numerals
// (百分之七, 三成, 一倍, 翻一番, 两万余人, 十二个). Quantity records take the quantities; citation
// checks take every Arabic number (a date or a code in an answer must stand in its source too)
// and the Chinese figures that are not loose words. A Chinese numeral is a figure only with a
// unit that counts or measures (一是, 一流, 三大片区, “十四五” are words).
import { foldFigures } from './foldFigures.js';
import { CHINESE_NUMERAL_CHARS, parseNumeral } from './parseNumeral.js';
import { unitNamed, unitPattern, unitWritten, type UnitMeasure } from './units.js';

export interface Figure {
  start: number;
  /** After the unit and the qualifiers written after it. */
  end: number;
  /** text.slice(start, end) */
  written: string;
  /** In the unit: 157.5 (亿元), 2 (万人 for 两万余人), 70 (% for 七成), 2 (倍 for 翻一番). */
  value: number;
  /** Unit after normalisation: 亿元, %, 个, 万人, 个百分点, 倍, 位 … ('' when none). */
  unit: string;
  /** 多 / 余 between number and unit; 左右 / 以上 / 以内 / 以下 / 上下 after it. */
  qualifiers: string[];
  /** A rank: 第N位/名, or 第N closing its clause (居全市第一；). */
  ordinal: boolean;
  /** Written a:b:c (1:22:77): one ratio, its value the first term. */
  ratio: boolean;
  /**
   * A range is one figure (5%—5.5%, 5-5.5%, 3～5亿元, 6到6.5%): `value` is its low end, `upper`
   * its high end, `written` the whole as the report writes it. Undefined for a single figure.
   */
  upper: number | undefined;
  numeral: 'arabic' | 'chinese';
  /** text.slice(start, unitEnd): the number and its unit, without the qualifiers after them (7%, 百分之七, 10余家). */
  unitEnd: number;
  /** Decimal places as written (7.50 → 2); of the value for Chinese numerals (七点五 → 1, 七成 → 0). */
  decimals: number;
  /**
   * Why a number is no quantity: part of a date (2024年, 3月8日, 2021—2025年), a name or code
   * (“1583”, 12345热线, 5G, 8大领域), a place in a series (第4页). Only Arabic numbers carry it:
   * a Chinese numeral that is no quantity is no figure at all.
   */
  not: 'date' | 'name' | 'position' | undefined;
  /**
   * A one-character Chinese numeral before a plain counter (三个基地, 两项, 三天): a count, but
   * written like the words it often is (三个代表, 两个确立), so a checker does not demand a source for it.
   */
  loose: boolean;
}

/** Qualifiers written after a figure. */
export const AFTER_QUALIFIERS: readonly string[] = ['左右', '以上', '以内', '以下', '上下'];
/** What a Chinese numeral before these units is: a date, an edition, a grade, a kind or an age (第三届, 五星级, 三类). */
const NOT_COUNTED_IN_CHINESE = new Set<UnitMeasure>(['calendar', 'edition', 'grade', 'kind', 'age']);
/** Units a figure of 1 is no article or idiom with (一个, 一批, 一次, 一公里 are): rates, changes, multiples. */
const ONE_IS_A_FIGURE = new Set<UnitMeasure>(['rate', 'points', 'multiple']);
/** Counters and durations: after a one-character numeral, often a word. */
const LOOSE_MEASURES = new Set<UnitMeasure>(['count', 'time']);
/** 成 is tenths (七成 = 70%) except in words: 成为, 成效, 成立, 一成不变 … */
const NOT_TENTHS = '为了立果绩就效本员功长型熟品交不';

const UNIT_RE = new RegExp(`^\\s?(多|余)?(${unitPattern()})?(${AFTER_QUALIFIERS.join('|')})?`);
const CN = `[${CHINESE_NUMERAL_CHARS}]`;
const RATIO_RE = /(?<![\d.:])\d+(?:\.\d+)?(?:[:：]\d+(?:\.\d+)?)+(?![\d:])/g;
const ARABIC_RE = /(?<![\d.])\d+(?:,\d{3}(?!\d))*(?:\.\d+)?/g;
/**
 * Between the two ends of a range: a dash of any width, a tilde, 至 or 到 (5%—5.5%, 5-5.5%,
 * 5%～5.5%, 6到6.5%). 至/到 after 从/由 is a change (从6%到8%), not a range.
 */
const RANGE_SEP_RE = /^(?:—{1,2}|[－\-–~～〜]|至|到)$/;
const CHANGE_FROM_RE = /[从由自][^，,。；;]*$/;
const CHINESE_RE = new RegExp(`百分之(${CN}+)|翻(${CN})番|(${CN}+)成(?![${NOT_TENTHS}])|(${CN}+)`, 'g');
const OPEN_QUOTE = /[“"《「]/;

export function findFigures(raw: string): Figure[] {
  // Full-width digits and traditional numerals read as their simplified forms, offsets kept.
  const text = foldFigures(raw);
  const out: Figure[] = [];
  // 三次产业结构比1:22:77: one ratio, not three numbers.
  for (const m of text.matchAll(RATIO_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    const ratio = make(start, end, Number(m[0].split(/[:：]/)[0]), 'arabic');
    ratio.ratio = true;
    out.push(ratio);
  }
  const ratios = out.length;
  const arabic = [...text.matchAll(ARABIC_RE)];
  for (let i = 0; i < arabic.length; i++) {
    const m = arabic[i];
    const start = m.index!;
    const numEnd = start + m[0].length;
    if (ratios && overlaps(out.slice(0, ratios), start, numEnd)) continue;
    const tail = readTail(text, numEnd);
    const high = rangeEnd(text, start, numEnd, tail, arabic[i + 1]);
    if (high) {
      // One figure from the low end to the high end's unit and qualifiers.
      const highEnd = high.index! + high[0].length;
      const f = figure(text, start, highEnd, parseNumeral(m[0])!, readTail(text, highEnd), 'arabic');
      f.upper = parseNumeral(high[0])!;
      f.decimals = Math.max(m[0].split('.')[1]?.length ?? 0, high[0].split('.')[1]?.length ?? 0);
      f.not = arabicNonQuantity(text, high[0], start, highEnd, f);
      out.push(f);
      i++;
      continue;
    }
    const f = figure(text, start, numEnd, parseNumeral(m[0])!, tail, 'arabic');
    f.decimals = m[0].split('.')[1]?.length ?? 0;
    f.not = arabicNonQuantity(text, m[0], start, numEnd, f);
    out.push(f);
  }
  // Chinese numerals come in text order: one pass over the figures found so far, in order too.
  const taken = out.slice().sort((a, b) => a.start - b.start);
  let t = 0;
  for (const m of text.matchAll(CHINESE_RE)) {
    const start = m.index!;
    const numEnd = start + m[0].length;
    while (t < taken.length && taken[t].end <= start) t++;
    if (t < taken.length && taken[t].start < numEnd) continue;
    // Inside quotation marks (“十四五”, “两个确立”, “双十条”) or a name: not a figure.
    if (OPEN_QUOTE.test(text[start - 1] ?? '') || /^[”"》」]/.test(text.slice(numEnd, numEnd + 3).replace(/^[个大项]/, '')) || inShortQuote(text, start, numEnd)) continue;
    const found = chineseFigure(text, m, start, numEnd);
    if (found) out.push(found);
  }
  for (const f of out) f.written = raw.slice(f.start, f.end);
  return out.sort((a, b) => a.start - b.start);
}

/** A short quoted phrase holds the numeral (“双十条”, “三个一批”): a name, however its words run. */
function inShortQuote(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start);
  const after = text.slice(end, end + 4);
  const open = Math.max(before.lastIndexOf('“'), before.lastIndexOf('《'));
  const close = Math.min(...['”', '》'].map((q) => after.indexOf(q)).filter((i) => i >= 0), Infinity);
  return open >= 0 && !/[”》]/.test(before.slice(open)) && close !== Infinity && !/[“《]/.test(after.slice(0, close));
}

/** The figures that are quantities: what quantity records are made of. */
export function quantitiesIn(text: string): Figure[] {
  return findFigures(text).filter((f) => !f.not);
}

function chineseFigure(text: string, m: RegExpMatchArray, start: number, numEnd: number): Figure | undefined {
  if (m[1] !== undefined) {
    const v = parseNumeral(m[1]);
    if (v === undefined) return undefined;
    const tail = readTail(text, numEnd);
    return figure(text, start, numEnd, v, { ...tail, unit: '%', unitLength: 0 }, 'chinese');
  }
  if (m[2] !== undefined) {
    const v = parseNumeral(m[2]);
    // 翻一番 = doubled: the factor is 2^n.
    return v === undefined ? undefined : make(start, numEnd, 2 ** v, 'chinese', '倍');
  }
  if (m[3] !== undefined) {
    const v = parseNumeral(m[3]);
    // 三成 = 30%; 七成以上.
    if (v === undefined || v >= 10 || /[万亿千百]/.test(m[3])) return undefined;
    return figure(text, start, numEnd, v * 10, { ...readTail(text, numEnd), unit: '%', unitLength: 0 }, 'chinese');
  }
  const numeral = m[4];
  // 两万余人 → 2 with unit 万人, 三亿五千万元 → 35000 万元: a trailing 万/亿 joins the unit, as in 2万人.
  const big = /[万亿]$/.test(numeral) && numeral.length > 1 ? numeral.slice(-1) : '';
  const whole = parseNumeral(numeral);
  if (whole === undefined) return undefined;
  const v = big ? whole / unitWritten(big)!.scale : whole;
  const ordinal = isRank(text, start, numEnd);
  // 第三次会议 / 第十四个五年规划 / 第二批: a place in a series, not a count.
  if (text[start - 1] === '第' && !ordinal) return undefined;
  let tail = readTail(text, numEnd);
  if (big) tail = { ...tail, unit: `${big}${tail.unit}` };
  const unit = unitNamed(tail.unit);
  if (!ordinal && (!unit || NOT_COUNTED_IN_CHINESE.has(unit.measure))) return undefined;
  // 每千人 / 每万人: the denominator of a rate (每千人拥有托位4.9个), not a figure.
  if (text[start - 1] === '每') return undefined;
  // 三次产业: the primary/secondary/tertiary sectors, not a count of times.
  if (tail.unit === '次' && text.startsWith('产业', numEnd + tail.length)) return undefined;
  // 一个 / 一批 / 一次 / 一公里: articles and idioms far more often than figures.
  if (v === 1 && !ordinal && unit && unit.scale === 1 && !ONE_IS_A_FIGURE.has(unit.measure)) return undefined;
  const out = figure(text, start, numEnd, v, tail, 'chinese', ordinal);
  out.loose = numeral.length === 1 && !!unit && unit.scale === 1 && LOOSE_MEASURES.has(unit.measure);
  return out;
}

/**
 * The high end of a range starting at the number `start`–`numEnd`: the next number, when only a
 * range separator stands between them and the low end's unit, if written, is the high end's
 * (5%—5.5%, not 5%—6亿元). Undefined when the number is no range's low end.
 */
function rangeEnd(text: string, start: number, numEnd: number, tail: Tail, next: RegExpMatchArray | undefined): RegExpMatchArray | undefined {
  if (!next || tail.qualifiers.length) return undefined;
  const sep = RANGE_SEP_RE.exec(text.slice(numEnd + tail.unitLength, next.index!));
  if (!sep) return undefined;
  if (/[至到]/.test(sep[0]) && CHANGE_FROM_RE.test(text.slice(Math.max(0, start - 8), start))) return undefined;
  if (tail.unit && readTail(text, next.index! + next[0].length).unit !== tail.unit) return undefined;
  return next;
}

/** Dates, names and codes: Arabic numbers that are no quantity. */
function arabicNonQuantity(text: string, digits: string, start: number, numEnd: number, f: Figure): Figure['not'] {
  // 2024年 / 3月8日 / 8日 / 2021—2025年: dates.
  if (f.unit === '年' && f.value >= 1900 && f.value <= 2100 && !digits.includes('.')) return 'date';
  if (f.unit === '月' || f.unit === '日' || text[numEnd] === '日' || text[numEnd] === '号') return 'date';
  if (text[start - 1] === '第' && !f.ordinal) return 'position';
  // 5G / G107: names with digits.
  if (/[A-Za-z]/.test(text[start - 1] ?? '') || /[A-Za-z]/.test(text[numEnd] ?? '')) return 'name';
  // “1583”项目建设行动 / 12345热线 / 8大领域: names and codes, not figures.
  if (!f.unit && (OPEN_QUOTE.test(text[start - 1] ?? '') || /^[”"》」大]/.test(text.slice(numEnd)) || (Math.max(f.value, f.upper ?? 0) >= 1000 && !digits.includes('.')))) return 'name';
  return undefined;
}

interface Tail {
  unit: string;
  qualifiers: string[];
  /** From the number's end to the end of what was read (unit and qualifiers). */
  length: number;
  /** From the number's end to the end of its unit. */
  unitLength: number;
}

function readTail(text: string, at: number): Tail {
  const m = UNIT_RE.exec(text.slice(at, at + 12))!;
  // 56.5万㎡ / 3亿吨 / 2万辆: 万 and 亿 multiply whatever unit follows, also past 多/余 (3万余人).
  if (m[2] && unitWritten(m[2])?.measure === 'scale' && !m[3]) {
    const rest = UNIT_RE.exec(text.slice(at + m[0].length, at + m[0].length + 12))!;
    if (rest[2] && unitWritten(rest[2])!.measure !== 'scale' && !(m[1] && rest[1])) {
      const unit = `${m[2]}${unitWritten(rest[2])!.unit}`;
      const length = m[0].length + rest[0].length;
      return { unit, qualifiers: [m[1], rest[1], rest[3]].filter((q): q is string => !!q), length, unitLength: length - (rest[3]?.length ?? 0) };
    }
  }
  const qualifiers = [m[1], m[3]].filter((q): q is string => !!q);
  const unit = m[2] ? unitWritten(m[2])!.unit : '';
  // A bare space with nothing after it is not part of the figure.
  const length = m[0].trim() === '' ? 0 : m[0].length;
  return { unit, qualifiers, length, unitLength: length - (m[3]?.length ?? 0) };
}

function figure(text: string, start: number, numEnd: number, value: number, tail: Tail, numeral: Figure['numeral'], ordinal?: boolean): Figure {
  const end = numEnd + tail.length;
  const qualifiers = [...tail.qualifiers];
  for (const q of AFTER_QUALIFIERS) if (text.startsWith(q, end) && !qualifiers.includes(q)) qualifiers.push(q);
  const finalEnd = qualifiers.some((q) => AFTER_QUALIFIERS.includes(q) && text.startsWith(q, end)) ? end + 2 : end;
  return make(start, finalEnd, value, numeral, tail.unit, qualifiers, numEnd + tail.unitLength, ordinal ?? isRank(text, start, numEnd));
}

/** 第3位 / 第三名 / 居全市第一；: after 第, a rank when 位/名 or the clause's end follows (第三产业, 第一批 are no ranks). */
function isRank(text: string, start: number, numEnd: number): boolean {
  return text[start - 1] === '第' && /^(?:[位名]|[，,。；;、）)]|$)/.test(text.slice(numEnd));
}

/** Every figure has every field, so all share one shape (the finder runs over every paragraph). */
function make(start: number, end: number, value: number, numeral: Figure['numeral'], unit = '', qualifiers: string[] = [], unitEnd = end, ordinal = false): Figure {
  // A Chinese figure's decimals are its value's: 七点五 → 1, 七成 (70) → 0.
  const decimals = numeral === 'chinese' ? (String(value).split('.')[1]?.length ?? 0) : 0;
  return { start, end, written: '', value, unit, qualifiers, ordinal, ratio: false, upper: undefined, numeral, unitEnd, decimals, not: undefined, loose: false };
}

function overlaps(figures: Figure[], start: number, end: number): boolean {
  return figures.some((f) => f.start < end && start < f.end);
}
