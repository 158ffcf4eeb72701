// Normalises a report's raw text without changing what it says: full-width
// digits and letters become ASCII, layout artefacts (markdown bold, Word
// bookmarks, LaTeX-ish subscripts, spaced-out characters, private-use and zero-width
// characters) disappear, and so do
// runs of "?" that a lossy re-encoding left where a web page had non-breaking or
// ideographic spaces (县长????某某).
// Punctuation is kept as written: it is part of the display text users read.

const CJK = '\\p{Script=Han}';
const CJK_PUNCT = '，。；：！？、“”‘’（）《》【】—…·';

export function toHalfWidth(s: string): string {
  // Full-width ASCII block (！..～) maps 1:1 onto ASCII; only letters, digits, % and . are
  // converted so that Chinese punctuation (，：；) keeps its display form.
  return s.replace(/[０-９Ａ-Ｚａ-ｚ％．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Two or more ASCII question marks: an encoding's placeholder for characters it could not write, never prose. */
const PLACEHOLDER = /\?{2,}/g;

const DIGIT = '[0-9０-９]';
const SPACE_IN_NUMBER = new RegExp(`(${DIGIT})\\s+(?=[%.％．]${DIGIT}*)`, 'gu');
const SPACE_AFTER_POINT = new RegExp(`(${DIGIT}[.．])\\s+(?=${DIGIT})`, 'gu');

/** The line cleaned and its full-width digits and letters made ASCII: the form ingestion reads. */
export function cleanLine(line: string): string {
  return toHalfWidth(cleanLineAsWritten(line));
}

/**
 * The line cleaned of layout noise, its characters' width as written (１２．３％ stays): the
 * form paragraphs are shown in. Width folding maps one character to one, so this and
 * cleanLine() have the same length and offsets.
 */
export function cleanLineAsWritten(line: string): string {
  let s = line.replace(/[\u00a0\u3000\t]/g, ' ').replace(PLACEHOLDER, ' ');
  // Private-use glyphs (a web page's icon font, a PDF's unmapped symbols) and zero-width
  // characters are no text: one before "(七)" hid the heading it opened.
  s = s.replace(/[\ue000-\uf8ff\u200b-\u200d\u2060\ufeff]/gu, '');
  s = s.replace(/\[bookmark:[^\]]*\]/g, '');
  s = s.replace(/\*\*/g, '');
  s = s.replace(/_\{([^}]*)\}/g, '$1'); // PM_{2.5} → PM2.5
  // Spaces next to a CJK character or CJK punctuation are typesetting, not words:
  // "政 府 工 作 报 告", "2024 年", "1.7 亿元". Spaces between two Latin words stay.
  const around = new RegExp(`\\s+(?=[${CJK}${CJK_PUNCT}])|(?<=[${CJK}${CJK_PUNCT}])\\s+`, 'gu');
  s = s.replace(around, '');
  s = s.replace(SPACE_IN_NUMBER, '$1').replace(SPACE_AFTER_POINT, '$1');
  return s.trim();
}

/** Splits raw text into cleaned, non-empty lines (`asWritten`: widths as written, for display). */
export function cleanLines(text: string, asWritten = false): string[] {
  return text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map(asWritten ? cleanLineAsWritten : cleanLine)
    .filter((l) => l.length > 0);
}
