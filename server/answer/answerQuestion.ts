// The answer pipeline: prepare evidence → draft (LLM if configured, else
// offline) → enforce citations → one repair round → offline fallback with a
// notice. No unchecked model text ever becomes the final answer.
import { type Corpus, corpusFor, deliveredYear, knownPlacesOf, prepareEvidence, type QuantityRecord } from '../../retrieval/public.js';
import type { AskRequest, AskResponse } from '../api/schemas.js';
import type { AnswerContext, Answerer, Draft } from './Answerer.js';
import { buildCitations } from './buildCitations.js';
import { composeNoEvidenceAnswer } from './offline/composeNoEvidenceAnswer.js';
import { answerLanguageOf } from './offline/english.js';
import { createOfflineAnswerer } from './offline/offlineAnswerer.js';
import { languageProblem } from './verify/answerLanguage.js';
import { conflictNote, withRivalSources } from './verify/sourceConflicts.js';
import { createVerifiedStream } from './verify/verifiedStream.js';
import { createDraftVerifier, type DraftVerifier, verifyCitations, type Verification, type VerifyContext } from './verify/verifyCitations.js';

export interface AnswerDeps {
  corpus: Corpus;
  /** The model answerer, when one is configured; the offline answerer is always there. */
  llm?: Answerer;
  /** The offline answerer, called through the same interface as the model one (default: createOfflineAnswerer()). */
  offline?: Answerer;
  /** Where failures are reported (once per kind per minute). */
  log?: (message: string) => void;
}

export interface AskOptions {
  /**
   * Receives answer text as it is produced, verified sentence by sentence: a model's
   * unverified text never reaches it. The final answer is in the result.
   */
  onText?: (delta: string) => void;
  /** Called when text is held back for verification (a sentence failed, or a repair round runs). */
  onVerifying?: () => void;
  signal?: AbortSignal;
}

const defaultOffline = createOfflineAnswerer();

const NOTICE = {
  unavailable: '模型服务暂不可用，以下为离线抽取的答案。',
  unverified: '模型的回答未通过引用核验，以下为离线抽取的答案。',
  tooLong: '模型的回答超出长度上限，已停止生成，以下为离线抽取的答案。',
};

export async function answerQuestion(deps: AnswerDeps, req: AskRequest, options: AskOptions = {}): Promise<AskResponse> {
  // In a database, the reports this question may be answered from; in memory, the corpus itself.
  const corpus = await corpusFor(deps.corpus, { question: req.question, history: req.history ?? [], filters: req.filters ?? {} });
  const prepared = prepareEvidence(corpus, req.question, req.history ?? [], req.filters ?? {});
  const ctx: AnswerContext = {
    question: req.question,
    query: prepared.query,
    history: req.history ?? [],
    // Another report of the same place and year stating a figure differently is evidence too.
    evidence: withRivalSources(corpus, prepared.evidence),
    corpus,
    signal: options.signal,
  };
  const t0 = performance.now();
  const timings = () => ({ retrieveMs: round(prepared.retrieveMs), generateMs: round(performance.now() - t0) });

  const context = verifyContext(ctx);
  // Offline answers are built from the sources and sent whole; model text goes through the gate,
  // each unit checked once as it completes (the last round's checks are the draft's verification).
  const stream =
    options.onText && deps.llm && ctx.evidence.length > 0
      ? createVerifiedStream({
          start: () => createDraftVerifier(ctx.evidence, context),
          accept: (c) => !languageProblem(ctx.question, c.unit.text),
          emit: options.onText,
          onHold: options.onVerifying,
        })
      : undefined;
  const deliver = (res: AskResponse): AskResponse => {
    if (stream) stream.complete(res.answer);
    else options.onText?.(res.answer);
    return res;
  };

  // The offline answerer goes through the same seam as a model (deps.offline in tests); its text
  // is delivered whole once verified, whether it answers or stands in for a failed model.
  const offlineAnswerer = deps.offline ?? defaultOffline;
  const offline = async (notice?: string): Promise<AskResponse> => {
    const draft = await offlineAnswerer.answer(ctx, {});
    return deliver(finish(ctx, draft, verifyCitations(draft.text, ctx.evidence, context), { mode: 'extractive', notice, timings: timings() }));
  };

  if (!deps.llm || ctx.evidence.length === 0) return offline();

  const streaming = stream ? { onText: stream.push, onReset: stream.reset } : {};
  try {
    let draft = await deps.llm.answer(ctx, streaming);
    let check = checkDraft(draft, ctx, stream?.round, context);
    if (!check.ok) {
      stream?.nextRound();
      draft = await deps.llm.answer(ctx, { repair: { previous: draft.text, problems: check.problems }, ...streaming });
      const second = checkDraft(draft, ctx, stream?.round, context);
      if (!second.ok) {
        logOnce(deps, 'unverified', `model answer failed citation checks twice: ${second.problems.join(' | ').slice(0, 300)}`);
        return offline(NOTICE.unverified);
      }
      check = second;
    }
    return deliver(finish(ctx, draft, check, { mode: 'llm', model: deps.llm.name, timings: timings() }));
  } catch (e) {
    if (options.signal?.aborted) throw e;
    const kind = (e as { kind?: string }).kind ?? 'error';
    logOnce(deps, kind, `model endpoint failed: ${(e as Error).message}`);
    // An answer past the length bound is no answer (a loop, padding): neither shown nor repaired.
    return offline(kind === 'too_long' ? NOTICE.tooLong : NOTICE.unavailable);
  }
}

/** What the checks need to know besides the evidence: the question's places and year, the corpus's places and records. */
export function verifyContext(ctx: AnswerContext): VerifyContext {
  const chosen = ctx.query.year === undefined ? [] : ctx.query.reportIds.map((id) => ctx.corpus.reportById.get(id)?.meta).filter((m) => m !== undefined);
  return {
    places: ctx.query.places,
    reportYears: chosen.length ? [...new Set(chosen.map(deliveredYear))] : undefined,
    knownPlaces: knownPlacesOf(ctx.corpus),
    recordsOf: recordsByParagraph(ctx.corpus.quantities),
  };
}

const recordIndex = new WeakMap<readonly QuantityRecord[], Map<string, QuantityRecord[]>>();
/** The records of a paragraph, indexed once per corpus state (the records array is replaced when reports change). */
function recordsByParagraph(records: readonly QuantityRecord[]): (paragraphId: string) => readonly QuantityRecord[] {
  let index = recordIndex.get(records);
  if (!index) {
    index = new Map();
    for (const r of records) {
      const list = index.get(r.paragraphId);
      if (list) list.push(r);
      else index.set(r.paragraphId, [r]);
    }
    recordIndex.set(records, index);
  }
  const found = index;
  return (id) => found.get(id) ?? [];
}

/**
 * Citation checks plus what only a whole draft shows: an answer must cite something (or
 * honestly say it found nothing), in the question's language.
 */
export function checkDraft(draft: Draft, ctx: AnswerContext, streamed?: DraftVerifier, context: VerifyContext = verifyContext(ctx)): Verification {
  // The streamed round read exactly this draft: its units were checked as they came.
  const v = streamed && streamed.text.trim() === draft.text ? streamed.result() : verifyCitations(draft.text, ctx.evidence, context);
  const problems = [...v.problems];
  if (draft.status === 'answered' && v.markers.length === 0 && v.problems.length === 0) {
    problems.push('回答没有引用任何段落：每个事实都要用 [n] 标注来源；若资料中没有答案，请直接说明报告中没有找到。');
  }
  const language = languageProblem(ctx.question, draft.text);
  if (language) problems.push(language);
  return { ...v, ok: problems.length === 0, problems };
}

function finish(
  ctx: AnswerContext,
  draft: Draft,
  check: Verification,
  extra: { mode: 'extractive' | 'llm'; model?: string; notice?: string; timings: AskResponse['timings'] },
): AskResponse {
  const noEvidence = draft.status === 'no_evidence' || check.markers.length === 0;
  // A draft that claimed an answer but kept nothing cited after the checks is a refusal: what was
  // removed is never shown (it is listed in `removed`), and the user is told plainly instead.
  const refused = draft.status === 'answered' && noEvidence;
  // Sources that disagree on a figure the answer uses: it says so, citing each.
  const note = noEvidence ? '' : conflictNote(check.text, ctx.evidence, answerLanguageOf(ctx.question));
  const { answer, citations } = !noEvidence
    ? buildCitations(note ? `${check.text}\n\n${note}` : check.text, ctx.evidence)
    : { answer: refused ? composeNoEvidenceAnswer(ctx.corpus, ctx.query, ctx.question, answerLanguageOf(ctx.question)) : check.text || draft.text, citations: [] };
  return {
    status: noEvidence ? 'no_evidence' : 'answered',
    answer: noEvidence ? answer.replace(/\[\d{1,3}\]/g, '') : answer,
    citations,
    mode: extra.mode,
    ...(extra.mode === 'llm' ? { model: extra.model } : {}),
    verified: check.ok,
    ...(extra.notice ? { notice: extra.notice } : {}),
    removed: check.removed,
    timings: extra.timings,
  };
}

const lastLogged = new Map<string, number>();
/** A dead endpoint would otherwise log on every request. */
function logOnce(deps: AnswerDeps, kind: string, message: string): void {
  const now = Date.now();
  if ((lastLogged.get(kind) ?? 0) > now - 60_000) return;
  lastLogged.set(kind, now);
  (deps.log ?? console.warn)(`[answer] ${message}`);
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

