// Which report folders a question set is run over. evals/corpora.json maps a
// set file (relative to the project root) to its folders; a set it does not
// name (the development set, or anyone's own set) uses the built-in seeds/.
// One small manifest, read by both the eval runner and the question checker,
// so the folders a set's quotes are checked against are the folders it is run on.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const PROJECT_DIR = fileURLToPath(new URL('..', import.meta.url));
export const CORPORA_MANIFEST = join(PROJECT_DIR, 'evals', 'corpora.json');
/** Folders (relative to the project) for a set the manifest does not list. */
export const DEFAULT_CORPUS = ['seeds'] as const;

const ManifestSchema = z.record(z.string().regex(/\.jsonl$/, 'keys are set files ending in .jsonl'), z.array(z.string().min(1)).min(1));
export type CorporaManifest = z.infer<typeof ManifestSchema>;

export function readCorporaManifest(path: string = CORPORA_MANIFEST): CorporaManifest {
  if (!existsSync(path)) return {};
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/**
 * A question set kept outside the repository with its own reports: the real reports the
 * product is measured on (realdev). Their texts are never copied into the repository, so
 * the set is read where it lies and skipped, with a notice, where it is not.
 */
export interface ExternalSet {
  /** How the set is named in tables, thresholds and --set. */
  name: string;
  /** Absolute path of its questions file. */
  questions: string;
  /** Absolute report folders it runs over. */
  folders: string[];
}

/**
 * The real-report set: a folder holding `questions.jsonl` and `reports/*.txt`. REALDEV_DIR
 * names it; by default it is the `shared/realdev` folder beside the project's checkout.
 */
export function realdevSetDir(env: Record<string, string | undefined> = process.env): string {
  return env.REALDEV_DIR ? resolve(env.REALDEV_DIR) : resolve(PROJECT_DIR, '..', 'shared', 'realdev');
}

/** The real-report set when its folder is there, else undefined. */
export function realdevSet(env: Record<string, string | undefined> = process.env): ExternalSet | undefined {
  const dir = realdevSetDir(env);
  const questions = join(dir, 'questions.jsonl');
  const reports = join(dir, 'reports');
  if (!existsSync(questions) || !existsSync(reports)) return undefined;
  return { name: 'realdev', questions, folders: [reports] };
}

/** The external set whose questions file is `setPath`, if any. */
export function externalSetFor(setPath: string, env: Record<string, string | undefined> = process.env): ExternalSet | undefined {
  const set = realdevSet(env);
  return set && resolve(setPath) === set.questions ? set : undefined;
}

/**
 * The report folders of the set file at `setPath`: relative to the project, as written in the
 * manifest; absolute for an external set.
 */
export function corpusFoldersForSet(setPath: string, manifest: CorporaManifest = readCorporaManifest()): string[] {
  const external = externalSetFor(setPath);
  if (external) return external.folders;
  const key = relative(PROJECT_DIR, resolve(setPath)).split('\\').join('/');
  return manifest[key] ?? [...DEFAULT_CORPUS];
}

/** The .txt report files of the given folders (relative to the project), sorted within each folder. */
export function reportFilesIn(folders: string[]): string[] {
  return folders.flatMap((f) => {
    const dir = resolve(PROJECT_DIR, f);
    return readdirSync(dir)
      .filter((name) => name.toLowerCase().endsWith('.txt'))
      .sort()
      .map((name) => join(dir, name));
  });
}
