import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Writes the jieba user dictionary (one `word tag` per line) to os.tmpdir() and
 * returns its path. Generated at load time from domainTerms() rather than shipped,
 * so it always matches vocabulary.ts. The file name carries a hash of the content:
 * concurrent processes with the same terms share one file, a changed term list
 * gets a new one, and write-to-temp + rename means no process reads a half-written file
 * (cppjieba aborts the whole process if the file cannot be opened).
 * The hash is returned too: it goes into the tokenizer's name, which keys the index cache.
 */
export function writeUserDict(terms: readonly string[]): { path: string; hash: string } {
  // No frequency column: cppjieba then gives each word the median weight of its
  // base dictionary, enough for a single dictionary word to beat the 2–4 pieces
  // jieba would otherwise cut it into, without distorting unrelated text.
  const content = terms.map((t) => `${t} n`).join('\n') + '\n';
  const hash = userDictHash(content);
  const path = join(tmpdir(), `report-qa-jieba-user-${hash}.utf8`);
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, content, 'utf8');
    renameSync(partial, path);
  }
  return { path, hash };
}

export function userDictHash(content: string): string {
  return createHash('sha1').update(content).digest('hex').slice(0, 12);
}
