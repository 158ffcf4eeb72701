// npm run bench: index build, cold start from cache, query latency and memory,
// on the five seeds and on a synthetic corpus of 1,000 reports.
// Options: --reports N (synthetic size, default 1000), --skip-synthetic
// Machines are shared and noisy: compare figures within one run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus, PROJECT_ROOT, type Corpus, type LoadCorpusOptions } from '../loadCorpus.js';
import { percentile } from './percentile.js';
import { syntheticCorpus, syntheticQuestion } from './syntheticCorpus.js';

const { values } = parseArgs({ options: { reports: { type: 'string', default: '1000' }, 'skip-synthetic': { type: 'boolean', default: false } } });
const N = Number(values.reports);

const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;
const ms = (x: number) => `${x.toFixed(x < 10 ? 2 : 0)} ms`;

function evalQuestions(): string[] {
  const lines = readFileSync(join(PROJECT_ROOT, 'evals', 'questions.jsonl'), 'utf8').split('\n').filter(Boolean);
  return lines.map((l) => (JSON.parse(l) as { question: string }).question);
}

function queryLatency(corpus: Corpus, questions: string[], rounds: number) {
  for (const q of questions.slice(0, 20)) corpus.search(q, { k: 10 }); // warm up JIT and caches
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t = performance.now();
      corpus.search(q, { k: 10 });
      times.push(performance.now() - t);
    }
  }
  return { n: times.length, p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) };
}

async function measure(label: string, options: LoadCorpusOptions, questions: string[], rounds: number) {
  const cacheDir = mkdtempSync(join(tmpdir(), 'report-qa-bench-'));
  try {
    const t0 = performance.now();
    const built = await loadCorpus({ ...options, cacheDir });
    const buildMs = performance.now() - t0;
    const t1 = performance.now();
    const cached = await loadCorpus({ ...options, cacheDir, tokenizer: built.tokenizer });
    const coldMs = performance.now() - t1;
    if (!cached.stats.indexFromCache) throw new Error('second load did not use the cache');
    const lat = queryLatency(cached, questions, rounds);
    global.gc?.();
    const rss = process.memoryUsage().rss;
    console.log(`\n## ${label}: ${built.reports.length} reports, ${built.passageById.size} passages, ${built.indicators.length} indicator rows`);
    console.log(`build (ingest + tokenise + index): ${ms(buildMs)}  (ingest ${ms(built.stats.ingestMs)}, index ${ms(built.stats.indexMs)})`);
    console.log(`cold start from cache:            ${ms(coldMs)}  (ingest ${ms(cached.stats.ingestMs)}, index load ${ms(cached.stats.indexMs)})`);
    console.log(`query latency over ${lat.n} queries:  p50 ${ms(lat.p50)}  p95 ${ms(lat.p95)}  max ${ms(lat.max)}`);
    console.log(`RSS after: ${mb(rss)}  heap used: ${mb(process.memoryUsage().heapUsed)}`);
    return { buildMs, coldMs, ...lat, rss };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

console.log(`# retrieval benchmark — node ${process.version}, ${new Date().toISOString()}`);
const questions = evalQuestions();
await measure('seeds', {}, questions, 20);

if (!values['skip-synthetic']) {
  const sources = syntheticCorpus(join(PROJECT_ROOT, 'seeds'), N);
  // Each question is rewritten for one synthetic report made from the seed it asks about (same
  // district slot, same year shift); questions naming no district search all N reports.
  const seedOrder = ['hongqi-2017', 'hongqi-2020', 'hongqi-2024', 'huiji-2024', 'weidong-2024'];
  const synthQuestions = questions.map((q, i) => {
    const seed = /惠济/.test(q) ? 3 : /卫东/.test(q) ? 4 : /红旗/.test(q) ? (/2016|2017/.test(q) ? 0 : /2019|2020/.test(q) ? 1 : 2) : i % 5;
    const copy = (Math.floor((i * 37) / 5) * 5 + seed) % N;
    return syntheticQuestion(q, copy - (copy % 5) + seed, seedOrder.length);
  });
  await measure(`synthetic ×${N}`, { dir: null, sources }, synthQuestions, 2);
}
