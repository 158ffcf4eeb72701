// npm run bench: index build, cold start from cache, query latency and memory,
// on the five seeds and on a synthetic corpus of 1,000 reports.
// Options: --reports N (synthetic size, default 1000), --skip-synthetic
// Machines are shared and noisy: compare figures within one run.
// Run with --expose-gc: each phase then starts from a collected heap, so the
// memory figures are those of one loaded corpus, not of the build left behind.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus, PROJECT_ROOT, type LoadCorpusOptions } from '../corpus/loadCorpus.js';
import type { Corpus, Tokenizer } from '../types.js';
import { percentile } from './percentile.js';
import { readSeeds, syntheticCorpus, syntheticQuestions } from './syntheticCorpus.js';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '1000' }, 'skip-synthetic': { type: 'boolean', default: false } } });
const N = Number(values.reports);

const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;
const gc = () => {
  global.gc?.();
  global.gc?.();
};
const memory = () => {
  gc();
  const m = process.memoryUsage();
  // maxRSS is the high-water mark since the process started (KiB).
  return `RSS ${mb(m.rss)}  heap used ${mb(m.heapUsed)}  (peak RSS so far ${mb(process.resourceUsage().maxRSS * 1024)})`;
};

// Topic questions naming no place or year: they search every report, a path the eval
// questions (nearly all about one place) hardly exercise.
const TOPIC_QUESTIONS = ['营商环境怎么样', '城中村改造', '教育和医疗', '招商引资签约项目', '科技创新方面做了哪些工作', '粮食生产', '推进高质量发展的主要举措'];

/** The development questions, each with the report its evidence is in (if any). */
function evalQuestions(): { question: string; report?: string }[] {
  const lines = readFileSync(join(PROJECT_ROOT, 'evals', 'questions.jsonl'), 'utf8').split('\n').filter(Boolean);
  return lines.map((l) => {
    const q = JSON.parse(l) as { question: string; evidence: { report: string }[] };
    return { question: q.question, report: q.evidence[0]?.report };
  });
}

function queryLatency(corpus: Corpus, questions: string[], rounds: number) {
  for (const q of questions.slice(0, 20)) corpus.search(q, { k: 10 }); // warm up JIT and caches
  const times: number[] = [];
  // By what query understanding made of the question: some reports, all of them, or none fits.
  const byScope = new Map<string, number[]>();
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      const { query } = corpus.search(q, { k: 10 });
      const elapsed = performance.now() - t;
      times.push(elapsed);
      const scope = query.noMatchingReport ? 'no report fits' : query.reportIds.length ? 'some reports' : 'all reports';
      byScope.set(scope, [...(byScope.get(scope) ?? []), elapsed]);
    }
  }
  const scopes = [...byScope].map(([scope, t]) => `${scope} ×${t.length}: p50 ${ms(percentile(t, 50))} p95 ${ms(percentile(t, 95))}`).join('; ');
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times), scopes };
}

/** Builds the index into `cacheDir` and keeps only figures: the built corpus must not outlive this frame. */
async function buildPhase(options: LoadCorpusOptions, cacheDir: string) {
  const t0 = performance.now();
  const built = await loadCorpus({ ...options, cacheDir });
  return {
    buildMs: performance.now() - t0,
    tokenizer: built.tokenizer as Tokenizer,
    sizes: `${built.reports.length} reports, ${built.passageById.size} passages, ${built.quantities.length} quantity records, ${built.indicators.length} indicator rows`,
    buildStats: built.stats,
  };
}

/** `makeOptions` is called once per load, so no phase holds on to the report bytes of another. */
async function measure(label: string, makeOptions: () => LoadCorpusOptions, questions: string[], rounds: number) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'report-qa-bench-'));
  try {
    const { buildMs, tokenizer, sizes, buildStats } = await buildPhase(makeOptions(), cacheDir);
    const afterBuild = memory();

    let options: LoadCorpusOptions | undefined = makeOptions();
    const t1 = performance.now();
    const cached = await loadCorpus({ ...options, cacheDir, tokenizer });
    const coldMs = performance.now() - t1;
    options = undefined;
    if (!cached.stats.indexFromCache || !cached.stats.reportsFromCache) throw new Error('second load did not use the cache');
    const afterLoad = memory();
    const lat = queryLatency(cached, questions, rounds);
    const topics = queryLatency(cached, TOPIC_QUESTIONS, 10);
    const afterQueries = memory();
    console.log(`\n## ${label}: ${sizes}`);
    console.log(`build (ingest + tokenise + index): ${ms(buildMs)}  (ingest ${ms(buildStats.ingestMs)}, index ${ms(buildStats.indexMs)})`);
    const rest = buildMs - buildStats.quantitiesMs;
    console.log(
      `  of which quantity records ${ms(buildStats.quantitiesMs)} (+${((100 * buildStats.quantitiesMs) / rest).toFixed(1)}% on the rest of the build), indicator view ${ms(buildStats.indicatorsMs)}`,
    );
    console.log(`cold start from cache:            ${ms(coldMs)}  (reports ${ms(cached.stats.ingestMs)}, index load ${ms(cached.stats.indexMs)})`);
    console.log(`query latency over ${lat.n} queries:  p50 ${ms(lat.p50)}  p95 ${ms(lat.p95)}  max ${ms(lat.max)}`);
    console.log(`  by scope: ${lat.scopes}`);
    console.log(`topic questions, ${topics.n} queries: p50 ${ms(topics.p50)}  p95 ${ms(topics.p95)}  max ${ms(topics.max)}  (${topics.scopes})`);
    console.log(`memory after build, corpus dropped: ${afterBuild}`);
    console.log(`memory after load from cache:       ${afterLoad}`);
    console.log(`memory after queries:               ${afterQueries}`);
    return { buildMs, coldMs, ...lat };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

console.log(`# retrieval benchmark — node ${process.version}, ${new Date().toISOString()}`);
if (!global.gc) console.log('(run with --expose-gc for comparable memory figures)');
const asked = evalQuestions();
const questions = asked.map((q) => q.question);
await measure('seeds', () => ({}), questions, 20);

if (!values['skip-synthetic']) {
  // Each question is rewritten for one synthetic report made from the seed it asks about (same
  // place slot, same year shift); questions naming no place search all N reports.
  const seeds = readSeeds(join(PROJECT_ROOT, 'seeds'));
  const synthQuestions = syntheticQuestions(asked, seeds, N);
  await measure(`synthetic ×${N}`, () => ({ dir: null, sources: syntheticCorpus(join(PROJECT_ROOT, 'seeds'), N, seeds) }), synthQuestions, 2);
}
