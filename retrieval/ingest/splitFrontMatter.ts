// The cover of a report: title, the "——date 在…会议上" line (often broken over
// two lines), the speaker, sometimes a document number. It ends where the
// speech starts ("各位代表"). Cover lines follow their own joining rule because
// none of them ends with punctuation.

export interface FrontMatter {
  /** Cover lines, the broken date line rejoined. */
  lines: string[];
  /** Index in the input where the body begins. */
  bodyStart: number;
}

const BODY_START = /^(各位代表|同志们|各位委员)/;
/** No cover is longer than this; without a 各位代表 line the body starts at the first heading. */
const MAX_COVER_LINES = 8;

export function splitFrontMatter(lines: string[]): FrontMatter {
  let bodyStart = lines.findIndex((l, i) => i < MAX_COVER_LINES + 1 && BODY_START.test(l));
  if (bodyStart === -1) {
    bodyStart = lines.findIndex((l, i) => i < MAX_COVER_LINES && /^[一二三四五六七八九十]+、/.test(l));
    // No 各位代表 and no heading: the cover is whatever leading lines look like one (text pasted without its salutation).
    if (bodyStart === -1) {
      bodyStart = 0;
      while (bodyStart < Math.min(lines.length, MAX_COVER_LINES) && isCoverLine(lines[bodyStart])) bodyStart++;
    }
  }
  const cover: string[] = [];
  for (let i = 0; i < bodyStart; i++) {
    const line = lines[i];
    const prev = cover[cover.length - 1];
    // Continuation of the dash-led date line: "——2024年3月8日在红旗区第十五届人民代表大会" + "第四次会议上".
    if (prev !== undefined && /^[—－-]{1,2}/.test(prev) && !/上$/.test(prev) && /^第?.{0,12}(会议|上)/.test(line)) {
      cover[cover.length - 1] = prev + line;
    } else {
      cover.push(line);
    }
  }
  return { lines: cover, bodyStart };
}

/** A title, delivery line, speaker line or document number: short, and no sentence in it. */
function isCoverLine(line: string): boolean {
  if (line.length > 80 || /[。！？；]/u.test(line)) return false;
  return /工作报告$|^[—－-]{1,2}|会议上?$|人民政府|[区县市省旗州盟]长|主席|会议文件/u.test(line);
}
