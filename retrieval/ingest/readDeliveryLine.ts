// The delivery line: "——2024年1月22日在郑州市惠济区第四届人民代表大会第四次会议上".
// It is the one date on a report's front matter that says when the report was
// delivered; a web page's 成文日期/发布时间 or a date in the body are not. It may sit
// after the title, after the speaker or at the end, and be broken over two lines.
import { parseHanNumber } from './parseHanNumber.js';

export interface DeliveryLine {
  /** ISO date, when the line gives a valid one. */
  date?: string;
  /** What stands between 在 and 第…届: 郑州市惠济区, 县, 内蒙古自治区. */
  place?: string;
  /** 第四届人民代表大会第四次会议 */
  congress?: string;
  /** Index of the line it was read from. */
  line: number;
}

const NUM = '[一二三四五六七八九十〇零]';
const DIGITS = `(?:\\d{1,4}|${NUM}{1,4})`;
const DATE = new RegExp(`(${DIGITS})年(${DIGITS})月(${DIGITS})日`, 'u');
const CONGRESS = new RegExp(`第?(${NUM}{1,3})届(?:人民代表大会|人大)(?:常务委员会)?第?(${NUM}{1,3})次(?:全体)?会议`, 'u');
const AT_CONGRESS = /在(.{0,24}?)第?[一二三四五六七八九十]{1,3}届(?:人民代表大会|人大)/u;

/** First line (of `lines`, searched in order) that pairs a date with 在…会议: the delivery line. */
export function readDeliveryLine(lines: readonly string[]): DeliveryLine | undefined {
  for (let i = 0; i < lines.length; i++) {
    // Rejoin a line broken after 人民代表大会 ("…第十五届人民代表大会" + "第四次会议上").
    const line = lines[i].length < 80 && i + 1 < lines.length && !/会议/u.test(lines[i]) && lines[i + 1].length < 30 ? lines[i] + lines[i + 1] : lines[i];
    if (line.length > 160 || !/会议|大会/u.test(line)) continue;
    const d = DATE.exec(line);
    if (!d || !/在/u.test(line.slice(d.index))) continue;
    const out: DeliveryLine = { line: i };
    const date = isoDate(d[1], d[2], d[3]);
    if (date) out.date = date;
    const at = AT_CONGRESS.exec(line);
    if (at && at[1]) out.place = at[1];
    const c = CONGRESS.exec(line);
    if (c) out.congress = `第${c[1]}届人民代表大会第${c[2]}次会议`;
    return out;
  }
  return undefined;
}

/** "区十一届人大四次会议文件" (a document number on the cover) → 第十一届人民代表大会第四次会议 */
export function congressFromText(text: string): string | undefined {
  const c = CONGRESS.exec(text);
  return c ? `第${c[1]}届人民代表大会第${c[2]}次会议` : undefined;
}

function isoDate(y: string, m: string, d: string): string | undefined {
  const year = toNumber(y);
  const month = toNumber(m);
  const day = toNumber(d);
  if (!year || !month || !day || year < 1949 || year > 2100 || month > 12 || day > 31) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 2024 / 二〇二四 (digit by digit) / 二十二 (as a number). */
function toNumber(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  // A year is written digit by digit (二〇二四); 零 is sometimes used for 〇.
  if (/^[〇零一二三四五六七八九]{4}$/u.test(s)) return Number([...s].map((c) => Math.max(0, '〇一二三四五六七八九'.indexOf(c))).join(''));
  return parseHanNumber(s);
}
