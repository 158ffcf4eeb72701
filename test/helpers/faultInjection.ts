// Kills this process with SIGKILL in the middle of its writes to one folder, the way a
// crash or a power cut would: at the k-th write, rename or removal there (a write is cut
// after half of its bytes). Whatever the code under test does, through fs or fs/promises,
// sync or not, every such step can be the last. Also records each step, flushes included,
// so a test can check the order in which a change reaches the disk.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import fsp from 'node:fs/promises';
import { resolve, sep } from 'node:path';

export interface Injection {
  /** Steps seen: `write <name>`, `rename <from> <to>`, `unlink <name>`, `sync <name>` (names relative to the folder, `.` for itself). */
  readonly steps: string[];
  /** Kill at the k-th write, rename or removal from now on (0: never). */
  arm(killAt: number): void;
}

type AnyFn = (...args: unknown[]) => unknown;

export async function injectFaults(folder: string): Promise<Injection> {
  const root = resolve(folder);
  const rel = (p: unknown): string | undefined => {
    if (typeof p !== 'string' && !(p instanceof URL) && !Buffer.isBuffer(p)) return undefined;
    const abs = resolve(p instanceof URL ? p.pathname : String(p));
    if (abs === root) return '.';
    return abs.startsWith(root + sep) ? abs.slice(root.length + 1) : undefined;
  };
  const steps: string[] = [];
  let killAt = 0;
  let counted = 0;
  const kill = () => process.kill(process.pid, 'SIGKILL');
  /** A step that changes what the folder holds; `cut` runs instead of it when it is the last. */
  const change = (step: string): boolean => {
    steps.push(step);
    return killAt > 0 && ++counted === killAt;
  };
  const half = (data: unknown): Uint8Array => {
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data as Uint8Array);
    return bytes.subarray(0, Math.floor(bytes.length / 2));
  };
  const renameStep = (from: unknown, to: unknown) => (rel(to) !== undefined ? `rename ${rel(from)} ${rel(to)}` : undefined);
  const removeStep = (p: unknown) => (rel(p) !== undefined ? `unlink ${rel(p)}` : undefined);

  // fs/promises: a handle remembers its path; writes through it may be cut in half.
  const handlePath = new WeakMap<object, string>();
  const probe = await fsp.open(process.execPath, 'r');
  const P = Object.getPrototypeOf(probe) as Record<string, AnyFn>;
  await probe.close();
  const open = fsp.open as AnyFn;
  (fsp as unknown as Record<string, AnyFn>).open = async (path: unknown, ...rest: unknown[]) => {
    const handle = (await open(path, ...rest)) as object;
    const name = rel(path);
    if (name !== undefined) handlePath.set(handle, name);
    return handle;
  };
  for (const method of ['writeFile', 'write']) {
    const original = P[method];
    P[method] = async function (this: object, data: unknown, ...rest: unknown[]) {
      const name = handlePath.get(this);
      if (name !== undefined && change(`write ${name}`)) {
        await original.call(this, half(data));
        kill();
      }
      return original.call(this, data, ...rest);
    };
  }
  for (const method of ['sync', 'datasync']) {
    const original = P[method];
    P[method] = async function (this: object, ...rest: unknown[]) {
      const name = handlePath.get(this);
      if (name !== undefined) steps.push(`sync ${name}`);
      return original.call(this, ...rest);
    };
  }
  const afterAsync = (original: AnyFn, step: (...a: unknown[]) => string | undefined) => async (...args: unknown[]) => {
    const result = await original(...args);
    const s = step(...args);
    if (s && change(s)) kill();
    return result;
  };
  const promises = fsp as unknown as Record<string, AnyFn>;
  promises.rename = afterAsync(promises.rename, renameStep);
  promises.unlink = afterAsync(promises.unlink, removeStep);
  promises.rm = afterAsync(promises.rm, removeStep);

  // fs, sync: a file descriptor remembers its path.
  const sync = fs as unknown as Record<string, AnyFn>;
  const fdPath = new Map<number, string>();
  const openSync = sync.openSync;
  sync.openSync = (path: unknown, ...rest: unknown[]) => {
    const fd = openSync(path, ...rest) as number;
    const name = rel(path);
    if (name !== undefined) fdPath.set(fd, name);
    return fd;
  };
  const writeFileSync = sync.writeFileSync;
  sync.writeFileSync = (path: unknown, data: unknown, ...rest: unknown[]) => {
    const name = typeof path === 'number' ? fdPath.get(path) : rel(path);
    if (name !== undefined && change(`write ${name}`)) {
      writeFileSync(path, half(data));
      kill();
    }
    return writeFileSync(path, data, ...rest);
  };
  const writeSync = sync.writeSync;
  sync.writeSync = (fd: unknown, data: unknown, ...rest: unknown[]) => {
    const name = fdPath.get(fd as number);
    if (name !== undefined && change(`write ${name}`)) {
      writeSync(fd, half(data));
      kill();
    }
    return writeSync(fd, data, ...rest);
  };
  const fsyncSync = sync.fsyncSync;
  sync.fsyncSync = (fd: unknown) => {
    const name = fdPath.get(fd as number);
    if (name !== undefined) steps.push(`sync ${name}`);
    return fsyncSync(fd);
  };
  const afterSync = (original: AnyFn, step: (...a: unknown[]) => string | undefined) => (...args: unknown[]) => {
    const result = original(...args);
    const s = step(...args);
    if (s && change(s)) kill();
    return result;
  };
  sync.renameSync = afterSync(sync.renameSync, renameStep);
  sync.unlinkSync = afterSync(sync.unlinkSync, removeStep);
  sync.rmSync = afterSync(sync.rmSync, removeStep);
  syncBuiltinESMExports();

  return {
    steps,
    arm(k: number) {
      killAt = k;
      counted = 0;
    },
  };
}
