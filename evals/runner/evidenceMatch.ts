// Text comparisons the grader makes between evidence quotes, paragraphs,
// answers and figures. Quotes were copied from raw seed lines (they may hold
// spaces, ％, full-width digits); paragraphs were cleaned at ingestion. Both
// sides are folded the same way before comparing.
import { normalizeForMatch } from '../questionSchema.js';

/**
 * Folds text for containment checks: drops markdown `**`, Word bookmarks,
 * `_{…}` subscripts and `??` encoding placeholders (as ingestion does), converts
 * full-width ASCII to half-width and removes all whitespace.
 */
export function normaliseEvidenceText(text: string): string {
  return normalizeForMatch(
    text
      .replaceAll('**', '')
      .replace(/\?{2,}/g, '')
      .replace(/\[bookmark:[^\]]*\]/g, '')
      .replace(/_\{([^}]*)\}/g, '$1'),
  );
}

export interface EvidenceQuote {
  report: string;
  quote: string;
}

/** A paragraph of `reportId` contains one of the quotes given for that report. */
export function paragraphHasEvidence(paragraph: { reportId: string; text: string }, evidence: EvidenceQuote[]): boolean {
  if (evidence.length === 0) return false;
  const text = normaliseEvidenceText(paragraph.text);
  return evidence.some((e) => e.report === paragraph.reportId && text.includes(normaliseEvidenceText(e.quote)));
}

/** Answer text as graded: citation markers [n] and markdown bold removed. */
export function answerForMatch(answer: string): string {
  return normalizeForMatch(answer.replace(/\[\d{1,3}\]/g, '').replaceAll('**', ''));
}

/**
 * The numbers written in a string, e.g. "199个, 155亿元" → ["199", "155"].
 * Years (2024年) and citation markers ([1]) are not figures and are skipped.
 */
export function numbersIn(text: string): string[] {
  const folded = normalizeForMatch(text)
    .replace(/\[\d{1,3}\]/g, ' ')
    .replace(/(?<![\d.])(?:19|20)\d\d(?=年)/g, ' ')
    .replace(/(?<=\d),(?=\d{3})/g, '');
  return [...folded.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]);
}

/**
 * `figure` (e.g. "7%", "26.12亿元") stands in `text` as a whole figure: after
 * folding, it occurs with no digit or decimal point directly before it and, when
 * it ends in a digit, no digit or decimal digit after it. So "7%" is not found in
 * "17%", and "7" is not found in "7.5".
 */
export function textHasFigure(text: string, figure: string): boolean {
  const hay = normaliseEvidenceText(text).replace(/(?<=\d),(?=\d{3})/g, '');
  const needle = normaliseEvidenceText(figure).replace(/(?<=\d),(?=\d{3})/g, '');
  if (!needle) return false;
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const tail = /\d$/.test(needle) ? '(?!\\d|\\.\\d)' : '';
  return new RegExp(`(?<![\\d.])${escaped}${tail}`).test(hay);
}

/**
 * A must_include string stands in a text whole: the same folding as
 * `textHasFigure`, so a string that starts or ends with a number must not
 * continue a longer number ("7%左右" is not found in "17%左右", "2亿元" not in
 * "26.12亿元"). Strings without digits are plain substrings.
 */
export function textHasMustInclude(text: string, item: string): boolean {
  const hay = normalizeForMatch(text);
  const needle = normalizeForMatch(item);
  if (!needle) return false;
  if (!/\d/.test(needle)) return hay.includes(needle);
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const head = /^\d/.test(needle) ? '(?<![\\d.])' : '';
  const tail = /\d$/.test(needle) ? '(?!\\d|\\.\\d)' : '';
  return new RegExp(`${head}${escaped}${tail}`).test(hay);
}

/** Years written as YYYY年 (1949–2099) in a text, e.g. "2023年和2024年" → [2023, 2024]. */
export function yearsIn(text: string): number[] {
  return [...normalizeForMatch(text).matchAll(/(?<!\d)(19[4-9]\d|20\d\d)(?=年)/g)].map((m) => Number(m[1]));
}
