// On-disk cache of a built index, keyed by the corpus's content hash, so that
// start-up does not tokenise an unchanged corpus again. Files carry a format
// version; an unknown version is rejected, never guessed at.
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { INDEX_FORMAT_VERSION } from '../defaults.js';
import { tempNameFor } from '../storage/writeFileDurably.js';

export class UnknownIndexVersionError extends Error {}

export interface CachedIndex {
  version: number;
  hash: string;
  backend: string;
  tokenizer: string;
  snapshot: unknown;
}

export function cacheFile(dir: string, hash: string): string {
  return join(dir, `index-${hash.slice(0, 16)}.json`);
}

/** Returns the cached snapshot, undefined when there is none for this hash. Throws on a wrong version. */
export function readIndexCache(dir: string, hash: string, backend: string, tokenizer: string): unknown | undefined {
  let raw: string;
  try {
    raw = readFileSync(cacheFile(dir, hash), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = parseIndexCache(raw);
  if (parsed.hash !== hash || parsed.backend !== backend || parsed.tokenizer !== tokenizer) return undefined;
  return parsed.snapshot;
}

export function parseIndexCache(raw: string): CachedIndex {
  const parsed = JSON.parse(raw) as Partial<CachedIndex>;
  if (parsed.version !== INDEX_FORMAT_VERSION) {
    throw new UnknownIndexVersionError(`index format version ${String(parsed.version)} is not ${INDEX_FORMAT_VERSION}`);
  }
  return parsed as CachedIndex;
}

export function writeIndexCache(dir: string, entry: Omit<CachedIndex, 'version'>): void {
  mkdirSync(dir, { recursive: true });
  const file = cacheFile(dir, entry.hash);
  // Write then rename, so a crash never leaves a half-written cache behind.
  const tmp = join(dir, tempNameFor(basename(file)));
  try {
    writeFileSync(tmp, JSON.stringify({ version: INDEX_FORMAT_VERSION, ...entry }));
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
