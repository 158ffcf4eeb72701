// npm start builds the chat UI only when an input of the last build changed.
// Run on a copy of the project (sources, lockfile, the installed node_modules),
// so the real dist/ and sources are left alone.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/browser.js';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
let copy: string;

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'client-build-'));
  for (const entry of ['client', 'server', 'retrieval', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** What `npm start` runs in the copy: true when it built, false when it found the build current. */
function buildIfChanged(env: Record<string, string> = {}): boolean {
  const { BUILD_SOURCEMAP: _, NODE_ENV: __, ...rest } = process.env;
  const out = execFileSync(process.execPath, [TSX, 'client/buildClient.ts', '--if-changed', '--quiet'], {
    cwd: copy,
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return !out.includes('up to date');
}

describe('building the chat UI at start', () => {
  it('builds once, then only when a bundled source, the lockfile, the build variables or the output change', { timeout: 240_000 }, () => {
    expect(buildIfChanged()).toBe(true);
    expect(existsSync(join(copy, 'dist', 'client', 'index.html'))).toBe(true);
    const stamp = JSON.parse(readFileSync(join(copy, 'dist', 'client-build.json'), 'utf8')) as { inputs: string[] };
    // The module graph, not a hand-kept list: the shared API schemas are in it, server code is not.
    expect(stamp.inputs).toEqual(expect.arrayContaining(['client/src/main.tsx', 'client/src/styles.css', 'server/api/schemas.ts']));
    expect(stamp.inputs.some((f) => f.startsWith('server/answer/') || f.includes('node_modules'))).toBe(false);

    expect(buildIfChanged()).toBe(false);
    appendFileSync(join(copy, 'server', 'answer', 'offlineAnswerer.ts'), '\n// not part of the UI\n');
    expect(buildIfChanged()).toBe(false);

    appendFileSync(join(copy, 'server', 'api', 'schemas.ts'), '\n// shared with the UI\n');
    expect(buildIfChanged()).toBe(true);
    expect(buildIfChanged()).toBe(false);

    appendFileSync(join(copy, 'package-lock.json'), '\n');
    expect(buildIfChanged()).toBe(true);

    const maps = { BUILD_SOURCEMAP: 'true' };
    expect(buildIfChanged(maps)).toBe(true);
    expect(buildIfChanged(maps)).toBe(false);

    rmSync(join(copy, 'dist', 'client', 'index.html'));
    expect(buildIfChanged(maps)).toBe(true);
    expect(existsSync(join(copy, 'dist', 'client', 'index.html'))).toBe(true);
  });
});
