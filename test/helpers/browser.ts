// Shared by the browser end-to-end tests: where Chromium is, how it is launched,
// and building dist/client when it was not built from the current sources.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts');

export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Builds dist/client unless it was built from the current sources (client/buildClient.ts decides, as npm start does). */
export function ensureClientBuilt(): void {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  try {
    execFileSync(process.execPath, [tsx, 'client/buildClient.ts', '--if-changed', '--quiet'], {
      cwd: ROOT,
      stdio: 'pipe',
      timeout: 120_000,
    });
  } catch (err) {
    const e = err as { stdout?: Buffer; stderr?: Buffer; message: string };
    throw new Error(`客户端构建失败：${e.message}\n${e.stdout?.toString() ?? ''}\n${e.stderr?.toString() ?? ''}`);
  }
}
