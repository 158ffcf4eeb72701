// Temp files left by a writer that died (kill -9, a power cut) before renaming them into
// place: nobody will finish them. A temp file of a live process (another server or CLI
// sharing the folder) is being written and stays.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { tempFileWriter } from './writeFileDurably.js';

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes dead writers' temp files (`.name.<pid>.<time>.tmp`) from `dir`; returns their names. */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = tempFileWriter(name);
    if (pid === undefined || isAlive(pid)) continue;
    await rm(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}
