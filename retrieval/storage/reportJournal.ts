// Adding a report writes two files (its sidecar, then the report file) and deleting one
// removes them in the reverse order. A crash between the two must not leave half a report:
// a report without the metadata its user gave, or an orphan sidecar that makes the next
// upload of that name <id>-2. Before touching either file the store writes a small journal
// entry (`.pending-<op>-<id>.json`, flushed), and removes it once both are done; at the next
// start, recoverReportsDir finishes or rolls back whatever an entry names:
// - an add whose report file is in place is complete (the sidecar was written before it):
//   the entry goes; an add without its report file is rolled back (its sidecar goes);
// - a delete is finished (whatever of its files is left goes).
// An entry that cannot be read was cut short while being written: nothing had been changed.
import { open, readdir, readFile, rm, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { removeStaleTempFiles } from './removeStaleTempFiles.js';
import { syncDirectory } from './syncDirectory.js';

export interface PendingChange {
  op: 'add' | 'delete';
  id: string;
  /** Add: in the order written, the report file last. Delete: in the order removed, the report file first. */
  files: string[];
}

const PREFIX = '.pending-';

export function journalName(change: PendingChange): string {
  return `${PREFIX}${change.op}-${change.id}.json`;
}

/** Records a change about to be made; flushed, with its folder, before it returns. */
export async function beginChange(dir: string, change: PendingChange): Promise<void> {
  const handle = await open(join(dir, journalName(change)), 'w', 0o644);
  try {
    await handle.writeFile(JSON.stringify(change));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDirectory(dir);
}

/** The change is complete on disk: its entry goes. */
export async function endChange(dir: string, change: PendingChange): Promise<void> {
  await unlink(join(dir, journalName(change)));
  await syncDirectory(dir);
}

/** A file a journal entry may name: a plain name in the folder, never a path or a dot file. */
function plainName(name: unknown): name is string {
  return typeof name === 'string' && name.length > 0 && !/[\\/]/.test(name) && !name.startsWith('.');
}

function readChange(raw: string): PendingChange | undefined {
  try {
    const c = JSON.parse(raw) as Partial<PendingChange>;
    if ((c.op === 'add' || c.op === 'delete') && typeof c.id === 'string' && Array.isArray(c.files) && c.files.length > 0 && c.files.every(plainName)) {
      return c as PendingChange;
    }
  } catch {
    // cut short while being written
  }
  return undefined;
}

export interface Recovery {
  /** Ids whose add was complete on disk, or whose delete was finished now. */
  finished: string[];
  /** Ids whose half-done add was undone. */
  rolledBack: string[];
  /** Temp files of writers that died. */
  tempFilesRemoved: string[];
}

/** Finishes or rolls back the changes a crash interrupted, and removes dead writers' temp files. Run before the folder is loaded. */
export async function recoverReportsDir(dir: string): Promise<Recovery> {
  const recovery: Recovery = { finished: [], rolledBack: [], tempFilesRemoved: [] };
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return recovery; // no folder yet: nothing was ever written
  }
  for (const name of names.filter((n) => n.startsWith(PREFIX) && n.endsWith('.json'))) {
    const change = readChange(await readFile(join(dir, name), 'utf8').catch(() => ''));
    if (change?.op === 'add') {
      const report = change.files[change.files.length - 1];
      const complete = names.includes(report);
      if (!complete) for (const f of [...change.files].reverse()) await rm(join(dir, f), { force: true });
      (complete ? recovery.finished : recovery.rolledBack).push(change.id);
    } else if (change?.op === 'delete') {
      for (const f of change.files) await rm(join(dir, f), { force: true });
      recovery.finished.push(change.id);
    }
    await rm(join(dir, name), { force: true });
  }
  recovery.tempFilesRemoved = await removeStaleTempFiles(dir);
  await syncDirectory(dir);
  return recovery;
}
