// Streaming only what is verified. Model text arrives in deltas; a sentence is passed on
// once it is complete (the one in progress is held back, as are markers that may still
// follow its full stop) and has passed the checks. The first sentence that fails stops
// the stream: the user sees 核验中 (onHold) until the whole draft is checked, repaired or
// replaced, and then only the rest of the verified final answer — never unchecked text.
import { NORMAL_MARKER, normaliseMarkers } from '../../api/citationMarkers.js';
import { splitAnswerSentences } from './verifyCitations.js';

export interface VerifiedStreamOptions {
  /** True when one sentence passes every check that can be made on it alone. */
  check: (sentence: string) => boolean;
  /** Receives verified text. */
  emit: (delta: string) => void;
  /** Called once when text is being held for verification. */
  onHold?: () => void;
}

export interface VerifiedStream {
  /** A delta of the current round's draft. */
  push(delta: string): void;
  /** The current round's text so far was reasoning, not answer. */
  reset(): void;
  /** A new draft follows (repair round): only sentences the user has not seen yet are passed on. */
  nextRound(): void;
  /** The final verified answer: whatever of it the user has not seen is sent, if it continues what was sent. */
  complete(answer: string): void;
  /** Text sent so far. */
  readonly sent: string;
}

export function createVerifiedStream(options: VerifiedStreamOptions): VerifiedStream {
  let draft = '';
  /** Sentences of this round already handled (sent, or matched what was sent). */
  let done = 0;
  let blocked = false;
  let held = false;
  let sent = '';
  const sentSentences: string[] = [];
  /** Markers renumbered by first appearance, as the final answer's citations are. */
  const renumber = new Map<number, number>();

  const hold = () => {
    blocked = true;
    if (!held) options.onHold?.();
    held = true;
  };
  const send = (text: string) => {
    if (!text) return;
    sent += text;
    options.emit(text);
  };
  const renumbered = (sentence: string) =>
    sentence.replace(NORMAL_MARKER, (_, n: string) => {
      if (!renumber.has(Number(n))) renumber.set(Number(n), renumber.size + 1);
      return `[${renumber.get(Number(n))}]`;
    });

  const advance = () => {
    if (blocked) return;
    const sentences = splitAnswerSentences(normaliseMarkers(draft));
    // The last sentence may still grow, or gain markers after its full stop.
    for (let i = done; i < sentences.length - 1; i++) {
      const sentence = i === 0 ? sentences[i].trimStart() : sentences[i];
      if (i < sentSentences.length) {
        // A repair round repeating what the user has already seen.
        if (renumbered(sentence) !== sentSentences[i]) return hold();
        done = i + 1;
        continue;
      }
      if (!sentence.trim()) {
        done = i + 1;
        continue;
      }
      if (!options.check(sentence)) return hold();
      const out = renumbered(sentence);
      sentSentences.push(out);
      send(out);
      done = i + 1;
    }
  };

  return {
    push(delta) {
      draft += delta;
      advance();
    },
    reset() {
      draft = '';
      // Whatever was sent passed the checks; a new start must repeat it or be held.
      done = 0;
    },
    nextRound() {
      draft = '';
      done = 0;
      // The user waits for the repair: say it is being checked, then stream it like the first.
      hold();
      blocked = false;
    },
    complete(answer) {
      if (answer.startsWith(sent)) send(answer.slice(sent.length));
      else hold();
    },
    get sent() {
      return sent;
    },
  };
}
