// Streaming only what is verified. Model text arrives in deltas; each round's draft is read
// by a draft verifier (verifyCitations.ts), which cuts it into units — sentences, headings,
// table rows — and checks each once, when it is complete (the sentence in progress is held
// back, as are markers that may still follow its full stop). A unit that passed is passed on;
// the first that fails stops the stream: the user sees 核验中 (onHold) until the whole draft
// is checked, repaired or replaced, and then only the rest of the verified final answer —
// never unchecked text. The verifier of the last round is the draft's verification, so no
// unit is checked twice.
import { NORMAL_MARKER } from '../../api/citationMarkers.js';
import type { CheckedUnit } from './verifyCitations.js';
import { orderMarkerRuns } from './orderMarkerRuns.js';

/** Reads one round's draft unit by unit and checks each unit once (a DraftVerifier). */
export interface UnitChecker {
  push(delta: string): CheckedUnit[];
}

export interface VerifiedStreamOptions<V extends UnitChecker> {
  /** A checker for a new round's draft. */
  start: () => V;
  /** Checks a unit must pass besides the checker's (the answer's language). */
  accept?: (unit: CheckedUnit) => boolean;
  /** Receives verified text. */
  emit: (delta: string) => void;
  /** Called once when text is being held for verification. */
  onHold?: () => void;
}

export interface VerifiedStream<V extends UnitChecker> {
  /** A delta of the current round's draft. */
  push(delta: string): void;
  /** The current round's text so far was reasoning, not answer. */
  reset(): void;
  /** A new draft follows (repair round): only units the user has not seen yet are passed on. */
  nextRound(): void;
  /** The final verified answer: whatever of it the user has not seen is sent, if it continues what was sent. */
  complete(answer: string): void;
  /** The checker of the current round: what it read and found. */
  readonly round: V;
  /** Text sent so far. */
  readonly sent: string;
}

export function createVerifiedStream<V extends UnitChecker>(options: VerifiedStreamOptions<V>): VerifiedStream<V> {
  let round = options.start();
  /** Units of this round handled (sent, or matched what was sent). */
  let done = 0;
  let blocked = false;
  let held = false;
  let sent = '';
  const sentUnits: string[] = [];
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
  const renumbered = (text: string) =>
    orderMarkerRuns(
      text.replace(NORMAL_MARKER, (_, n: string) => {
        if (!renumber.has(Number(n))) renumber.set(Number(n), renumber.size + 1);
        return `[${renumber.get(Number(n))}]`;
      }),
    );

  const take = (units: CheckedUnit[]) => {
    for (const c of units) {
      if (blocked) return;
      const written = c.unit.prefix + c.unit.body + c.unit.newline;
      const text = done === 0 ? written.trimStart() : written;
      if (done < sentUnits.length) {
        // A repair round repeating what the user has already seen.
        if (renumberedPreview(text) !== sentUnits[done]) return hold();
        done++;
        continue;
      }
      if (!c.ok || !(options.accept?.(c) ?? true)) return hold();
      const out = renumbered(text);
      sentUnits.push(out);
      send(out);
      done++;
    }
  };
  /** How a unit would read renumbered, without fixing new numbers. */
  const renumberedPreview = (text: string) => {
    const trial = new Map(renumber);
    return orderMarkerRuns(
      text.replace(NORMAL_MARKER, (_, n: string) => {
        if (!trial.has(Number(n))) trial.set(Number(n), trial.size + 1);
        return `[${trial.get(Number(n))}]`;
      }),
    );
  };

  const restart = () => {
    round = options.start();
    done = 0;
  };

  return {
    push(delta) {
      take(round.push(delta));
    },
    reset() {
      // Whatever was sent passed the checks; a new start must repeat it or be held.
      restart();
    },
    nextRound() {
      restart();
      // The user waits for the repair: say it is being checked, then stream it like the first.
      hold();
      blocked = false;
    },
    complete(answer) {
      if (answer.startsWith(sent)) send(answer.slice(sent.length));
      else hold();
    },
    get round() {
      return round;
    },
    get sent() {
      return sent;
    },
  };
}
