// Where npm start and the CLIs find reports: the built-in seeds/ (SEEDS=off
// leaves them out) and the folder of added reports, REPORTS_DIR (default
// data/reports/ in the project, git-ignored).
import { isAbsolute, join, resolve } from 'node:path';
import { DEFAULTS } from '../defaults.js';
import { PROJECT_ROOT, type LoadCorpusOptions } from './loadCorpus.js';

export function reportsDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.REPORTS_DIR?.trim();
  if (!dir) return join(PROJECT_ROOT, DEFAULTS.reportsDir);
  return isAbsolute(dir) ? dir : resolve(dir);
}

export function corpusOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Pick<LoadCorpusOptions, 'dir' | 'reportsDir'> {
  const seeds = env.SEEDS?.trim().toLowerCase();
  if (seeds && !['on', 'off', '1', '0', 'true', 'false'].includes(seeds)) throw new Error(`SEEDS 须为 on 或 off，收到 ${env.SEEDS}`);
  const off = seeds === 'off' || seeds === '0' || seeds === 'false';
  return { dir: off ? null : undefined, reportsDir: reportsDirFromEnv(env) };
}
