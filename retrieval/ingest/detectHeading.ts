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
const LEVEL1 = new RegExp(`^(${NUM}、)`);
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
