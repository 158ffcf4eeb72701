// One question + the assistant's response → correct or not, and why; citation
// precision and recall. The definitions are written out in evals/README.md
// ("Metrics"); keep the two in step.
import type { EvalQuestion } from '../questionSchema.js';
import { normalizeForMatch } from '../questionSchema.js';
import { answerForMatch, numbersIn, paragraphHasEvidence, textHasFigure } from './evidenceMatch.js';
import { FAILURE_REASONS, type CitationRecord, type FailureReason } from './types.js';

/** The parts of an AskResponse the grader reads (server and in-process alike). */
export interface GradableResponse {
  status: 'answered' | 'no_evidence' | 'error';
  answer: string;
  citations: { marker: number; id: string; reportId: string; text: string; figures: string[] }[];
}

export interface Grade {
  correct: boolean;
  falseRefusal: boolean;
  missing: string[];
  reasons: FailureReason[];
  citations: CitationRecord[];
  citationPrecision: number | null;
  citationRecall: number | null;
  /** 1-based position (in marker order) of the first citation whose paragraph holds an evidence quote. */
  citationRank: number | null;
}

/**
 * A citation is precise when its paragraph contains one of the question's
 * evidence quotes, or when it backs a figure the answer states: it lists at least
 * one figure, every figure it lists stands in its paragraph, and at least one of
 * them stands in the answer.
 */
export function isPreciseCitation(
  citation: { reportId: string; text: string; figures: string[] },
  evidence: EvalQuestion['evidence'],
  answer: string,
): boolean {
  if (paragraphHasEvidence(citation, evidence)) return true;
  const figures = citation.figures.filter((f) => f.trim() !== '');
  if (figures.length === 0) return false;
  return figures.every((f) => textHasFigure(citation.text, f)) && figures.some((f) => textHasFigure(answerForMatch(answer), f));
}

/** must_include strings absent from the answer (both sides through normalizeForMatch; markers and ** ignored). */
export function missingMustInclude(answer: string, mustInclude: string[]): string[] {
  const text = answerForMatch(answer);
  return mustInclude.filter((item) => !text.includes(normalizeForMatch(item)));
}

/** A missing item is a wrong figure when its number is absent while the answer states other numbers. */
function missingReason(item: string, answer: string): FailureReason {
  const wanted = numbersIn(item);
  const stated = new Set(numbersIn(answerForMatch(answer)));
  if (wanted.length > 0 && stated.size > 0 && wanted.some((n) => !stated.has(n))) return 'wrong_figure';
  return 'missing_must_include';
}

export function gradeAnswer(q: EvalQuestion, res: GradableResponse): Grade {
  const ordered = [...res.citations].sort((a, b) => a.marker - b.marker);
  const citations: CitationRecord[] = ordered.map((c) => ({
    marker: c.marker,
    id: c.id,
    reportId: c.reportId,
    figures: c.figures,
    hasEvidence: paragraphHasEvidence(c, q.evidence),
    precise: q.answerable ? isPreciseCitation(c, q.evidence, res.answer) : false,
  }));
  const firstEvidence = citations.findIndex((c) => c.hasEvidence);
  const citationRank = q.answerable && firstEvidence >= 0 ? firstEvidence + 1 : null;

  if (res.status === 'error') {
    return {
      correct: false,
      falseRefusal: false,
      missing: q.must_include,
      reasons: ['error'],
      citations,
      citationPrecision: null,
      citationRecall: q.answerable ? 0 : null,
      citationRank,
    };
  }

  if (!q.answerable) {
    const refused = res.status === 'no_evidence';
    return {
      correct: refused,
      falseRefusal: false,
      missing: [],
      reasons: refused ? [] : ['should_have_refused'],
      citations,
      citationPrecision: null,
      citationRecall: null,
      citationRank: null,
    };
  }

  const reasons: FailureReason[] = [];
  let missing: string[] = [];
  if (res.status === 'no_evidence') {
    reasons.push('false_refusal');
    missing = [...q.must_include];
  } else {
    missing = missingMustInclude(res.answer, q.must_include);
    for (const item of missing) {
      const why = missingReason(item, res.answer);
      if (!reasons.includes(why)) reasons.push(why);
    }
    if (citations.length === 0) reasons.push('no_citation');
    else if (firstEvidence < 0) reasons.push('evidence_not_cited');
  }
  const correct = res.status === 'answered' && missing.length === 0;
  reasons.sort((a, b) => FAILURE_REASONS.indexOf(a) - FAILURE_REASONS.indexOf(b));
  return {
    correct,
    falseRefusal: res.status === 'no_evidence',
    missing,
    reasons,
    citations,
    citationPrecision: citations.length ? citations.filter((c) => c.precise).length / citations.length : null,
    citationRecall: firstEvidence >= 0 ? 1 : 0,
    citationRank,
  };
}
