// Where a loaded report's original bytes are: an added report in the reports
// folder (REPORTS_DIR), a built-in one in seeds/, any in the database. The file is served only when
// its bytes are the ones the corpus loaded (same content hash), so a page shown
// beside a citation is always the page the citation was read from.
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { contentHash, type Corpus, DEFAULTS, PROJECT_ROOT } from '../../retrieval/public.js';

export interface OriginalFile {
  bytes: Buffer;
  /** Lower-case extension with the dot: .pdf */
  ext: string;
  hash: string;
}

/** Reads asynchronously: a PDF may be 25 MB, and other requests go on meanwhile. */
export async function findOriginalFile(corpus: Corpus, id: string, dirs: { seedsDir?: string | null; reportsDir?: string }): Promise<OriginalFile | undefined> {
  const report = corpus.reportById.get(id);
  const loaded = corpus.contentHashes.get(id);
  if (!report || !loaded) return undefined;
  const name = report.meta.sourceFile;
  // A database keeps every report's file beside it.
  if (corpus.database) {
    const stored = await corpus.database.originalFile(id);
    return stored ? { bytes: Buffer.from(stored.bytes), ext: extname(name).toLowerCase(), hash: stored.hash } : undefined;
  }
  // sourceFile is a bare file name; anything else is not ours to open.
  if (!name || name !== name.split(/[\\/]/).pop() || name.startsWith('.')) return undefined;
  const origin = corpus.origins.get(id);
  const seeds = dirs.seedsDir === undefined ? join(PROJECT_ROOT, DEFAULTS.seedsDir) : dirs.seedsDir;
  const dir = origin === 'added' ? dirs.reportsDir : seeds;
  if (!dir) return undefined;
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, name));
  } catch {
    return undefined;
  }
  const hash = contentHash(bytes);
  return hash === loaded ? { bytes, ext: extname(name).toLowerCase(), hash } : undefined;
}
