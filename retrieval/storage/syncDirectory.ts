// A rename or an unlink is durable only once the folder holding it is flushed: after a
// power cut, a file renamed into place but not flushed in its folder may be gone again.
import { open } from 'node:fs/promises';

/** Flushes a folder's entries to disk. Platforms that cannot open a folder (Windows) skip it. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // Windows cannot open a folder; some file systems do not sync one (EINVAL): nothing more can be done there.
    if (code === 'EISDIR' || code === 'EPERM' || code === 'EINVAL' || code === 'ENOTSUP') return;
    throw e;
  } finally {
    await handle?.close();
  }
}
