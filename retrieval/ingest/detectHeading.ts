// Recognises the reports' section markers: 一、 (level 1), （一） (level 2), 1. / 1、 (level 3).
// A heading either stands on its own line or opens a paragraph as a lead sentence
// ("（一）项目引资取得实效。全年…"): both start a section.

export interface HeadingMatch {
  level: 1 | 2 | 3;
  /** The marker as written, e.g. 一、 or （一） */
  marker: string;
  /** Heading text without the marker, up to the first 。 for inline headings. */
  title: string;
  /** True when the whole line is the heading (no body text after it). */
  standalone: boolean;
}

const NUM = '[一二三四五六七八九十]{1,3}';
/** 一、 or 第一部分 (provincial reports often number their parts so). */
const LEVEL1 = new RegExp(`^(${NUM}、|第${NUM}部分[：:、，\\s]?)`);
const LEVEL2 = new RegExp(`^([（(]${NUM}[）)])`);
const LEVEL3 = /^(\d{1,2}[.、．](?!\d))/;
/** A standalone heading is a short line with no sentence-ending punctuation inside. */
const MAX_STANDALONE_CHARS = 70;

export function detectHeading(line: string): HeadingMatch | undefined {
  const m1 = LEVEL1.exec(line);
  const m2 = m1 ? null : LEVEL2.exec(line);
  const m3 = m1 || m2 ? null : LEVEL3.exec(line);
  const m = m1 ?? m2 ?? m3;
  if (!m) return undefined;
  const level = m1 ? 1 : m2 ? 2 : 3;
  const marker = m[1];
  const rest = line.slice(marker.length);
  const stop = rest.search(/[。！？!?]/);
  if (stop === -1 || stop === rest.length - 1) {
    if (line.length > MAX_STANDALONE_CHARS) return undefined;
    return { level, marker, title: rest.replace(/[。！？!?]$/, ''), standalone: true };
  }
  // Inline lead heading: the first sentence is the title. Level 3 numbers only count on
  // their own line, since "1、" inside running text is usually a list item, not a section.
  if (level === 3) return undefined;
  return { level, marker, title: rest.slice(0, stop), standalone: false };
}

/** Titles of the report's main parts: an unnumbered heading naming one is a top-level section. */
const PART_TITLE = /回顾|总体要求|预期目标|主要目标|目标任务|工作安排|重点工作|工作重点|主要任务|自身建设|政府建设|过去五年|今后五年|面临的形势/u;
/** Longest unnumbered heading: reports' part and task titles are short phrases. */
const MAX_UNNUMBERED_CHARS = 28;

/**
 * A heading without a number ("2023年工作回顾", "着力扩大有效投资"): a short line with no
 * punctuation at all. Only used for reports without numbered top-level headings,
 * where such lines cannot be anything else.
 */
export function detectUnnumberedHeading(line: string): HeadingMatch | undefined {
  if (line.length > MAX_UNNUMBERED_CHARS || line.length < 4) return undefined;
  if (/[，。；：！？、,.;:!?“”"（）()%]/u.test(line) || !/^[\p{Script=Han}\d]/u.test(line)) return undefined;
  return { level: PART_TITLE.test(line) ? 1 : 2, marker: '', title: line, standalone: true };
}

/** True for a report whose top-level parts are numbered (一、…). */
export function hasNumberedParts(lines: readonly string[]): boolean {
  return lines.some((l) => LEVEL1.test(l) && detectHeading(l)?.level === 1);
}
