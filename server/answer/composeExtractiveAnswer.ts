// Descriptive questions: the best one to three sentences from the top
// passages, quoted as written and cited. Sentences are ranked by how many of
// the question's terms they contain; ties keep retrieval order.
import type { Tokenizer } from '../../retrieval/tokenize/Tokenizer.js';
import type { Evidence } from './Answerer.js';

const MAX_SENTENCES = 3;
/** A quoted sentence longer than this is cut at a clause boundary: answers stay short. */
const MAX_SENTENCE_CHARS = 160;

export function composeExtractiveAnswer(question: string, evidence: Evidence[], tokenizer: Tokenizer): string | undefined {
  const terms = new Set(tokenizer.tokenize(question).filter((t) => t.length > 1 && !/^\d+$/.test(t)));
  if (terms.size === 0) return undefined;
  const candidates: { e: Evidence; text: string; score: number; order: number }[] = [];
  evidence.forEach((e, ei) => {
    const spans = e.matched.length ? e.matched : [{ start: e.passage.start, end: Math.min(e.passage.end, e.passage.start + MAX_SENTENCE_CHARS) }];
    spans.forEach((s, si) => {
      const text = e.text.slice(s.start, s.end).trim();
      const sentenceTerms = new Set(tokenizer.tokenize(text));
      const score = [...terms].filter((t) => sentenceTerms.has(t)).length;
      if (score > 0) candidates.push({ e, text, score, order: ei * 100 + si });
    });
  });
  if (candidates.length === 0) return undefined;
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const best = candidates[0].score;
  // Only sentences nearly as relevant as the best one: a weak match is worse than a shorter answer.
  const chosen = candidates.filter((c) => c.score >= Math.max(1, best - 1)).slice(0, MAX_SENTENCES);
  chosen.sort((a, b) => a.order - b.order);
  const first = chosen[0].e;
  const intro = `根据${first.district}${first.year}年政府工作报告：`;
  return intro + chosen.map((c) => `${shorten(c.text)}[${c.e.marker}]`).join('');
}

function shorten(sentence: string): string {
  let s = sentence.replace(/[。！？!?]+[”’」』）)]*$/, '');
  if (s.length > MAX_SENTENCE_CHARS) {
    const cut = s.slice(0, MAX_SENTENCE_CHARS);
    const at = Math.max(cut.lastIndexOf('，'), cut.lastIndexOf('；'), cut.lastIndexOf(','), cut.lastIndexOf(';'));
    s = (at > 40 ? cut.slice(0, at) : cut) + '……';
  }
  return s + (s.endsWith('……') ? '' : '。');
}
