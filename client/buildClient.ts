// npm run build: builds the chat UI with Vite into dist/client.
// npm start (server/main.ts) checks isCurrent() and runs this with --if-changed only
// when an input changed since the last build, so a restart costs the index load only.
//
// The inputs are the files the last build actually bundled (Vite's module graph,
// minus node_modules), the page, the Vite config, package-lock.json (the exact
// dependency versions) and the environment variables the build reads. Their
// content hash is kept in dist/client-build.json, written after a build succeeds
// and removed before one starts, so an interrupted build is redone.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = join(ROOT, 'dist', 'client');
const STAMP = join(ROOT, 'dist', 'client-build.json');
const LOCK = join(ROOT, 'dist', '.client-build.lock');
/** Bump when what the stamp records, or how, changes: older stamps then mean "build". */
const STAMP_VERSION = 1;
/** Read by every build besides the bundled modules. */
const FIXED_INPUTS = ['client/index.html', 'client/vite.config.ts', 'package-lock.json'];
/** Copied as they are into the build when the folder exists. */
const PUBLIC_DIR = 'client/public';
/** Environment the build's output depends on (vite.config.ts reads BUILD_SOURCEMAP; Vite reads NODE_ENV). */
const BUILD_ENV = ['BUILD_SOURCEMAP', 'NODE_ENV'];
// As the user set them: Vite sets NODE_ENV=production in this process while it builds.
const BUILD_ENV_VALUES = BUILD_ENV.map((name) => `${name}=${process.env[name] ?? ''}`);
/** Another build (a second npm start, a parallel test worker) holds the lock at most this long. */
const LOCK_STALE_MS = 5 * 60_000;

interface Stamp {
  version: number;
  hash: string;
  /** Project-relative, POSIX separators. */
  inputs: string[];
  outputs: string[];
}

export interface BuildResult {
  built: boolean;
  ms: number;
}

/** Builds the UI, or with ifChanged only when an input changed since the last build. */
export async function buildClient(options: { ifChanged?: boolean; quiet?: boolean } = {}): Promise<BuildResult> {
  const t0 = performance.now();
  if (options.ifChanged && isCurrent()) return { built: false, ms: performance.now() - t0 };
  await withLock(async () => {
    // Whoever held the lock may just have built the same thing.
    if (options.ifChanged && isCurrent()) return;
    await build(options.quiet ?? false);
  });
  return { built: true, ms: performance.now() - t0 };
}

/** True when dist/client was built from exactly the inputs that are there now. */
export function isCurrent(): boolean {
  let stamp: Stamp;
  try {
    stamp = JSON.parse(readFileSync(STAMP, 'utf8')) as Stamp;
  } catch {
    return false;
  }
  if (stamp.version !== STAMP_VERSION || !Array.isArray(stamp.inputs) || !Array.isArray(stamp.outputs)) return false;
  if (stamp.outputs.length === 0 || !stamp.outputs.every((f) => existsSync(join(OUT_DIR, f)))) return false;
  return inputsHash(stamp.inputs) === stamp.hash;
}

async function build(quiet: boolean): Promise<void> {
  rmSync(STAMP, { force: true });
  const { build: viteBuild } = await import('vite');
  const output = await viteBuild({ configFile: join(ROOT, 'client', 'vite.config.ts'), logLevel: quiet ? 'warn' : 'info' });
  const bundled = new Set<string>();
  for (const out of Array.isArray(output) ? output : [output]) {
    if (!('output' in out)) throw new Error('vite build returned a watcher, not a bundle');
    for (const item of out.output) {
      if (item.type !== 'chunk') continue;
      for (const id of item.moduleIds) {
        const file = projectFile(id);
        if (file) bundled.add(file);
      }
    }
  }
  if (bundled.size === 0) throw new Error('vite build bundled no project files: cannot tell when to rebuild');
  const inputs = [...bundled].sort();
  const stamp: Stamp = { version: STAMP_VERSION, hash: inputsHash(inputs), inputs, outputs: listFiles(OUT_DIR) };
  writeFileSync(STAMP, `${JSON.stringify(stamp, null, 1)}\n`);
}

/** A module id of the project's own (not a dependency, not a virtual module) as a project-relative path. */
function projectFile(id: string): string | undefined {
  const path = id.split('?')[0];
  if (!isAbsolute(path) || path.includes(`${sep}node_modules${sep}`)) return undefined;
  const rel = relative(ROOT, path);
  if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

function inputsHash(bundled: string[]): string {
  const hasher = createHash('sha256').update(`client-build:${STAMP_VERSION}`);
  for (const value of BUILD_ENV_VALUES) hasher.update(`\u0000env:${value}`);
  const publicFiles = existsSync(join(ROOT, PUBLIC_DIR)) ? listFiles(join(ROOT, PUBLIC_DIR)).map((f) => `${PUBLIC_DIR}/${f}`) : [];
  for (const file of [...new Set([...FIXED_INPUTS, ...publicFiles, ...bundled])].sort()) {
    hasher.update(`\u0000${file}\u0000`);
    try {
      hasher.update(readFileSync(join(ROOT, file)));
    } catch {
      hasher.update('\u0000missing');
    }
  }
  return hasher.digest('hex');
}

function listFiles(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...listFiles(join(dir, entry.name), rel));
    else out.push(rel);
  }
  return out.sort();
}

/** One build at a time per checkout: two would empty each other's output folder. */
async function withLock(fn: () => Promise<void>): Promise<void> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let age = 0;
      try {
        age = Date.now() - statSync(LOCK).mtimeMs;
      } catch {
        continue; // released just now
      }
      if (age > LOCK_STALE_MS) rmSync(LOCK, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    await fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--if-changed' && a !== '--quiet');
  if (unknown.length) {
    console.error(`unknown option ${unknown.join(' ')}; usage: tsx client/buildClient.ts [--if-changed] [--quiet]`);
    process.exit(2);
  }
  try {
    const result = await buildClient({ ifChanged: args.includes('--if-changed'), quiet: args.includes('--quiet') });
    if (!result.built) console.log(`chat UI: dist/client is up to date with its sources (checked in ${Math.round(result.ms)} ms)`);
  } catch (e) {
    console.error(`聊天界面构建失败 (chat UI build failed): ${(e as Error).message}`);
    process.exit(1);
  }
}
