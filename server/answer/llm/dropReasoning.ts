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
  let buffer = '';
  /** Where the search for </think> in `buffer` resumes: each character is looked at once, however long the reasoning. */
  let searched = 0;
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
      const tail = answer.slice(-(CLOSE.length - 1));
      const at = (tail + s).lastIndexOf(CLOSE);
      if (at >= 0) {
        const all = answer + s;
        const end = answer.length - tail.length + at;
        opened = true;
        sawReasoning = true;
        if (answer !== '' && !options.holdUnopened) reset();
        answer = all.slice(end + CLOSE.length).replace(/^\s+/, '');
        if (answer) emit(answer);
        return;
      }
      if (options.holdUnopened) {
        answer += s;
        return;
      }
    }
    answer += s;
    emit(s);
  };
  return {
    push(delta) {
      if (overflowed) return;
      if (state === 'answer') return out(delta);
      buffer += delta;
      if (state === 'start') {
        const lead = buffer.trimStart();
        if (lead.length < OPEN.length && OPEN.startsWith(lead)) return; // undecided yet
        if (!lead.startsWith(OPEN)) {
          state = 'answer';
          const b = buffer;
          buffer = '';
          return out(b);
        }
        state = 'thinking';
        opened = true;
        buffer = lead.slice(OPEN.length);
        searched = 0;
      }
      const end = buffer.indexOf(CLOSE, searched);
      searched = Math.max(0, buffer.length - CLOSE.length + 1);
      if (end < 0 && buffer.length > maxReasoning) {
        overflowed = true;
        buffer = '';
        return;
      }
      if (end >= 0) {
        state = 'answer';
        sawReasoning = true;
        const rest = buffer.slice(end + CLOSE.length);
        buffer = '';
        out(rest);
      }
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
