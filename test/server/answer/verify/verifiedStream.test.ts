import { describe, expect, it } from 'vitest';
import { createAnswerReader } from '../../../../server/answer/verify/answerUnits.js';
import { createVerifiedStream, type UnitChecker } from '../../../../server/answer/verify/verifiedStream.js';

/** A checker that reads units as citation enforcement does and passes those without the word 编造. */
function checker(): UnitChecker {
  const reader = createAnswerReader();
  return { push: (d) => reader.push(d).map((unit) => ({ unit, ok: !unit.text.includes('编造'), keep: true, problems: [], body: unit.body })) };
}

function harness() {
  const out: string[] = [];
  let holds = 0;
  const stream = createVerifiedStream({ start: checker, emit: (d) => out.push(d), onHold: () => holds++ });
  return { stream, out, holds: () => holds, text: () => out.join('') };
}

const feed = (s: { push(d: string): void }, text: string, size = 3) => {
  for (let i = 0; i < text.length; i += size) s.push(text.slice(i, i + size));
};

describe('createVerifiedStream', () => {
  it('sends a sentence only once the next one has begun, with markers normalised and renumbered', () => {
    const h = harness();
    h.stream.push('甲增长7%【3】。');
    expect(h.text()).toBe(''); // markers may still follow the full stop
    h.stream.push('乙增长6%[1]');
    expect(h.text()).toBe('甲增长7%[1]。');
    h.stream.complete('甲增长7%[1]。乙增长6%[2]。');
    expect(h.text()).toBe('甲增长7%[1]。乙增长6%[2]。');
    expect(h.holds()).toBe(0);
  });

  it('stops at the first failing sentence and never sends it', () => {
    const h = harness();
    feed(h.stream, '甲增长7%[1]。乙编造了12.5%[1]。丙增长6%[1]。');
    expect(h.text()).toBe('甲增长7%[1]。');
    expect(h.holds()).toBe(1);
    // The repair repeats the first sentence: not sent twice; its new sentence streams.
    h.stream.nextRound();
    feed(h.stream, '甲增长7%[1]。丙增长6%[1]。');
    h.stream.complete('甲增长7%[1]。丙增长6%[1]。');
    expect(h.text()).toBe('甲增长7%[1]。丙增长6%[1]。');
    expect(h.text()).not.toContain('12.5');
  });

  it('holds when the final answer does not continue what was sent (the client shows the final answer)', () => {
    const h = harness();
    feed(h.stream, '甲增长7%[1]。乙编造[1]。');
    h.stream.complete('离线答案[1]。');
    expect(h.text()).toBe('甲增长7%[1]。');
  });

  it('drops held text on reset (reasoning turned out to precede </think>)', () => {
    const h = harness();
    h.stream.push('我想一想编造的数字8%');
    h.stream.reset();
    feed(h.stream, '甲增长7%[1]。');
    h.stream.complete('甲增长7%[1]。');
    expect(h.text()).toBe('甲增长7%[1]。');
  });
});
