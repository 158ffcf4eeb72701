// Writes a run's files: <out>/results.json, report.md, report.html, and a copy
// of results.json at evals/results/latest.json.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { EVALS_DIR } from './loadQuestionSets.js';
import { renderHtml } from './renderHtml.js';
import { renderMarkdown, type ReportExtras } from './renderMarkdown.js';
import type { ResultsFile } from './types.js';

export const RESULTS_DIR = join(EVALS_DIR, 'results');
export const LATEST_PATH = join(RESULTS_DIR, 'latest.json');

/** evals/results/<YYYYMMDD-HHMMSS>/, with -2, -3 … if that folder exists already. */
export function defaultOutDir(startedAt: Date, root: string = RESULTS_DIR): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const d = startedAt;
  const stamp = `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
  let dir = join(root, stamp);
  for (let i = 2; existsSync(dir); i++) dir = join(root, `${stamp}-${i}`);
  return dir;
}

export interface WrittenFiles {
  results: string;
  markdown: string;
  html: string;
  latest?: string;
}

export function writeOutputs(outDir: string, results: ResultsFile, extras: ReportExtras, latest: string | false = LATEST_PATH): WrittenFiles {
  mkdirSync(outDir, { recursive: true });
  const files: WrittenFiles = {
    results: join(outDir, 'results.json'),
    markdown: join(outDir, 'report.md'),
    html: join(outDir, 'report.html'),
  };
  writeFileSync(files.results, `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(files.markdown, renderMarkdown(results, extras));
  writeFileSync(files.html, renderHtml(results, extras));
  if (latest) {
    mkdirSync(dirname(latest), { recursive: true });
    copyFileSync(files.results, latest);
    files.latest = latest;
  }
  return files;
}
