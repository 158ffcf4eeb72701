// Reasoning models put their thinking into the answer text: deepseek-r1 and qwen3 send
// <think>…</think>answer, and a chat template that opens <think> in the prompt makes the
// model send only reasoning…</think>answer. Neither part before </think> is answer: it
// holds other years' figures and half-formed claims, and must reach neither the user nor
// the verifier. (reasoning_content / reasoning stream fields never become text parts.)

export interface ReasoningFilter {
  /** Feeds one streamed delta. */
  push(delta: string): void;
  /** The answer text once the stream is done; an unterminated <think> block counts as no answer. */
  finish(): string;
  /** True once a </think> was seen: this model reasons, so its next answers may start with reasoning too. */
  readonly sawReasoning: boolean;
  /** The answer ran past `maxAnswerChars`: what is kept is cut there. */
  readonly overflowed: boolean;
}

const OPEN = '<think>';
const CLOSE = '</think>';

/**
 * `emit` receives answer text as it is recognised; `reset` says the text emitted so far was
 * reasoning after all (an unopened …</think> turned up), so a consumer drops what it holds.
 */
export function dropReasoning(
  emit: (delta: string) => void,
  reset: () => void = () => {},
  options: {
    /**
     * Emit nothing of an unopened text until its </think> or its end: for a model known to
     * reason, whose reasoning could otherwise pass sentence checks and be shown.
     */
    holdUnopened?: boolean;
    /** Answer text past this many characters is neither kept nor emitted, and `overflowed` is set. */
    maxAnswerChars?: number;
    /** The same for reasoning (a <think> block, or unopened text of a model known to reason). */
    maxReasoningChars?: number;
  } = {},
): ReasoningFilter {
  let state: 'start' | 'thinking' | 'answer' = 'start';
  let opened = false;
  let sawReasoning = false;
  /** The text before it is known whether it opens with <think>. */
  let buffer = '';
  /**
   * The last characters seen, where a </think> may have begun: each delta is searched with
   * them and nothing older, so a long stream is read in linear time (searching a string
   * built by appending copies all of it).
   */
  let thinkTail = '';
  let thinkLength = 0;
  let answerTail = '';
  let answer = '';
  let overflowed = false;
  const maxAnswer = options.maxAnswerChars ?? Infinity;
  const maxReasoning = Math.max(maxAnswer, options.maxReasoningChars ?? Infinity);
  const out = (s: string) => {
    if (!s || overflowed) return;
    if (answer === '') s = s.replace(/^\s+/, '');
    if (!s) return;
    // Unopened text of a model known to reason may still be reasoning: it gets the reasoning bound.
    const max = !opened && options.holdUnopened ? maxReasoning : maxAnswer;
    if (answer.length + s.length > max) {
      // Keep one character past the bound: enough to know it was passed, nothing more to check.
      s = s.slice(0, Math.max(0, max + 1 - answer.length));
      overflowed = true;
    }
    if (!opened) {
      // Never opened: a </think> anywhere means all before it was reasoning. Only the new text
      // (and the end of the old, where a </think> may have begun) can hold a new one.
      const at = (answerTail + s).lastIndexOf(CLOSE);
      if (at >= 0) {
        const all = answer + s;
        const end = answer.length - answerTail.length + at;
        opened = true;
        sawReasoning = true;
        if (answer !== '' && !options.holdUnopened) reset();
        answer = all.slice(end + CLOSE.length).replace(/^\s+/, '');
        answerTail = answer.slice(-(CLOSE.length - 1));
        if (answer) emit(answer);
        return;
      }
    }
    answer += s;
    answerTail = (answerTail + s).slice(-(CLOSE.length - 1));
    if (!opened && options.holdUnopened) return;
    emit(s);
  };
  /** Reasoning inside <think>: only its length and its last characters are kept. */
  const think = (delta: string) => {
    const window = thinkTail + delta;
    const at = window.indexOf(CLOSE);
    if (at >= 0) {
      state = 'answer';
      sawReasoning = true;
      thinkTail = '';
      return out(window.slice(at + CLOSE.length));
    }
    thinkLength += delta.length;
    if (thinkLength > maxReasoning) overflowed = true;
    thinkTail = window.slice(-(CLOSE.length - 1));
  };
  return {
    push(delta) {
      if (overflowed) return;
      if (state === 'answer') return out(delta);
      if (state === 'thinking') return think(delta);
      buffer += delta;
      const lead = buffer.trimStart();
      if (lead.length < OPEN.length && OPEN.startsWith(lead)) return; // undecided yet
      buffer = '';
      if (!lead.startsWith(OPEN)) {
        state = 'answer';
        return out(lead);
      }
      state = 'thinking';
      opened = true;
      think(lead.slice(OPEN.length));
    },
    finish() {
      if (state === 'start' && buffer) {
        const b = buffer;
        buffer = '';
        out(b);
      }
      // Never opened, never closed: all of it was answer, held to the answer's bound.
      if (!opened && answer.length > maxAnswer) {
        overflowed = true;
        answer = answer.slice(0, maxAnswer + 1);
      }
      if (!opened && options.holdUnopened && answer && !overflowed) emit(answer);
      return answer;
    },
    get sawReasoning() {
      return sawReasoning;
    },
    get overflowed() {
      return overflowed;
    },
  };
}
