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

/** The report folders (relative to the project, as written in the manifest) of the set file at `setPath`. */
export function corpusFoldersForSet(setPath: string, manifest: CorporaManifest = readCorporaManifest()): string[] {
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
