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
  } = {},
): ReasoningFilter {
  let state: 'start' | 'thinking' | 'answer' = 'start';
  let opened = false;
  let sawReasoning = false;
  let buffer = '';
  let answer = '';
  const out = (s: string) => {
    if (!s) return;
    if (answer === '') s = s.replace(/^\s+/, '');
    if (!s) return;
    if (!opened) {
      // Never opened: a </think> anywhere means all before it was reasoning.
      const all = answer + s;
      const end = all.lastIndexOf(CLOSE);
      if (end >= 0) {
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
      }
      const end = buffer.indexOf(CLOSE);
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
      if (!opened && options.holdUnopened && answer) emit(answer);
      return answer;
    },
    get sawReasoning() {
      return sawReasoning;
    },
  };
}
