// One question + the assistant's response → correct or not, and why; citation
// precision and recall. The definitions are written out in evals/README.md
// ("Metrics"); keep the two in step.
import { type EvalQuestion, normalizeForMatch } from '../questionSchema.js';
import { answerForMatch, numbersIn, paragraphHasEvidence, textHasFigure, textHasMustInclude, yearsIn } from './evidenceMatch.js';
import { FAILURE_REASONS, type CitationRecord, type FailureReason } from './types.js';

/** The parts of an AskResponse the grader reads (server and in-process alike). */
export interface GradableResponse {
  status: 'answered' | 'no_evidence' | 'error';
  answer: string;
  citations: { marker: number; id: string; reportId: string; text: string; figures: string[] }[];
}

/**
 * What the grader knows about the corpus the question was put to, for the
 * off-target rules: which places the reports are about, and each report's
 * places and years. Without it those rules are skipped.
 */
export interface GradeContext {
  /** Every place a loaded report is about (its place as ingested). */
  places: string[];
  /** Per report id: the places it names itself by (place, city, province) and its years (reviewed, planned, delivered). */
  reports: Map<string, { places: string[]; years: number[] }>;
}

/** Builds the grading context from loaded reports' metadata (in-process corpus or GET /api/reports). */
export function gradeContextFrom(
  reports: { id: string; place: string; city?: string; province?: string; date?: string; reviewYear: number; planYear: number }[],
): GradeContext {
  const places = [...new Set(reports.map((r) => r.place).filter((d) => d.trim() !== ''))];
  const byId = new Map<string, { places: string[]; years: number[] }>();
  for (const r of reports) {
    const delivered = r.date && /^\d{4}/.test(r.date) ? [Number(r.date.slice(0, 4))] : [];
    byId.set(r.id, {
      places: [r.place, r.city, r.province].filter((x): x is string => !!x && x.trim() !== ''),
      years: [...new Set([r.reviewYear, r.planYear, ...delivered])],
    });
  }
  return { places, reports: byId };
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
  /** Places and years (as 2019年) the answer spoke of but the question did not ask about. */
  offTarget: string[];
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

/**
 * must_include strings absent from the answer (both sides through normalizeForMatch;
 * markers and ** ignored). A string with a number must stand whole: `7%` is not
 * found in `17%`, `2亿元` not in `26.12亿元`.
 */
export function missingMustInclude(answer: string, mustInclude: string[]): string[] {
  const text = answerForMatch(answer);
  return mustInclude.filter((item) => !textHasMustInclude(text, item));
}

/**
 * Covered places the answer names although the question did not ask about them:
 * a place of the corpus that is neither in the question (or the places it
 * stands for) nor a place of one of the question's evidence reports. Names
 * contained in an asked name (南山区 in 鹤岗市南山区) are not counted twice.
 */
export function otherPlaces(q: EvalQuestion, answer: string, ctx: GradeContext): string[] {
  const asked = q.evidence.flatMap((e) => ctx.reports.get(e.report)?.places ?? []);
  const question = normalizeForMatch(q.question);
  const text = answerForMatch(answer);
  return ctx.places.filter((p) => {
    const name = normalizeForMatch(p);
    if (!text.includes(name) || question.includes(name)) return false;
    return !asked.some((a) => normalizeForMatch(a).includes(name));
  });
}

/**
 * Years the answer states figures for although the question did not ask about
 * them: a YYYY年 in an answer sentence that also states a number, when the year
 * is not in the question, not a year of an evidence report (reviewed, planned,
 * delivered), and not written in an evidence quote or in a cited evidence
 * paragraph (so quoting “到2025年…” from the right paragraph is fine).
 */
export function otherYears(q: EvalQuestion, answer: string, citations: { text: string; hasEvidence: boolean }[], ctx: GradeContext): number[] {
  const allowed = new Set<number>([
    ...yearsIn(q.question),
    ...q.evidence.flatMap((e) => ctx.reports.get(e.report)?.years ?? []),
    ...q.evidence.flatMap((e) => yearsIn(e.quote)),
    ...citations.filter((c) => c.hasEvidence).flatMap((c) => yearsIn(c.text)),
  ]);
  const out = new Set<number>();
  for (const sentence of answer.split(/[。；;！？!?\n]/)) {
    if (numbersIn(sentence).length === 0) continue;
    for (const y of yearsIn(sentence)) if (!allowed.has(y)) out.add(y);
  }
  return [...out];
}

/** A missing item is a wrong figure when its number is absent while the answer states other numbers. */
function missingReason(item: string, answer: string): FailureReason {
  const wanted = numbersIn(item);
  const stated = new Set(numbersIn(answerForMatch(answer)));
  if (wanted.length > 0 && stated.size > 0 && wanted.some((n) => !stated.has(n))) return 'wrong_figure';
  return 'missing_must_include';
}

export function gradeAnswer(q: EvalQuestion, res: GradableResponse, ctx?: GradeContext): Grade {
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
      offTarget: [],
    };
  }

  // Off-target rules apply to anything answered (a refusal's "the reports cover …" is not checked).
  const places = ctx && res.status === 'answered' ? otherPlaces(q, res.answer, ctx) : [];
  const years =
    ctx && res.status === 'answered' && q.answerable
      ? otherYears(q, res.answer, ordered.map((c) => ({ text: c.text, hasEvidence: paragraphHasEvidence(c, q.evidence) })), ctx)
      : [];
  const offTarget = [...places, ...years.map((y) => `${y}年`)];

  if (!q.answerable) {
    const refused = res.status === 'no_evidence';
    const reasons: FailureReason[] = refused ? [] : ['should_have_refused'];
    if (places.length) reasons.push('other_place');
    return {
      correct: refused,
      falseRefusal: false,
      missing: [],
      reasons,
      citations,
      citationPrecision: null,
      citationRecall: null,
      citationRank: null,
      offTarget,
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
    if (places.length) reasons.push('other_place');
    if (years.length) reasons.push('other_year');
    if (citations.length === 0) reasons.push('no_citation');
    else if (firstEvidence < 0) reasons.push('evidence_not_cited');
  }
  // Strict: every must_include, at least one cited evidence paragraph, and nothing about places or years not asked.
  const correct = res.status === 'answered' && missing.length === 0 && firstEvidence >= 0 && offTarget.length === 0;
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
    offTarget,
  };
}
