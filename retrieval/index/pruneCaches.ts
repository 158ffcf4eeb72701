// The cache folder keeps what the next start can use, and nothing else. Each corpus
// location (which folders and files a corpus is made of) has its own sub-folder, so the
// server's restarts replace its cache while other corpora (the evals, a CLI run) keep theirs:
// after a load, a location's folder holds its current report cache and index cache only
// (the previous ones stay until the new ones are written, then go). The folder of a location
// whose folders are gone (a temporary one; a reports folder not made yet costs one rebuild)
// goes, and so do files left by versions before locations and temp files of writers that died.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { removeStaleTempFiles } from '../storage/removeStaleTempFiles.js';

const CACHE_FILE = /^(?:corpus|index)-[0-9a-f]+\.json$/;
/** Temp files of the cache writers before they were dot-named: `<cache file>.<pid>.tmp`. */
const OLD_TEMP = /^(?:corpus|index)-[0-9a-f]+\.json\.\d+\.tmp$/;

export interface CorpusLocation {
  dir: string | null;
  reportsDir?: string | null;
  files?: string[];
  /** Ids of in-memory sources. */
  sources?: string[];
}

const LOCATION_FILE = 'location.json';

function normalised(location: CorpusLocation): Required<CorpusLocation> {
  return {
    dir: location.dir ? resolve(location.dir) : null,
    reportsDir: location.reportsDir ? resolve(location.reportsDir) : null,
    files: (location.files ?? []).map((f) => resolve(f)).sort(),
    sources: [...(location.sources ?? [])].sort(),
  };
}

/** The sub-folder of `cacheRoot` for a corpus made of these folders, files and in-memory sources. */
export function cacheSlotDir(cacheRoot: string, location: CorpusLocation): string {
  const key = JSON.stringify(normalised(location));
  return join(cacheRoot, `corpus-${createHash('sha256').update(key).digest('hex').slice(0, 12)}`);
}

/** Records which location a cache folder is for, so a later load can tell when it is gone. */
export function markCacheSlot(slotDir: string, location: CorpusLocation): void {
  mkdirSync(slotDir, { recursive: true });
  const file = join(slotDir, LOCATION_FILE);
  if (!existsSync(file)) writeFileSync(file, JSON.stringify(normalised(location)));
}

/** A location whose folders or files are gone (a temporary folder): its cache will not be read again. */
function locationGone(slotDir: string): boolean {
  let location: Required<CorpusLocation>;
  try {
    location = JSON.parse(readFileSync(join(slotDir, LOCATION_FILE), 'utf8')) as Required<CorpusLocation>;
  } catch {
    return false; // being set up, or not ours
  }
  const paths = [location.dir, location.reportsDir, ...(location.files ?? [])].filter((p): p is string => !!p);
  return paths.some((p) => !existsSync(p));
}

/** Keeps `keep` (full paths) in `slotDir`, removes every other cache file there and the cache files of old versions in `cacheRoot`. */
export async function pruneCaches(cacheRoot: string, slotDir: string, keep: string[]): Promise<void> {
  const kept = new Set(keep.map((f) => basename(f)));
  const removeFrom = (dir: string, isStale: (name: string) => boolean) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!isStale(name)) continue;
      try {
        if (statSync(join(dir, name)).isFile()) rmSync(join(dir, name), { force: true });
      } catch {
        // gone already, or not ours to remove: a cache is never worth failing a start for
      }
    }
  };
  removeFrom(slotDir, (name) => (CACHE_FILE.test(name) && !kept.has(name)) || OLD_TEMP.test(name));
  removeFrom(cacheRoot, (name) => CACHE_FILE.test(name) || OLD_TEMP.test(name));
  for (const name of readdirSync(cacheRoot)) {
    const other = join(cacheRoot, name);
    if (other !== slotDir && /^corpus-[0-9a-f]{12}$/.test(name) && locationGone(other)) rmSync(other, { recursive: true, force: true });
  }
  await removeStaleTempFiles(slotDir);
  await removeStaleTempFiles(cacheRoot);
}
