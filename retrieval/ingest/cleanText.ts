// Normalises a report's raw text without changing what it says: full-width
// digits and letters become ASCII, layout artefacts (markdown bold, Word
// bookmarks, LaTeX-ish subscripts, spaced-out characters) disappear, and so do
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

export function cleanLine(line: string): string {
  let s = line.replace(/[\u00a0\u3000\t]/g, ' ').replace(PLACEHOLDER, ' ');
  s = s.replace(/\[bookmark:[^\]]*\]/g, '');
  s = s.replace(/\*\*/g, '');
  s = s.replace(/_\{([^}]*)\}/g, '$1'); // PM_{2.5} → PM2.5
  s = toHalfWidth(s);
  // Spaces next to a CJK character or CJK punctuation are typesetting, not words:
  // "政 府 工 作 报 告", "2024 年", "1.7 亿元". Spaces between two Latin words stay.
  const around = new RegExp(`\\s+(?=[${CJK}${CJK_PUNCT}])|(?<=[${CJK}${CJK_PUNCT}])\\s+`, 'gu');
  s = s.replace(around, '');
  s = s.replace(/(\d)\s+(?=[%.]\d*)/g, '$1').replace(/(\d\.)\s+(?=\d)/g, '$1');
  return s.trim();
}

/** Splits raw text into cleaned, non-empty lines. */
export function cleanLines(text: string): string[] {
  return text
    .replace(/^\ufeff/, '')
    .split(/\r\n|\r|\n/)
    .map(cleanLine)
    .filter((l) => l.length > 0);
}
