// The delivery line: "——2024年1月22日在郑州市惠济区第四届人民代表大会第四次会议上".
// It is the one date on a report's front matter that says when the report was
// delivered; a web page's 成文日期/发布时间 or a date in the body are not. It may sit
// after the title, after the speaker or at the end, and be broken over two lines.
import { parseNumeral } from '../quantities/parseNumeral.js';

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
const DATE_SRC = `(${DIGITS})年(${DIGITS})月(${DIGITS})日`;
const CONGRESS_SRC = `第?(${NUM}{1,3})届(?:人民代表大会|人大)(?:常务委员会)?(?:第?(${NUM}{1,3})次(?:全体)?会议)?`;
const CONGRESS = new RegExp(`第?(${NUM}{1,3})届(?:人民代表大会|人大)(?:常务委员会)?第?(${NUM}{1,3})次(?:全体)?会议`, 'u');
/**
 * The date, then 在, the place and the session: "2024年1月22日在郑州市惠济区第四届人民代表大会第四次会议上",
 * wherever it stands in a line (after dashes or a bracket, inside a summary paragraph, after the speaker's name).
 */
const DATE_FIRST = new RegExp(`${DATE_SRC}[,，]?在(.{0,24}?)${CONGRESS_SRC}`, 'u');
/** …or the session first and the date after it: "在某县第十八届人民代表大会第三次会议上（2024年1月10日）". */
const DATE_AFTER = new RegExp(`在(.{0,24}?)${CONGRESS_SRC}上?[）)]?[—－\\-―─━–（(\\s]*${DATE_SRC}`, 'u');
/** A short line that pairs a date with 在…大会/会议 but names no session ("2024年1月22日在区人民代表大会上"). */
const DATE_LOOSE = new RegExp(`${DATE_SRC}[,，]?在(.{0,24}?)(?:人民代表大会|人大|会议)`, 'u');
const LOOSE_MAX_CHARS = 80;
/** A line this short may be the first half of a delivery line broken after 人民代表大会. */
const BROKEN_HEAD_CHARS = 80;
const BROKEN_TAIL_CHARS = 30;

/** First line (of `lines`, searched in order) that pairs a date with 在…会议: the delivery line. */
export function readDeliveryLine(lines: readonly string[]): DeliveryLine | undefined {
  for (let i = 0; i < lines.length; i++) {
    // Rejoin a line broken after 人民代表大会 ("…第十五届人民代表大会" + "第四次会议上").
    const broken = lines[i].length < BROKEN_HEAD_CHARS && i + 1 < lines.length && !/会议/u.test(lines[i]) && lines[i + 1].length < BROKEN_TAIL_CHARS;
    const line = broken ? lines[i] + lines[i + 1] : lines[i];
    const first = DATE_FIRST.exec(line);
    const after = first ? null : DATE_AFTER.exec(line);
    const loose = first || after || line.length > LOOSE_MAX_CHARS ? null : DATE_LOOSE.exec(line);
    if (!first && !after && !loose) continue;
    const [y, m, d, place, term, session] = first
      ? [first[1], first[2], first[3], first[4], first[5], first[6]]
      : after
        ? [after[4], after[5], after[6], after[1], after[2], after[3]]
        : [loose![1], loose![2], loose![3], loose![4], undefined, undefined];
    const out: DeliveryLine = { line: i };
    const date = isoDate(y, m, d);
    if (date) out.date = date;
    if (place) out.place = place;
    const session2 = session ?? CONGRESS.exec(line)?.[2];
    if (term && session2) out.congress = `第${term}届人民代表大会第${session2}次会议`;
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

/** 2024 / 二〇二四 (a year digit by digit; 零 is sometimes used for 〇) / 二十二 (as a number). */
function toNumber(s: string): number | undefined {
  return parseNumeral(s, { digitString: true });
}
