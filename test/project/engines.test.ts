// Engines honest: every package the lockfile installs admits every Node version
// package.json's engines admits, so `npm ci` on a supported Node never warns
// EBADENGINE, and the field says no more than the dependencies allow.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/browser.js';

interface LockPackage {
  version?: string;
  engines?: { node?: string } | string[];
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockPackage> };

describe('engines', () => {
  const supported = pkg.engines.node;

  it('names the Node lines CI runs, each from a floor, and no line in between', () => {
    expect(semver.validRange(supported)).not.toBeNull();
    for (const major of [20, 22, 24]) expect(semver.intersects(supported, `^${major}.0.0`)).toBe(true);
    for (const major of [18, 21, 23]) expect(semver.intersects(supported, `^${major}.0.0`)).toBe(false);
  });

  it('of every installed package admit every Node version package.json admits', () => {
    const narrower: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      if (path === '') continue;
      const range = !entry.engines || Array.isArray(entry.engines) ? undefined : entry.engines.node;
      if (!range) continue;
      if (!semver.subset(supported, range)) narrower.push(`${path.replace(/^.*node_modules\//, '')}@${entry.version}: node ${range}`);
    }
    expect(narrower).toEqual([]);
  });
});
