// Question set files → validated questions. Every non-blank line must be JSON
// matching EvalQuestionSchema; the first bad line stops the run with file:line.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EvalQuestionSchema } from '../questionSchema.js';
import { externalSetFor, realdevSet, realdevSetDir } from '../setCorpus.js';
import { EvalInputError } from './inputError.js';
import type { LoadedQuestion } from './types.js';

export const EVALS_DIR = fileURLToPath(new URL('..', import.meta.url));
export const PROJECT_ROOT = resolve(EVALS_DIR, '..');

/** Every `evals/*.jsonl`, sorted, as absolute paths. */
export function defaultSetPaths(dir: string = EVALS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(dir, name));
}

/** How a set file is named in messages and reports: an external set by its name, a file relative to the project when inside it. */
export function displayPath(path: string): string {
  const abs = resolve(path);
  const external = externalSetFor(abs);
  if (external) return external.name;
  const rel = relative(PROJECT_ROOT, abs);
  return rel.startsWith('..') ? abs : rel;
}

export function parseQuestionSet(text: string, file: string): LoadedQuestion[] {
  const out: LoadedQuestion[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const where = `${file}:${i + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (e) {
      throw new EvalInputError(`${where}: not valid JSON (${(e as Error).message})`);
    }
    const parsed = EvalQuestionSchema.safeParse(json);
    if (!parsed.success) {
      const issues = parsed.error.issues
        .slice(0, 3)
        .map((iss) => `${iss.path.length ? iss.path.join('.') : '(line)'}: ${iss.message}`)
        .join('; ');
      const id = typeof (json as { id?: unknown })?.id === 'string' ? ` (id ${(json as { id: string }).id})` : '';
      throw new EvalInputError(`${where}${id}: does not match the question schema (evals/questionSchema.ts): ${issues}`);
    }
    out.push({ question: parsed.data, file, line: i + 1 });
  });
  return out;
}

/**
 * Loads the given set files (default: every evals/*.jsonl, then the real-report set when its
 * folder is there). `realdev` names the real-report set. Ids must be unique across all of them.
 * `paths` maps each set as shown to its file; `notices` says what was skipped.
 */
export function loadQuestionSets(paths?: string[]): { sets: string[]; questions: LoadedQuestion[]; paths: Map<string, string>; notices: string[] } {
  const notices: string[] = [];
  let files: string[];
  if (paths && paths.length) {
    files = paths.map((p) => {
      if (basename(p) !== 'realdev' || existsSync(p)) return p;
      const set = realdevSet();
      if (!set) throw new EvalInputError(`--set realdev: no real-report set at ${realdevSetDir()} (set REALDEV_DIR to its folder)`);
      return set.questions;
    });
  } else {
    const real = realdevSet();
    files = [...defaultSetPaths(), ...(real ? [real.questions] : [])];
    if (!real) notices.push(`realdev: no real-report set at ${realdevSetDir()}, skipped (set REALDEV_DIR to its folder to run it)`);
  }
  if (files.length === 0) throw new EvalInputError('no question sets: evals/ holds no *.jsonl file and no --set was given');
  const questions: LoadedQuestion[] = [];
  const seen = new Map<string, string>();
  const sets: string[] = [];
  const shownPaths = new Map<string, string>();
  for (const path of files) {
    const shown = displayPath(path);
    if (!existsSync(path)) throw new EvalInputError(`question set not found: ${path}`);
    if (!statSync(path).isFile()) throw new EvalInputError(`question set is not a file: ${path}`);
    sets.push(shown);
    shownPaths.set(shown, resolve(path));
    for (const q of parseQuestionSet(readFileSync(path, 'utf8'), shown)) {
      const where = `${q.file}:${q.line}`;
      const first = seen.get(q.question.id);
      if (first) throw new EvalInputError(`${where}: duplicate id ${q.question.id} (first at ${first})`);
      seen.set(q.question.id, where);
      questions.push(q);
    }
  }
  if (questions.length === 0) throw new EvalInputError(`no questions in ${sets.join(', ')}`);
  return { sets, questions, paths: shownPaths, notices };
}
