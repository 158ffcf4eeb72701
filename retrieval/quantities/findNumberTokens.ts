// Every number written in a text, with its unit: Arabic (5901亿元, 7.8%, 1,234家, 7％) and
// Chinese (百分之七, 三成, 一倍, 翻一番, 两万余人, 十二个). Dates (2024年, 3月8日), plan names
// (十四五), ordinals used as list markers (一是) and names with digits (5G, G107) are not
// quantities and are skipped here.
import { CHINESE_NUMERAL_CHARS, parseChineseNumber } from './parseChineseNumber.js';

export interface NumberToken {
  start: number;
  end: number;
  /** text.slice(start, end) */
  written: string;
  value: number;
  /** Unit after normalisation: 亿元, %, 个, 万人, 个百分点, 倍, 位 … ('' when none). */
  unit: string;
  /** 多 / 余 between number and unit; 左右 / 以上 / 以内 / 以下 / 上下 after it. */
  qualifiers: string[];
  /** Written as 第N (an ordinal): a rank when followed by 位/名, else a position in a list. */
  ordinal: boolean;
  /** Written a:b:c (1:22:77): value is NaN-free null-like, read as a ratio. */
  ratio?: boolean;
}

/** Units, longest first so 万平方米 wins over 平方米 and 亿元 over 元. */
const UNITS = [
  '个百分点', '万平方米', '平方公里', '万千瓦时', '亿立方米', '万立方米', '万标准煤', '吨标准煤', '亿美元', '万美元',
  '万人次', '万千瓦', '平方米', '立方米', '亿元', '万元', '千元', '美元', '人次', '万人', '万户', '万亩', '万吨', '公里',
  '千米', '公顷', '百分点', '千瓦', '元', '%', '％', '人', '户', '个', '家', '项', '㎡', '位', '倍', '名', '次', '天', '年', '亩',
  '周年', '米', '件', '所', '套', '起', '座', '条', '台', '辆', '吨', '张', '间', '栋', '处', '场', '批', '支', '只', '架', '床',
  '宗', '笔', '类', '期', '届', '轮', '株', '棵', '片', '门', '孔', '盏', '级', '星', '分', '岁', '小时', '分钟', '月',
  '万', '亿',
].sort((a, b) => b.length - a.length);
/** Counters a Chinese numeral must be followed by to be a figure (一是, 一流, 三大片区 are not). */
const CHINESE_COUNTERS = new Set(['个', '家', '项', '人', '名', '户', '所', '座', '条', '件', '套', '次', '台', '辆', '处', '场', '栋', '批', '倍', '位', '亿元', '万元', '元', '万人', '亿', '万', '年', '天', '公里', '亩', '万亩', '万平方米', '平方米', '吨', '万吨', '个百分点', '百分点']);
const AFTER_QUALIFIERS = ['左右', '以上', '以内', '以下', '上下'];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\%]/g, '\\$&');
const UNIT_RE = new RegExp(`^\\s?(多|余)?(${UNITS.map(esc).join('|')})?(左右|以上|以内|以下|上下)?`);
const CN = `[${CHINESE_NUMERAL_CHARS}]`;
const ARABIC_RE = /(?<![\dA-Za-z.])\d+(?:,\d{3})*(?:\.\d+)?(?![A-Za-z])/g;
const CHINESE_RE = new RegExp(`百分之(${CN}+)|翻(${CN})番|(${CN}+)成(?![为果效立绩就功员本交熟])|(${CN}+)`, 'g');

export function findNumberTokens(text: string): NumberToken[] {
  const out: NumberToken[] = [];
  // 三次产业结构比1:22:77: one ratio, not three numbers.
  for (const m of text.matchAll(/(?<![\d.:])\d+(?:\.\d+)?(?:[:：]\d+(?:\.\d+)?)+(?![\d:])/g)) {
    out.push({ start: m.index!, end: m.index! + m[0].length, written: m[0], value: Number(m[0].split(/[:：]/)[0]), unit: '', qualifiers: [], ordinal: false, ratio: true });
  }
  for (const m of text.matchAll(ARABIC_RE)) {
    const start = m.index!;
    if (overlaps(out, start, start + m[0].length)) continue;
    const value = Number(m[0].replace(/,/g, ''));
    const tail = readTail(text, start + m[0].length);
    // 2024年 / 3月8日 / 8日: dates.
    const unit = tail.unit;
    if (unit === '年' && value >= 1900 && value <= 2100 && !m[0].includes('.')) continue;
    if (unit === '月' || text[start + m[0].length] === '日' || text[start + m[0].length] === '号') continue;
    if (/^[－—-]\d/.test(text.slice(start + m[0].length))) continue;
    // “1583”项目建设行动 / 12345热线 / 8大领域: names and codes, not figures.
    if (!unit && (/[“"《「]/.test(text[start - 1] ?? '') || /^[”"》」大]/.test(text.slice(start + m[0].length)) || (value >= 1000 && !m[0].includes('.')))) continue;
    out.push(token(text, start, value, tail, text[start - 1] === '第' && /^(?:[位名]|[，,。；;、）)]|$)/.test(text.slice(start + m[0].length))));
  }
  for (const m of text.matchAll(CHINESE_RE)) {
    const start = m.index!;
    if (overlaps(out, start, start + m[0].length)) continue;
    // Inside quotation marks (“十四五”, “两个确立”) or a name: not a figure.
    if (/[“"《「]/.test(text[start - 1] ?? '') || /^[”"》」]/.test(text.slice(start + m[0].length, start + m[0].length + 3).replace(/^[个大项]/, ''))) continue;
    if (m[1] !== undefined) {
      const v = parseChineseNumber(m[1]);
      if (v === undefined) continue;
      const tail = readTail(text, start + m[0].length);
      out.push(token(text, start, v, { ...tail, unit: '%', length: tail.length }, false, m[0].length));
      continue;
    }
    if (m[2] !== undefined) {
      const v = parseChineseNumber(m[2]);
      if (v === undefined) continue;
      // 翻一番 = doubled: the factor is 2^n.
      out.push({ start, end: start + m[0].length, written: m[0], value: 2 ** v, unit: '倍', qualifiers: [], ordinal: false });
      continue;
    }
    if (m[3] !== undefined) {
      const v = parseChineseNumber(m[3]);
      // 三成 = 30%; 七成以上.
      if (v === undefined || v >= 10 || /[万亿千百]/.test(m[3])) continue;
      const tail = readTail(text, start + m[0].length);
      out.push(token(text, start, v * 10, { ...tail, unit: '%' }, false, m[0].length));
      continue;
    }
    const numeral = m[4];
    // 两万余人 → 2 with unit 万人: a trailing 万/亿 joins the unit, as in 2万人.
    const big = /[万亿]$/.test(numeral) && numeral.length > 1 ? numeral.slice(-1) : '';
    const core = big ? numeral.slice(0, -1) : numeral;
    const v = parseChineseNumber(core);
    if (v === undefined) continue;
    // 第三产业 / 第一批: an ordinal is a rank only as 第N位/名 or closing its clause (居全市第一；).
    const ordinal = text[start - 1] === '第' && /^(?:[位名]|[，,。；;、）)]|$)/.test(text.slice(start + m[0].length));
    let tail = readTail(text, start + m[0].length);
    if (big) tail = { ...tail, unit: `${big}${tail.unit}` };
    if (!ordinal && !CHINESE_COUNTERS.has(tail.unit)) continue;
    // 每千人 / 每万人: the denominator of a rate (每千人拥有托位4.9个), not a figure.
    if (text[start - 1] === '每') continue;
    // 三次产业: the primary/secondary/tertiary sectors, not a count of times.
    if (tail.unit === '次' && text.startsWith('产业', start + m[0].length + tail.length)) continue;
    // 一个 / 一批 / 一年 / 一次: articles and idioms far more often than figures.
    if (v === 1 && !big && tail.unit !== '倍' && !ordinal) continue;
    // 五年来 / 三年行动: durations and programme names, not figures.
    if (tail.unit === '年' && !ordinal) continue;
    out.push(token(text, start, v, tail, ordinal, m[0].length));
  }
  return out.sort((a, b) => a.start - b.start);
}

interface Tail {
  unit: string;
  qualifiers: string[];
  length: number;
}

function readTail(text: string, at: number): Tail {
  const m = UNIT_RE.exec(text.slice(at, at + 12))!;
  // 56.5万㎡ / 3亿吨 / 2万辆: 万 and 亿 multiply whatever unit follows.
  if ((m[2] === '万' || m[2] === '亿') && !m[3]) {
    const rest = UNIT_RE.exec(text.slice(at + m[0].length, at + m[0].length + 12))!;
    if (rest[2] && rest[2] !== '万' && rest[2] !== '亿' && !rest[1]) {
      const unit = `${m[2]}${rest[2]}`.replace('％', '%');
      return { unit, qualifiers: [m[1], rest[3]].filter((q): q is string => !!q), length: m[0].length + rest[0].length };
    }
  }
  // 个 alone before 百分点: covered by the longest unit; 元/人 style compound units are rare.
  const qualifiers = [m[1], m[3]].filter((q): q is string => !!q);
  const unit = (m[2] ?? '').replace(/^百分点$/, '个百分点').replace('％', '%');
  // A bare space with nothing after it is not part of the token.
  const length = m[0].trim() === '' ? 0 : m[0].length;
  return { unit, qualifiers, length };
}

function token(text: string, start: number, value: number, tail: Tail, ordinal: boolean, numLength?: number): NumberToken {
  const numEnd = numLength !== undefined ? start + numLength : start + /^[\d,.]+/.exec(text.slice(start))![0].length;
  const end = numEnd + tail.length;
  const qualifiers = [...tail.qualifiers];
  for (const q of AFTER_QUALIFIERS) if (text.startsWith(q, end) && !qualifiers.includes(q)) qualifiers.push(q);
  const finalEnd = qualifiers.some((q) => AFTER_QUALIFIERS.includes(q) && text.startsWith(q, end)) ? end + 2 : end;
  return { start, end: finalEnd, written: text.slice(start, finalEnd), value, unit: tail.unit, qualifiers, ordinal };
}

function overlaps(tokens: NumberToken[], start: number, end: number): boolean {
  return tokens.some((t) => t.start < end && start < t.end);
}
