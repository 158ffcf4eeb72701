// Writing a file so that once the call returns it is on disk whole, even after a crash or a
// power cut: a dot-named temp file in the same folder (never read as a report), flushed,
// renamed into place (atomic: the old content or the new, never half of one), then the
// folder flushed. A crash before the rename leaves only the temp file, which the next start
// removes (removeStaleTempFiles).
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { syncDirectory } from './syncDirectory.js';

const TEMP = /^\..+\.(\d+)\.\d+\.tmp$/;

/** `.name.<pid>.<time>.tmp`: the writer's process id tells a crashed writer's file from a live one's. */
export function tempNameFor(name: string): string {
  return `.${name}.${process.pid}.${Date.now()}.tmp`;
}

/** The process id that wrote a temp file, or undefined when `name` is not one. */
export function tempFileWriter(name: string): number | undefined {
  const m = TEMP.exec(name);
  return m ? Number(m[1]) : undefined;
}

export async function writeFileDurably(dir: string, name: string, data: Uint8Array | string): Promise<void> {
  const tmp = join(dir, tempNameFor(name));
  try {
    const handle = await open(tmp, 'wx', 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, join(dir, name));
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  await syncDirectory(dir);
}
