// Some pasted texts hold a whole report on one line. Paragraph structure is
// then recovered from what still marks it: the start of the speech (各位代表：),
// the delivery line (——2024年…), and numbered headings after a sentence end.
// Lines of ordinary length are left alone.

/** Longer than any real paragraph of the genre rarely is; below this a line is a paragraph. */
const RUN_ON_CHARS = 3000;
const BREAKS = [
  /(?=[—－―]{2,}\s*(?:\d{4}|[〇一二三四五六七八九]{4})\s*年)/gu,
  /(?=各位代表[：:，,！!])/gu,
  /(?<=会议上[）)]?)(?![）)])/gu,
  /(?<=[。！？；：:])(?=[一二三四五六七八九十]{1,3}、)/gu,
  /(?<=[。！？；：:])(?=[（(][一二三四五六七八九十]{1,3}[）)])/gu,
];

/** A text of at most this many lines is run-on whatever their length (a report has dozens of paragraphs). */
const FEW_LINES = 3;
/** …but a short note is not a report to take apart. */
const MIN_RUN_ON_CHARS = 400;

export function splitRunOnText(rawLines: readonly string[]): string[] {
  const out: string[] = [];
  const few = rawLines.filter((l) => l.trim() !== '').length <= FEW_LINES;
  for (const line of rawLines) {
    if (line.length < RUN_ON_CHARS && !(few && line.length >= MIN_RUN_ON_CHARS)) {
      out.push(line);
      continue;
    }
    let parts = [line];
    for (const re of BREAKS) parts = parts.flatMap((p) => p.split(re));
    out.push(...parts.filter((p) => p.trim() !== ''));
  }
  return out;
}
