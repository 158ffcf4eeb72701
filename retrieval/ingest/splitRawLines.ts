// A report's raw text → its lines, with the noise that copying and converting put
// into the characters themselves taken out before anything reads them:
// - byte-order marks (U+FEFF), at the start or stray inside the text;
// - line breaks written out as the characters `\r\n` (a spreadsheet cell or a JSON
//   string exported as text), which would leave a whole report on one line;
// - bytes after the end: a run of ASCII letters, digits and symbols with no space and
//   no Chinese in it, trailing the last sentence (padding or garbage a scraper kept).
// Nothing else changes here: cleaning a line (cleanText.ts) comes later.

/** Fewer written-out line breaks than this could be a path or an example in the text, not its line ends. */
const MIN_ESCAPED_BREAKS = 3;
/** A trailing run of ASCII this long, without a space, is no sentence of a Chinese report (a URL is chrome too). */
const MIN_JUNK_CHARS = 40;
const ESCAPED_BREAK = /\\r\\n|\\n|\\r/g;

export function splitRawLines(text: string): string[] {
  let s = text.replace(/\ufeff/g, '');
  const escaped = s.match(ESCAPED_BREAK)?.length ?? 0;
  if (escaped >= MIN_ESCAPED_BREAKS) s = s.replace(ESCAPED_BREAK, '\n');
  return withoutTrailingJunk(s).split(/\r\n|\r|\n/);
}

/** The text less a trailing run of ASCII letters, digits and symbols with no space in it. */
function withoutTrailingJunk(s: string): string {
  let end = s.length;
  while (end > 0 && /\s/u.test(s[end - 1])) end--;
  let start = end;
  while (start > 0 && s.charCodeAt(start - 1) > 0x20 && s.charCodeAt(start - 1) < 0x7f) start--;
  return end - start >= MIN_JUNK_CHARS ? s.slice(0, start) : s;
}
