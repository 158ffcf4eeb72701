// Every response carries nosniff and a referrer policy; the UI is served under a
// Content-Security-Policy with no inline script and frame-ancestors 'self'.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Corpus } from '../../../retrieval/types.js';
import { createApp } from '../../../server/app.js';
import { sharedCorpus } from '../../helpers/corpus.js';

let corpus: Corpus;
let clientDir: string;
beforeAll(async () => {
  corpus = await sharedCorpus();
  clientDir = mkdtempSync(join(tmpdir(), 'client-'));
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="/assets/app.js"></script>');
});
afterAll(() => rmSync(clientDir, { recursive: true, force: true }));

describe('security headers', () => {
  it('are on the UI, the API and errors alike', async () => {
    const app = createApp({ corpus, clientDir });
    for (const [path, status] of [['/', 200], ['/#/reports', 200], ['/healthz', 200], ['/api/reports', 200], ['/api/nothing-here', 404]] as const) {
      const res = await app.request(path);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), path).toBe('SAMEORIGIN');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("frame-ancestors 'self'");
      expect(csp, path).toContain("script-src 'self'");
      expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get('strict-transport-security'), path).toBeNull();
    }
  });
});
