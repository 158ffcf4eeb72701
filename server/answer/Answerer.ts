// The answerer seam. Implementations: the offline extractive answerer (default,
// deterministic, no network) and the LLM answerer (any OpenAI-compatible
// endpoint). Both receive the same numbered evidence and must cite it with
// [n] markers; citation enforcement (verifyCitations.ts) checks either one.
import type { Corpus, IndicatorRow, Paragraph, ParsedQuery, QuantityRecord, ReportMeta, Span } from '../../retrieval/types.js';
import type { ChatTurn } from '../api/schemas.js';

/** One numbered source the answer may cite: a whole paragraph. */
export interface Evidence {
  /** The [n] an answer uses to cite this paragraph. */
  marker: number;
  paragraphId: string;
  reportId: string;
  place: string;
  /** Year the report was delivered. */
  year: number;
  /** Section path joined with " › " (封面 for the cover). */
  section: string;
  /** The paragraph's full text, in simplified characters (what answers are checked against). */
  text: string;
  /** The part of the report the paragraph is in (review, plan, cover, other). */
  part?: Paragraph['part'];
  /** The text as written when it differs (traditional script): what the user is shown. Same offsets. */
  original?: string;
  /** PDF reports: the page the paragraph starts on. */
  page?: number;
  /** The passage that matched, within `text`. */
  passage: Span;
  /** Sentences of `text` that matched the question. */
  matched: Span[];
  /** Indicator rows whose figure lies in this paragraph and fits the question. */
  rows: IndicatorRow[];
  /** Quantity records in this paragraph that answer a figure question no indicator row answers. */
  quantities?: QuantityRecord[];
  /** Items of an enumeration in this paragraph's running text that answer a list question, with its intro. */
  list?: { intro: string; items: (Span & { text: string })[] };
  report: ReportMeta;
}

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
