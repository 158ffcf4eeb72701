// A web page may print a report twice (a summary view and the full text, or the
// cover in a header and again above the text), and a paste may repeat a
// paragraph. A report never says the same sentence twice word for word, so a
// repeated block is read once: the first copy stays, later copies go, headings
// inside them too (a second copy's headings would open empty sections).

/** A single repeated line counts when it is a sentence this long, not a short phrase a report may well repeat. */
const MIN_PROSE_CHARS = 40;
/** A run of repeated lines counts from two lines holding this many characters (a title and its date line). */
const MIN_RUN_CHARS = 24;

export function dropRepeatedText(lines: readonly string[]): string[] {
  const first = new Map<string, number>();
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    const j = first.get(lines[i]);
    if (j !== undefined) {
      let run = 0;
      let chars = 0;
      while (i + run < lines.length && j + run < i && lines[i + run] === lines[j + run]) chars += lines[i + run++].length;
      const prose = run === 1 && lines[i].length >= MIN_PROSE_CHARS && /[。！？；]/u.test(lines[i]);
      if (prose || (run >= 2 && chars >= MIN_RUN_CHARS)) {
        i += run;
        continue;
      }
    } else {
      first.set(lines[i], i);
    }
    out.push(lines[i]);
    i++;
  }
  return out;
}
