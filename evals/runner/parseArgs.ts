// Command-line flags → run options. Bad flags or values are input errors (exit 2).
import { parseArgs as parseNodeArgs } from 'node:util';
import type { Thresholds } from './checkThresholds.js';
import { EvalInputError } from './inputError.js';

export const USAGE = `Usage: npm run eval -- [options] [set.jsonl …]

Runs question sets against 报告问答 and grades the answers.

  --set FILE                  question set (repeatable; extra file arguments count too).
                              Default: every evals/*.jsonl
  --mode offline|llm          in-process answerer (default offline). llm needs
                              LLM_BASE_URL and LLM_MODEL (see server/answer/llmConfig.ts)
  --server URL                ask a running server instead (POST URL/api/ask),
                              e.g. http://localhost:8787; up to 4 requests at once
  --out DIR                   output folder (default evals/results/<timestamp>/)
  --baseline FILE             a previous results.json: show deltas and changed questions
  --min-accuracy X            exit 1 if overall accuracy < X (0–1)
  --min-citation-precision X  exit 1 if citation precision < X (0–1)
  --min-recall5 X             exit 1 if recall@5 < X (0–1)
  --max-false-refusals N      exit 1 if more than N answerable questions were refused
  --min-refusal-accuracy X    exit 1 if refusal accuracy < X (0–1)
  --threshold-set NAME        hold only this set to the thresholds (repeatable); NAME is the
                              file name without .jsonl (questions) or its path. Default:
                              every set, each on its own score
  -h, --help                  show this help

Each set is scored on its own, over the report folders evals/corpora.json gives it
(seeds/ unless listed), and the sets are printed side by side.

Exit codes: 0 ok, 1 a threshold was not met, 2 bad flags or input (question file, baseline, server down).`;

export interface CliOptions {
  help: boolean;
  sets: string[];
  mode?: 'offline' | 'llm';
  server?: string;
  out?: string;
  baseline?: string;
  thresholds: Thresholds;
  /** Sets the thresholds apply to; empty = every set. */
  thresholdSets: string[];
}

function ratio(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
    throw new EvalInputError(`${flag} must be a number from 0 to 1, e.g. 0.9 (got ${JSON.stringify(value)})`);
  }
  return n;
}

function count(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new EvalInputError(`${flag} must be a whole number ≥ 0 (got ${JSON.stringify(value)})`);
  return Number(value);
}

export function parseCliArgs(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseNodeArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        set: { type: 'string', multiple: true },
        mode: { type: 'string' },
        server: { type: 'string' },
        out: { type: 'string' },
        baseline: { type: 'string' },
        'min-accuracy': { type: 'string' },
        'min-citation-precision': { type: 'string' },
        'min-recall5': { type: 'string' },
        'max-false-refusals': { type: 'string' },
        'min-refusal-accuracy': { type: 'string' },
        'threshold-set': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new EvalInputError(`${(e as Error).message}\n\n${USAGE}`);
  }
  const v = parsed.values;
  const mode = v.mode;
  if (mode !== undefined && mode !== 'offline' && mode !== 'llm') {
    throw new EvalInputError(`--mode must be offline or llm (got ${JSON.stringify(mode)})`);
  }
  const thresholds: Thresholds = {};
  const put = <K extends keyof Thresholds>(k: K, x: number | undefined) => {
    if (x !== undefined) thresholds[k] = x;
  };
  put('minAccuracy', ratio('--min-accuracy', v['min-accuracy']));
  put('minCitationPrecision', ratio('--min-citation-precision', v['min-citation-precision']));
  put('minRecall5', ratio('--min-recall5', v['min-recall5']));
  put('maxFalseRefusals', count('--max-false-refusals', v['max-false-refusals']));
  put('minRefusalAccuracy', ratio('--min-refusal-accuracy', v['min-refusal-accuracy']));
  return {
    help: v.help ?? false,
    sets: [...(v.set ?? []), ...parsed.positionals],
    mode,
    server: v.server,
    out: v.out,
    baseline: v.baseline,
    thresholds,
    thresholdSets: v['threshold-set'] ?? [],
  };
}
