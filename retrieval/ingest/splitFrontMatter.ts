// The cover of a report: title, the "——date 在…会议上" line (often broken over
// two lines), the speaker, sometimes a document number. It ends where the
// speech starts ("各位代表"), however much a web page put before it. Cover lines
// follow their own joining rule because none of them ends with punctuation.
//
// What else a page puts before the speech is not the report and is no paragraph:
// - a summary (内容摘要) that runs the cover and the opening together, a copy of
//   what follows (metadata may still read it: it can be the only place a date is);
// - the same title or date line printed twice;
// - view counters, timestamps, breadcrumbs and other short lines that are neither
//   cover lines (title, date, session, speaker, document number) nor sentences.

export interface FrontMatter {
  /** Cover lines, the broken date line rejoined: the report's first paragraphs. */
  lines: string[];
  /** Every front line metadata may read: the cover lines and the summaries dropped as copies. */
  read: string[];
  /** Index in the input where the body begins. */
  bodyStart: number;
}

const BODY_START = /^(各位代表|同志们|各位委员)/u;
const TOP_HEADING = /^[一二三四五六七八九十]+、/u;
/** Dashes a delivery line may open with, in any number and any of the forms fonts and sites use. */
export const DASH = '[—－\\-―─━–]';
const LEADING_DASH = new RegExp(`^${DASH}+`, 'u');
/**
 * How far to look for the start of the speech: a web page's toolbar, breadcrumbs,
 * info table and summary come before the cover; without a 各位代表 or heading in
 * this many lines, the cover is whatever leading lines look like one.
 */
const MAX_FRONT_LINES = 60;
/** Without 各位代表 or a heading, the cover is the leading run of cover-like lines, at most this many. */
const MAX_COVER_LINES = 8;
/** A summary shorter than this is no copy worth detecting (a title repeats the cover by nature). */
const MIN_SUMMARY_CHARS = 20;
/** A front line with fewer Chinese characters than this is a counter, timestamp or stray symbol. */
const MIN_HAN = 2;

export function splitFrontMatter(lines: string[]): FrontMatter {
  const bodyStart = speechStart(lines);
  const front: string[] = [];
  for (let i = 0; i < bodyStart; i++) {
    const line = lines[i];
    const prev = front[front.length - 1];
    // Continuation of the dash-led date line: "——2024年3月8日在红旗区第十五届人民代表大会" + "第四次会议上".
    if (prev !== undefined && LEADING_DASH.test(prev) && !/上[）)]?$/u.test(prev) && /^第?.{0,12}(会议|上)/u.test(line)) {
      front[front.length - 1] = prev + line;
    } else {
      front.push(line);
    }
  }
  const cover: string[] = [];
  const read: string[] = [];
  const after = lines.slice(bodyStart, bodyStart + 4);
  front.forEach((raw, i) => {
    const line = undoubled(raw);
    // Metadata reads every front line, and a summary's cover lines one by one, as they stood before it ran them together.
    const pieces = splitCoverLine(line);
    read.push(...pieces);
    if (isProse(line)) read.push(...line.split(/(?<=会议上[）)]?)|(?=各位代表)/u).filter((s) => s !== line));
    // A summary may hold the only date, but is no paragraph: what follows says it again.
    if (repeatsWhatFollows(line, [...front.slice(i + 1), ...after])) return;
    for (const piece of pieces) {
      if (cover.includes(piece) || hanCount(piece) < MIN_HAN) continue;
      if (!isCoverLine(piece) && !isProse(piece) && !DATED.test(piece)) continue;
      cover.push(piece);
    }
  });
  return { lines: cover, read, bodyStart };
}

/** Where the speech starts: 各位代表 before any heading; else the first heading after nothing but cover; else after the cover-like lines. */
function speechStart(lines: readonly string[]): number {
  const limit = Math.min(lines.length, MAX_FRONT_LINES);
  for (let i = 0; i < limit; i++) {
    if (BODY_START.test(lines[i])) return i;
    if (TOP_HEADING.test(lines[i])) {
      // A heading with only cover-like lines before it opens a report pasted without its salutation.
      if (lines.slice(0, i).every((l) => !isProse(l))) return i;
      break;
    }
  }
  let start = 0;
  while (start < Math.min(lines.length, MAX_COVER_LINES) && isCoverLine(lines[start])) start++;
  return start;
}

/**
 * "…会议上陕西省省长某某": a delivery line and a speaker line printed as one; "某市政府工作报告某市政府工作报告":
 * a title printed twice. Prose is left whole.
 */
function splitCoverLine(line: string): string[] {
  if (isProse(line)) return [line];
  return line
    .split(/(?<=会议上[）)]?|工作报告)(?=[^\s）)])/u)
    .filter((s) => s.trim() !== '')
    .map(undoubled);
}

/** "某某报告某某报告" → "某某报告": a title printed twice in one line. */
function undoubled(line: string): string {
  const half = line.length / 2;
  return line.length >= 8 && Number.isInteger(half) && line.slice(0, half) === line.slice(half) ? line.slice(0, half) : line;
}

/** A summary: the lines after it, run together (spaces, placeholders and its label aside), begin with it. */
function repeatsWhatFollows(line: string, following: readonly string[]): boolean {
  const squash = (s: string) => s.replace(/^(?:内容摘要|摘要)[:：]/u, '').replace(/[\s?？]/gu, '');
  // Cut off with an ellipsis, sometimes half an HTML entity before it (…&ems......).
  const own = squash(line).replace(/[^\p{Script=Han}\d]+$/u, '');
  if (own.length < MIN_SUMMARY_CHARS) return false;
  let joined = '';
  for (const l of following) {
    joined += squash(l);
    if (joined.length >= own.length) break;
  }
  // A summary is often cut off mid-word: its last characters need not match.
  const n = Math.min(own.length, joined.length) - 2;
  return n >= MIN_SUMMARY_CHARS && joined.startsWith(own.slice(0, n));
}

const DATED = /\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年/u;
const hanCount = (s: string) => (s.match(/\p{Script=Han}/gu) ?? []).length;
const isProse = (line: string) => line.length > 80 || /[。！？；]/u.test(line);

/** A title, delivery line, speaker line or document number: short, and no sentence in it. */
function isCoverLine(line: string): boolean {
  if (isProse(line)) return false;
  return new RegExp(`工作报告$|^${DASH}|会议上?[）)]?$|人民政府|[区县市省旗州盟]长|主席|会议文件`, 'u').test(line);
}
