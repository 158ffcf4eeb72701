// Schema for one line of an evaluation question set (`evals/*.jsonl`).
// See evals/README.md for the meaning of each field and the rules the
// checker (test/evals/evalQuestions.test.ts) enforces on top of this shape.
import { toSimplified } from '../retrieval/public.js';
import { z } from 'zod';

export const EVAL_CATEGORIES = [
  'target', // plan-year targets (主要预期目标 and other numbers the report plans for)
  'actual', // reviewed-year outcomes (the report's 工作回顾)
  'meta', // who delivered the report, when, at which congress session
  'list', // enumerations: section headings, the set of targets …
  'compare', // two places or two years side by side
  'open', // descriptive "what did X do about Y"
  'refusal', // the reports cannot answer it; the assistant must say so
  'followup', // needs the conversation `history` to be understood
] as const;
export type EvalCategory = (typeof EVAL_CATEGORIES)[number];

/** lower-case words of letters/digits joined by single hyphens, e.g. `hongqi-2024-target-gdp`. */
export const EVAL_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A report id is the seed file name without `.txt`, e.g. `huiji-2024`. */
export const REPORT_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const EvidenceSchema = z.strictObject({
  /** Seed file name without extension: `seeds/<report>.txt`. */
  report: z.string().regex(REPORT_ID_PATTERN),
  /** Exact substring of one line of the seed file after removing `**`. */
  quote: z.string().min(1),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const ChatTurnSchema = z.strictObject({
  role: z.enum(['user', 'assistant']),
  content: z.string().trim().min(1),
});
export type ChatTurn = z.infer<typeof ChatTurnSchema>;

export const EvalQuestionSchema = z.strictObject({
  id: z.string().regex(EVAL_ID_PATTERN),
  question: z.string().trim().min(1),
  category: z.enum(EVAL_CATEGORIES),
  /** false: the reports do not contain the answer; the assistant must decline. */
  answerable: z.boolean(),
  /** Short strings a correct answer must contain (compare with `normalizeForMatch`). */
  must_include: z.array(z.string().trim().min(1)),
  evidence: z.array(EvidenceSchema),
  /** Earlier turns of the conversation, oldest first (followup questions only). */
  history: z.array(ChatTurnSchema).optional(),
});
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/** The only normalisation applied to a seed line before looking for a quote in it. */
export function stripMarkdown(line: string): string {
  return line.replaceAll('**', '');
}

/**
 * Normalisation for comparing short strings (must_include against quotes, or
 * against a model's answer): full-width ASCII (U+FF01–U+FF5E) becomes
 * half-width, and all whitespace (incl. the ideographic space U+3000) is
 * removed, so `１．７ 亿元`, `1.7 亿元` and `1.7亿元` compare equal, as do
 * `（一）` and `(一)`, `％` and `%`, `，` and `,`.
 */
export function normalizeForMatch(text: string): string {
  // 黃啟明 and 黄启明 are one name: answers are read in simplified characters, as questions are.
  return toSimplified(text)
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '');
}
