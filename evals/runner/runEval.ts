// The eval run: load and validate the question sets, put every question to the
// assistant (in-process or a server), grade, summarise, compare with a
// baseline, check thresholds and write the reports. `main` is the CLI
// (evals/runEval.ts); tests call `runEval` / `main` directly.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { type Corpus, corpusFor as loadedFor, databaseConfigFromEnv, type DatabaseCorpus, loadCorpus, openDatabaseCorpus, type Tokenizer, tokenizerFromEnv } from '../../retrieval/public.js';
import type { Answerer } from '../../server/answer/Answerer.js';
import { createLlmAnswererFromConfig } from '../../server/answer/llm/llmAnswerer.js';
import { readLlmConfig } from '../../server/answer/llm/llmConfig.js';
import { checkServer, createInProcessAsker, createServerAsker, fetchGradeContext, normaliseServerUrl, type Ask } from './askAssistant.js';
import { checkThresholds, type Thresholds, type ThresholdResult } from './checkThresholds.js';
import { compareBaseline, loadBaseline, renderBaselineText, type BaselineComparison } from './compareBaseline.js';
import { EvalInputError } from './inputError.js';
import { loadQuestionSets, PROJECT_ROOT } from './loadQuestionSets.js';
import { corpusFoldersForSet, readCorporaManifest, reportFilesIn, type CorporaManifest } from '../setCorpus.js';
import { parseCliArgs, USAGE } from './parseArgs.js';
import { createProgress, type ProgressStream } from './progressBar.js';
import { reasonLabels } from './explainFailure.js';
import { renderSideBySide, renderSummaryTable, setName } from './renderTable.js';
import { RANK_DEPTH, searchRank, unlocatedEvidence } from './retrievalRank.js';
import { runQuestions } from './runQuestions.js';
import { summarise } from './summarise.js';
import type { LoadedQuestion, QuestionRecord, ResultsFile, RunConfig, SetSummary } from './types.js';
import { defaultOutDir, LATEST_PATH, writeOutputs, type WrittenFiles } from './writeOutputs.js';

/** Requests in flight against a server; in-process runs answer one at a time. */
export const SERVER_CONCURRENCY = 4;

export interface RunEvalOptions {
  /** Question set files; default every evals/*.jsonl. */
  sets?: string[];
  mode?: 'offline' | 'llm';
  /** Base URL of a running server; the run then asks POST /api/ask. */
  server?: string;
  /** Output folder; default evals/results/<timestamp>/. */
  out?: string;
  /** A previous results.json to compare with. */
  baseline?: string;
  thresholds?: Thresholds;
  /** Sets (name without .jsonl, or path as shown) the thresholds apply to; default every set. */
  thresholdSets?: string[];
  /** Each set's own thresholds, by set name (--thresholds FILE); a set not in the run is skipped with a note. */
  thresholdsBySet?: Record<string, Thresholds>;
  /** Where to copy results.json for convenience; false to skip. Default evals/results/latest.json. */
  latest?: string | false;
  /** A corpus already loaded (tests), used for every set; default each set's folders from evals/corpora.json. */
  corpus?: Corpus;
  /** An answerer to use in llm mode instead of one built from the environment (tests). */
  llm?: Answerer;
  /** Environment for LLM_* variables; default process.env. */
  env?: Record<string, string | undefined>;
  /** Progress output; default process.stderr; false for none. */
  progress?: ProgressStream | false;
  /** Report lines (table, thresholds, files); default console.log. */
  print?: (text: string) => void;
  /** Warnings; default console.error. */
  warn?: (text: string) => void;
}

export interface RunEvalResult {
  /** 0, or 1 when a threshold was not met. Input errors throw EvalInputError (exit 2). */
  exitCode: 0 | 1;
  results: ResultsFile;
  thresholds: ThresholdResult[];
  baseline?: BaselineComparison;
  outDir: string;
  files: WrittenFiles;
}

function gitVersion(): string | undefined {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty', '--abbrev=12'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

export async function runEval(options: RunEvalOptions = {}): Promise<RunEvalResult> {
  const print = options.print ?? ((t: string) => console.log(t));
  const warn = options.warn ?? ((t: string) => console.error(t));
  const startedAt = new Date();
  const t0 = performance.now();

  // Everything that can be wrong with the input is checked before the slow part.
  const { sets, questions, paths: setPaths, notices } = loadQuestionSets(options.sets?.map((s) => resolve(s)));
  const baselineFile = options.baseline ? loadBaseline(options.baseline) : undefined;
  const server = options.server ? normaliseServerUrl(options.server) : undefined;
  if (server && options.mode) warn(`note: --mode ${options.mode} is ignored with --server; the server answers in the mode it was started with`);

  // Each set runs over its own corpus (evals/corpora.json), so group the
  // questions by set, in the order the sets were given.
  const groups = sets.map((set) => ({ set, questions: questions.filter((q) => q.file === set) }));
  let manifest: CorporaManifest;
  try {
    manifest = readCorporaManifest();
  } catch (e) {
    throw new EvalInputError(`evals/corpora.json: ${(e as Error).message}`);
  }
  const thresholdSets = options.thresholdSets ?? [];
  for (const name of thresholdSets) {
    if (!sets.some((s) => s === name || setName(s) === name)) {
      throw new EvalInputError(`--threshold-set ${name}: no such set in this run (sets: ${sets.map(setName).join(', ')})`);
    }
  }

  let mode: string;
  let model: string | undefined;
  let concurrency: number;
  let llm: Answerer | undefined;
  const warnings: string[] = [...notices];
  let health: Awaited<ReturnType<typeof checkServer>> | undefined;
  let serverContext: Awaited<ReturnType<typeof fetchGradeContext>>;

  let tokenizer: Tokenizer | undefined;
  if (server) {
    health = await checkServer(server);
    if (health.tokenizer?.includes('degraded') || health.degraded?.length) {
      throw new EvalInputError(refuseDegraded(`the server at ${server} runs degraded: ${health.degraded?.join('; ') || health.tokenizer}`));
    }
    mode = 'server';
    model = health.answerer;
    concurrency = SERVER_CONCURRENCY;
    serverContext = await fetchGradeContext(server);
    if (!serverContext) warnings.push('GET /api/reports gave no report metadata: answers are not checked for places or years the question did not ask about');
    for (const g of groups) {
      const folders = corpusFoldersForSet(setPaths.get(g.set)!, manifest);
      if (folders.join() !== 'seeds') warnings.push(`${g.set}: is meant to run over ${folders.join(' + ')}; against a server it is graded on whatever corpus the server loaded`);
    }
  } else {
    if (options.corpus?.tokenizer.degraded) throw new EvalInputError(refuseDegraded(options.corpus.tokenizer.degraded));
    if (!options.corpus) {
      try {
        tokenizer = tokenizerFromEnv(options.env ?? process.env);
      } catch (e) {
        throw new EvalInputError((e as Error).message);
      }
      if (tokenizer.degraded) throw new EvalInputError(refuseDegraded(tokenizer.degraded));
    }
    if (options.mode === 'llm') {
      llm = options.llm;
      if (!llm) {
        let cfg;
        try {
          cfg = readLlmConfig(options.env ?? process.env);
        } catch (e) {
          throw new EvalInputError(`--mode llm: ${(e as Error).message}`);
        }
        if (!cfg) {
          throw new EvalInputError(
            '--mode llm needs an OpenAI-compatible endpoint: set LLM_BASE_URL and LLM_MODEL (e.g. LLM_BASE_URL=http://localhost:11434/v1 LLM_MODEL=qwen2.5:7b), or run without --mode for the offline answerer',
          );
        }
        llm = createLlmAnswererFromConfig(cfg);
      }
      model = llm.name;
    }
    mode = options.mode ?? 'offline';
    concurrency = 1;
  }

  // Corpora are loaded once per distinct list of folders. With DATABASE_URL each goes into a
  // schema of its own in that database, imported afresh (the same files in the same order as in
  // memory), and every question is answered from the database.
  let database: ReturnType<typeof databaseConfigFromEnv>;
  try {
    database = options.corpus || server ? undefined : databaseConfigFromEnv((options.env ?? process.env) as NodeJS.ProcessEnv);
  } catch (e) {
    throw new EvalInputError((e as Error).message);
  }
  const opened: DatabaseCorpus[] = [];
  const corpora = new Map<string, Promise<Corpus>>();
  const corpusFor = (folders: string[]): Promise<Corpus> => {
    const key = folders.join('\u0000');
    let c = corpora.get(key);
    if (!c) {
      const dir = resolve(PROJECT_ROOT, folders[0]);
      const files = reportFilesIn(folders.slice(1));
      c = database
        ? openDatabaseCorpus({
            config: { url: database.url, schema: `eval_${createHash('sha256').update(key).digest('hex').slice(0, 12)}` },
            tokenizer,
            fresh: true,
            imports: { seedsDir: dir, files },
            listen: false,
            log: () => {},
          }).then((d) => (opened.push(d), d.corpus))
        : loadCorpus({ dir, files, tokenizer });
      corpora.set(key, c);
    }
    return c;
  };

  const progress = options.progress === false ? undefined : createProgress(questions.length, options.progress ?? process.stderr);
  const records: QuestionRecord[] = [];
  const bySet: Record<string, SetSummary> = {};
  try {
    for (const g of groups) {
      let ask: Ask;
      let rank: ((q: LoadedQuestion) => number | null) | undefined;
      let corpus: Corpus | undefined;
      let corpusLabel: string[];
      if (server) {
        ask = createServerAsker(server);
        corpusLabel = [`server ${server}`];
      } else {
        const folders = corpusFoldersForSet(setPaths.get(g.set)!, manifest);
        corpus = options.corpus ?? (await corpusFor(folders));
        corpusLabel = options.corpus ? ['(corpus given by the caller)'] : folders;
        const c = corpus;
        for (const e of c.errors) {
          const w = `corpus (${corpusLabel.join(' + ')}): could not load ${e.file}: ${e.reason}`;
          if (!warnings.includes(w)) warnings.push(w);
        }
        const evidenceReports = [...new Set(g.questions.flatMap((q) => q.question.evidence.map((e) => e.report)))];
        const withEvidence = await loadedFor(c, { reportIds: evidenceReports });
        warnings.push(...summariseUnlocated(unlocatedEvidence(withEvidence, g.questions.map((q) => q.question))).map((w) => `evidence: ${w}`));
        ask = createInProcessAsker({ corpus: c, llm });
        if (c.database) {
          // Ranked in each question's working set, read before the run (ranking is synchronous).
          const ranks = new Map<LoadedQuestion, number | null>();
          for (const lq of g.questions) {
            const working = await loadedFor(c, { question: lq.question.question, history: lq.question.history ?? [], k: RANK_DEPTH });
            ranks.set(lq, searchRank(working, lq.question));
          }
          rank = (lq) => ranks.get(lq) ?? null;
        } else rank = (lq) => searchRank(c, lq.question);
      }
      const setRecords = await runQuestions(g.questions, { ask, concurrency, rank, progress, corpus, context: server ? serverContext : undefined });
      records.push(...setRecords);
      bySet[g.set] = {
        ...summarise(setRecords),
        corpus: corpusLabel,
        ...(corpus ? { corpusHash: corpus.hash } : {}),
        questionCount: setRecords.length,
      };
    }
  } finally {
    progress?.done();
    await Promise.all(opened.map((d) => d.close()));
  }

  const fallbacks = records.filter((r) => r.notice).length;
  if (mode === 'llm' && fallbacks) warnings.push(`llm: ${fallbacks} of ${records.length} answers fell back to the offline answerer (see each record's notice)`);
  const errors = records.filter((r) => r.status === 'error');
  if (errors.length) warnings.push(`${errors.length} questions could not be answered (status error), e.g. ${errors[0].id}: ${errors[0].error}`);

  const summary = summarise(records);
  const config: RunConfig = {
    sets,
    mode,
    ...(server ? { server } : {}),
    ...(model ? { model } : {}),
    rankSource: server ? 'citations' : 'search',
    concurrency,
    startedAt: startedAt.toISOString(),
    durationMs: Math.round(performance.now() - t0),
    ...(gitVersion() ? { gitCommit: gitVersion() } : {}),
    // One hash when every set ran on the same corpus; otherwise see bySet.
    ...(sameHash(bySet) ? { corpusHash: sameHash(bySet) } : {}),
    questionCount: questions.length,
    node: process.version,
  };
  const results: ResultsFile = { config, summary, bySet, records, warnings };
  // Thresholds hold every set (or the --threshold-set ones) on its own score.
  const held = sets.filter((s) => thresholdSets.length === 0 || thresholdSets.some((n) => n === s || n === setName(s)));
  const flagged = Object.keys(options.thresholds ?? {}).length > 0 || thresholdSets.length > 0 || !options.thresholdsBySet;
  const thresholdsBySet = (flagged ? held : []).map((s) => ({ set: s, results: checkThresholds(bySet[s].overall, options.thresholds ?? {}) }));
  // --thresholds FILE: each set named there on its own bars, besides any flags.
  for (const [name, own] of Object.entries(options.thresholdsBySet ?? {})) {
    const set = sets.find((s) => s === name || setName(s) === name);
    if (set) thresholdsBySet.push({ set, results: checkThresholds(bySet[set].overall, own) });
    else warn(`note: thresholds for ${name}: not in this run, not checked`);
  }
  const thresholds = thresholdsBySet.flatMap((t) => t.results.map((r) => ({ ...r, set: t.set, message: sets.length > 1 ? `${setName(t.set)}: ${r.message}` : r.message })));
  const baseline = baselineFile ? compareBaseline(baselineFile, results) : undefined;
  const outDir = options.out ? resolve(options.out) : defaultOutDir(startedAt);
  const files = writeOutputs(outDir, results, { thresholds, baseline }, options.latest === undefined ? LATEST_PATH : options.latest);

  // The console report.
  for (const w of warnings) warn(`warning: ${w}`);
  print(
    `${questions.length} questions from ${sets.join(', ')} · ${mode}${model ? ` (${model})` : ''}${server ? ` · ${server}` : ' · in-process'} · ${(config.durationMs / 1000).toFixed(1)} s`,
  );
  if (groups.length > 1) {
    print('');
    print('Sets side by side:');
    print(renderSideBySide(bySet));
  }
  for (const g of groups) {
    print('');
    if (groups.length > 1) print(`${g.set} (${g.questions.length} questions, corpus ${bySet[g.set].corpus.join(' + ')}):`);
    print(renderSummaryTable(bySet[g.set]));
  }
  const failing = records.filter((r) => !r.correct);
  if (failing.length) {
    print('');
    print(`Failing (${failing.length}):`);
    for (const r of failing) print(`  ${r.id} [${r.category}] ${reasonLabels(r)}`);
  }
  if (baseline) {
    print('');
    print(renderBaselineText(baseline));
  }
  if (thresholds.length) {
    print('');
    for (const t of thresholds) print(`${t.ok ? 'ok  ' : 'FAIL'} ${t.message}`);
  }
  print('');
  print(`Wrote ${files.results}, ${files.markdown}, ${files.html}${files.latest ? ` (copied to ${files.latest})` : ''}`);

  return { exitCode: thresholds.every((t) => t.ok) ? 0 : 1, results, thresholds, baseline, outDir, files };
}

/** The CLI: flags → run → exit code (0 ok, 1 threshold not met, 2 usage/input error). */
export async function main(argv: string[], io: Pick<RunEvalOptions, 'print' | 'warn' | 'progress' | 'env' | 'corpus' | 'latest'> = {}): Promise<number> {
  const warn = io.warn ?? ((t: string) => console.error(t));
  try {
    const cli = parseCliArgs(argv);
    if (cli.help) {
      (io.print ?? ((t: string) => console.log(t)))(USAGE);
      return 0;
    }
    const res = await runEval({
      ...io,
      sets: cli.sets,
      mode: cli.mode,
      server: cli.server,
      out: cli.out,
      baseline: cli.baseline,
      thresholds: cli.thresholds,
      thresholdSets: cli.thresholdSets,
      thresholdsBySet: cli.thresholdsBySet,
    });
    return res.exitCode;
  } catch (e) {
    if (e instanceof EvalInputError) {
      warn(`eval: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

/** Scores of a degraded build would be read as the product's: the run stops instead. */
function refuseDegraded(why: string): string {
  return `refusing to score a degraded build (${why}). Fix the install first (npm rebuild nodejieba; see README, "Set-up"), then rerun.`;
}

function sameHash(bySet: Record<string, SetSummary>): string | undefined {
  const hashes = new Set(Object.values(bySet).map((s) => s.corpusHash));
  const [only] = [...hashes];
  return hashes.size === 1 ? only : undefined;
}

/** "report X is not in the corpus" once per report (with how many questions cite it), other warnings as they are. */
function summariseUnlocated(lines: string[]): string[] {
  const missing = new Map<string, number>();
  const out: string[] = [];
  for (const l of lines) {
    const m = /^[^:]+: report (\S+) is not in the corpus$/.exec(l);
    if (m) missing.set(m[1], (missing.get(m[1]) ?? 0) + 1);
    else out.push(l);
  }
  for (const [report, n] of missing) out.unshift(`report ${report} is not in the corpus (cited by ${n} question${n === 1 ? '' : 's'})`);
  return out;
}
