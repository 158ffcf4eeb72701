// The answerer seam. Implementations: the offline extractive answerer (default,
// deterministic, no network) and the LLM answerer (any OpenAI-compatible
// endpoint). Both receive the same numbered evidence and must cite it with
// [n] markers; citation enforcement (verifyCitations.ts) checks either one.
import type { Corpus, Evidence, ParsedQuery } from '../../retrieval/public.js';
import type { ChatTurn } from '../api/schemas.js';

export interface AnswerContext {
  question: string;
  /** The question as understood, with follow-ups resolved from history. */
  query: ParsedQuery;
  history: ChatTurn[];
  evidence: Evidence[];
  corpus: Corpus;
  signal?: AbortSignal;
}

export interface Draft {
  /** Answer text with [n] markers referring to `AnswerContext.evidence`. */
  text: string;
  status: 'answered' | 'no_evidence';
}

/** What citation enforcement found wrong with a draft, for one repair round. */
export interface RepairRequest {
  previous: string;
  problems: string[];
}

export interface DraftOptions {
  repair?: RepairRequest;
  /** Receives answer text as it is generated. */
  onText?: (delta: string) => void;
  /** The text given to onText so far was not answer after all (reasoning); drop it. */
  onReset?: () => void;
}

export interface Answerer {
  readonly mode: 'extractive' | 'llm';
  /** Shown to users: 离线抽取 or the model id. */
  readonly name: string;
  /** Produces a draft. `onText` receives text as it is generated (streaming). */
  answer(ctx: AnswerContext, options?: DraftOptions): Promise<Draft>;
}
