// A missing segmenter is a fault users see: npm start, the CLIs and the evals stop
// with the fix, unless TOKENIZER_FALLBACK=bigram, which runs degraded and says so.
// Real processes, with nodejieba's binding hidden as a blocked install script leaves it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponseSchema } from '../../../server/api/schemas.js';
import { ROOT } from '../../helpers/browser.js';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const PRELOAD = join(ROOT, 'test', 'helpers', 'withoutNodejiebaBinding.cjs');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segmenter-fault-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { TOKENIZER_FALLBACK: _, LLM_BASE_URL: __, ...rest } = process.env;
  return { ...rest, NODE_OPTIONS: `--require ${JSON.stringify(PRELOAD)}`, REPORTS_DIR: join(dir, 'reports'), ...extra };
}

/** Runs a TypeScript entry point under tsx, as the npm scripts do, to its end. */
function run(args: string[], extra?: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, ...args], { cwd: ROOT, env: env(extra), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function expectTheFix(text: string) {
  expect(text).toContain('nodejieba');
  expect(text).toContain('native binding was not found');
  expect(text).toContain('"allowScripts"');
  expect(text).toContain('npm rebuild nodejieba');
  expect(text).toContain('TOKENIZER_FALLBACK=bigram');
}

describe('without the nodejieba binding', () => {
  it('npm start stops with the fault and its fix, and serves nothing', { timeout: 60_000 }, async () => {
    const r = await run(['server/main.ts'], { PORT: '0' });
    expect(r.code).toBe(1);
    expectTheFix(r.stderr);
    expect(r.stdout).not.toContain('listening');
  });

  it('the CLIs stop the same way', { timeout: 60_000 }, async () => {
    const r = await run(['retrieval/cli/search.ts', '惠济区2024年GDP目标是多少']);
    expect(r.code).toBe(1);
    expectTheFix(r.stderr);
  });

  it('npm run eval scores nothing, with or without TOKENIZER_FALLBACK=bigram', { timeout: 60_000 }, async () => {
    const set = join(dir, 'one.jsonl');
    const q = { id: 'q1', question: '惠济区2024年GDP目标是多少', category: 'target', answerable: true, must_include: ['7%左右'], evidence: [{ report: 'huiji-2024', quote: '7%左右' }] };
    writeFileSync(set, `${JSON.stringify(q)}\n`);
    const args = ['evals/runEval.ts', '--set', set, '--out', join(dir, 'eval')];
    const plain = await run(args);
    expect(plain.code).toBe(2);
    expectTheFix(plain.stderr);
    const degraded = await run(args, { TOKENIZER_FALLBACK: 'bigram' });
    expect(degraded.code).toBe(2);
    expect(degraded.stderr).toContain('refusing to score a degraded build');
  });

  it('with TOKENIZER_FALLBACK=bigram npm start serves, and /healthz says it is degraded', { timeout: 90_000 }, async () => {
    const child = spawn(process.execPath, [TSX, 'server/main.ts'], {
      cwd: ROOT,
      env: env({ PORT: '0', TOKENIZER_FALLBACK: 'bigram' }),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += d;
          const m = /listening on (http:\/\/\S+)/.exec(stdout);
          if (m) resolve(m[1]);
        });
        child.on('close', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
      });
      expect(stdout).toContain('tokenizer bigram (degraded)');
      expect(stderr).toContain('TOKENIZER_FALLBACK=bigram: running degraded');
      const health = HealthResponseSchema.parse(await (await fetch(`${url}/healthz`)).json());
      expect(health.tokenizer).toBe('bigram (degraded)');
      expect(health.degraded[0]).toMatch(/nodejieba 无法加载.*native binding was not found/);
    } finally {
      // Its own process group: stops tsx and the node process it runs; the test ends when they have.
      const closed = new Promise((resolve) => child.once('close', resolve));
      process.kill(-child.pid!, 'SIGTERM');
      await closed;
    }
  });
});
