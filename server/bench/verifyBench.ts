// npm run bench:verify — citation enforcement on a streamed model answer, as /api/chat runs
// it: the verified stream fed 4-character deltas, each unit checked once as it completes,
// then the draft's verification. Answers of correct sentences (two places, each figure
// citing its own place's paragraph) at growing lengths, and one valid sentence padded to
// the same length; the model answerer stops reading at DEFAULTS.answer.maxAnswerChars, so
// lengths past it are here only to show how the cost grows.
import { DEFAULTS, loadCorpus, percentile, prepareEvidence } from '../../retrieval/public.js';
import type { AnswerContext } from '../answer/Answerer.js';
import { verifyContext } from '../answer/answerQuestion.js';
import { languageProblem } from '../answer/verify/answerLanguage.js';
import { createVerifiedStream } from '../answer/verify/verifiedStream.js';
import { createDraftVerifier } from '../answer/verify/verifyCitations.js';

const QUESTION = '惠济区和卫东区2024年GDP目标分别是多少';
const corpus = await loadCorpus();
const prepared = prepareEvidence(corpus, QUESTION);
const ctx: AnswerContext = { question: QUESTION, query: prepared.query, history: [], evidence: prepared.evidence, corpus };
const context = verifyContext(ctx);
const marker = (place: string) => ctx.evidence.find((e) => e.place === place && e.rows.length)!.marker;
const sentences = `惠济区2024年地区生产总值的预期目标是增长7%左右[${marker('惠济区')}]。卫东区2024年经济增长目标是6.5%[${marker('卫东区')}]。`;

function run(answer: string): { ms: number; sent: number; ok: boolean } {
  const t = performance.now();
  let sent = 0;
  const stream = createVerifiedStream({
    start: () => createDraftVerifier(ctx.evidence, context),
    accept: (c) => !languageProblem(QUESTION, c.unit.text),
    emit: (d) => (sent += d.length),
  });
  for (let i = 0; i < answer.length; i += 4) stream.push(answer.slice(i, i + 4));
  stream.round.end();
  const ok = stream.round.result().ok;
  return { ms: performance.now() - t, sent, ok };
}

console.log(`# citation enforcement on a streamed answer — node ${process.version}, ${new Date().toISOString()}`);
console.log(`(answers past ${DEFAULTS.answer.maxAnswerChars} characters are never read from a model; shown for the growth)`);
console.log('answer                      chars   p50 ms   max ms  streamed  verified');
for (const chars of [2_000, 8_000, 32_000, 128_000]) {
  const shapes: [string, string][] = [
    ['correct sentences', sentences.repeat(Math.round(chars / sentences.length))],
    ['one sentence, padded', sentences.slice(0, sentences.indexOf('。')).replace('[', `${'…'.repeat(chars)}[`) + '。'],
  ];
  for (const [name, answer] of shapes) {
    const times: number[] = [];
    let last = { ms: 0, sent: 0, ok: false };
    for (let i = 0; i < 5; i++) {
      last = run(answer);
      times.push(last.ms);
    }
    console.log(
      `${name.padEnd(24)} ${String(answer.length).padStart(8)} ${percentile(times, 50).toFixed(1).padStart(8)} ${Math.max(...times).toFixed(1).padStart(8)} ${String(last.sent).padStart(9)}  ${last.ok}`,
    );
  }
}
