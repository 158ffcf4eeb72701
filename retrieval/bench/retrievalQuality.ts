// Retrieval quality on the seeds, without the answerer: for every eval question
// with evidence, the rank (1..10) of the first search hit whose paragraph holds
// an evidence quote of the same report, then recall@1/3/5/10 and MRR.
// Run before and after any change to indexing or ranking: the figures must not drop.
// Usage: npx tsx retrieval/bench/retrievalQuality.ts [--verbose] [--reference]
// --reference ranks with MiniSearch.search itself instead of the postings scorer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createMiniSearchBackend } from '../index/miniSearchBackend.js';
import { loadCorpus, PROJECT_ROOT } from '../corpus/loadCorpus.js';
import type { Corpus } from '../types.js';
import { parseConversation, type Turn } from '../query/parseConversation.js';

interface Question {
  id: string;
  question: string;
  history?: Turn[];
  evidence?: { report: string; quote: string }[];
}

const DEPTH = 10;

/** Whitespace and `**` removed, full-width ASCII folded to half-width. */
export function normaliseQuote(text: string): string {
  return text
    .replaceAll('**', '')
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '');
}

export function evidenceRank(corpus: Corpus, q: Question): number | null {
  const catalog = corpus.reports.map((r) => r.meta);
  const parsed = parseConversation(q.question, q.history ?? [], catalog);
  const hits = corpus.search(q.question, { k: DEPTH, parsed }).results;
  const quotes = (q.evidence ?? []).map((e) => ({ report: e.report, quote: normaliseQuote(e.quote) }));
  const i = hits.findIndex((h) => {
    const text = normaliseQuote(corpus.paragraphById.get(h.id)?.text ?? '');
    return quotes.some((e) => e.report === h.reportId && text.includes(e.quote));
  });
  return i >= 0 ? i + 1 : null;
}

export function qualityFigures(ranks: (number | null)[]) {
  const at = (k: number) => ranks.filter((r) => r !== null && r <= k).length / ranks.length;
  const mrr = ranks.reduce<number>((s, r) => s + (r === null ? 0 : 1 / r), 0) / ranks.length;
  return { n: ranks.length, r1: at(1), r3: at(3), r5: at(5), r10: at(10), mrr };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { verbose: { type: 'boolean', default: false }, reference: { type: 'boolean', default: false } } });
  const questions = readFileSync(join(PROJECT_ROOT, 'evals', 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Question)
    .filter((q) => (q.evidence ?? []).length > 0);
  const backend = values.reference ? createMiniSearchBackend({ scorer: 'minisearch' }) : undefined;
  const corpus = await loadCorpus({ cacheDir: false, backend });
  const ranks = questions.map((q) => {
    const rank = evidenceRank(corpus, q);
    if (values.verbose) console.log(`${String(rank ?? '-').padStart(2)}  ${q.id}`);
    return rank;
  });
  const f = qualityFigures(ranks);
  const pct = (x: number) => x.toFixed(3);
  console.log(
    `retrieval quality over ${f.n} questions with evidence: recall@1 ${pct(f.r1)}  recall@3 ${pct(f.r3)}  recall@5 ${pct(f.r5)}  recall@10 ${pct(f.r10)}  MRR ${pct(f.mrr)}`,
  );
}
