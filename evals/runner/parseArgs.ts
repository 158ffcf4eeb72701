// Command-line flags → run options. Bad flags or values are input errors (exit 2).
import { readFileSync } from 'node:fs';
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
  --thresholds FILE           each set's own thresholds, from a JSON file:
                              {"questions": {"min-accuracy": 0.92, "max-false-refusals": 2}, …}
                              (the flags above, without --); a set not in this run is
                              skipped with a note (evals/thresholds.json: what CI holds)
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
  /** Thresholds per set name, from --thresholds FILE. */
  thresholdsBySet: Record<string, Thresholds>;
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
        thresholds: { type: 'string' },
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
  const thresholds = readThresholds((flag) => v[flag.slice(2) as ThresholdFlag], '');
  return {
    help: v.help ?? false,
    sets: [...(v.set ?? []), ...parsed.positionals],
    mode,
    server: v.server,
    out: v.out,
    baseline: v.baseline,
    thresholds,
    thresholdSets: v['threshold-set'] ?? [],
    thresholdsBySet: v.thresholds === undefined ? {} : readThresholdsFile(v.thresholds),
  };
}

type ThresholdFlag = 'min-accuracy' | 'min-citation-precision' | 'min-recall5' | 'max-false-refusals' | 'min-refusal-accuracy';
const THRESHOLD_FLAGS: readonly ThresholdFlag[] = ['min-accuracy', 'min-citation-precision', 'min-recall5', 'max-false-refusals', 'min-refusal-accuracy'];

/** The threshold flags' values (from the command line, or one set's entry in a file: `where` says which). */
function readThresholds(value: (flag: string) => string | undefined, where: string): Thresholds {
  const thresholds: Thresholds = {};
  const put = <K extends keyof Thresholds>(k: K, x: number | undefined) => {
    if (x !== undefined) thresholds[k] = x;
  };
  put('minAccuracy', ratio(`${where}--min-accuracy`, value('--min-accuracy')));
  put('minCitationPrecision', ratio(`${where}--min-citation-precision`, value('--min-citation-precision')));
  put('minRecall5', ratio(`${where}--min-recall5`, value('--min-recall5')));
  put('maxFalseRefusals', count(`${where}--max-false-refusals`, value('--max-false-refusals')));
  put('minRefusalAccuracy', ratio(`${where}--min-refusal-accuracy`, value('--min-refusal-accuracy')));
  return thresholds;
}

/** --thresholds FILE: `{ set: { flag-without-dashes: value } }`; anything else is an input error naming the place. */
function readThresholdsFile(file: string): Record<string, Thresholds> {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new EvalInputError(`--thresholds ${file}: ${(e as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new EvalInputError(`--thresholds ${file}: expected an object of sets, e.g. {"questions": {"min-accuracy": 0.9}}`);
  const out: Record<string, Thresholds> = {};
  for (const [set, entry] of Object.entries(data)) {
    if (set.startsWith('//') || set === '$comment') continue;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) throw new EvalInputError(`--thresholds ${file}: "${set}" must be an object of thresholds`);
    const values = entry as Record<string, unknown>;
    for (const key of Object.keys(values)) {
      if (key !== 'why' && !THRESHOLD_FLAGS.includes(key as ThresholdFlag)) throw new EvalInputError(`--thresholds ${file}: "${set}" has an unknown threshold "${key}" (known: ${THRESHOLD_FLAGS.join(', ')})`);
    }
    out[set] = readThresholds((flag) => {
      const x = values[flag.slice(2)];
      return x === undefined ? undefined : String(x);
    }, `--thresholds ${file}: ${set} `);
  }
  return out;
}
