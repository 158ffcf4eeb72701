// Puts every question to the assistant with at most `concurrency` in flight,
// grades each answer as it arrives, and returns the records in question order.
import type { Corpus } from '../../retrieval/public.js';
import type { Ask } from './askAssistant.js';
import { gradeAnswer, gradeContextFrom, type GradeContext } from './gradeAnswer.js';
import type { Progress } from './progressBar.js';
import type { LoadedQuestion, QuestionRecord } from './types.js';

export interface RunQuestionsOptions {
  ask: Ask;
  concurrency: number;
  /** In-process runs rank the search hits; server runs rank the citations. */
  rank?: (q: LoadedQuestion) => number | null;
  progress?: Progress;
  /** The corpus the questions are put to (in-process), for the off-target grading rules. */
  corpus?: Corpus;
  /** Or the grading context directly (server runs: from GET /api/reports). */
  context?: GradeContext;
}

export function gradeContextFromCorpus(corpus: Corpus): GradeContext {
  return gradeContextFrom(corpus.reports.map((r) => r.meta));
}

export function toRecord(lq: LoadedQuestion, result: Awaited<ReturnType<Ask>>, rank: number | null | undefined, context?: GradeContext): QuestionRecord {
  const q = lq.question;
  const grade = gradeAnswer(q, result.response, context);
  return {
    id: q.id,
    set: lq.file,
    category: q.category,
    question: q.question,
    ...(q.history ? { history: q.history } : {}),
    answerable: q.answerable,
    mustInclude: q.must_include,
    evidence: q.evidence,
    status: result.response.status,
    answer: result.response.answer,
    ...(result.mode ? { mode: result.mode } : {}),
    ...(result.model ? { model: result.model } : {}),
    ...(result.notice ? { notice: result.notice } : {}),
    ...(result.error ? { error: result.error } : {}),
    citations: grade.citations,
    correct: grade.correct,
    falseRefusal: grade.falseRefusal,
    missing: grade.missing,
    reasons: grade.reasons,
    ...(grade.offTarget.length ? { offTarget: grade.offTarget } : {}),
    citationPrecision: grade.citationPrecision,
    citationRecall: grade.citationRecall,
    retrievalRank: rank === undefined ? grade.citationRank : rank,
    latencyMs: result.latencyMs,
  };
}

export async function runQuestions(questions: LoadedQuestion[], options: RunQuestionsOptions): Promise<QuestionRecord[]> {
  const records: QuestionRecord[] = new Array(questions.length);
  const context = options.context ?? (options.corpus ? gradeContextFromCorpus(options.corpus) : undefined);
  let next = 0;
  const worker = async () => {
    while (next < questions.length) {
      const i = next++;
      const lq = questions[i];
      const result = await options.ask(lq.question);
      records[i] = toRecord(lq, result, options.rank ? options.rank(lq) : undefined, context);
      options.progress?.tick(lq.question.id);
    }
  };
  const n = Math.max(1, Math.min(options.concurrency, questions.length));
  await Promise.all(Array.from({ length: n }, worker));
  return records;
}
