// End to end: a model that answers in Markdown (a heading, bold, a comparison table), through
// the real server, rendered in Chromium under a strict Content Security Policy: the table is
// a table, its citation chips open their paragraphs, and nothing the model wrote as HTML runs.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, CHROMIUM, ensureClientBuilt, LAUNCH_ARGS } from '../helpers/browser.js';
import { startFakeOpenAI, type FakeOpenAI, type FakeRequest } from '../helpers/fakeOpenAIServer.js';

const skip = !existsSync(CHROMIUM) && !process.env.CI;
if (skip) console.warn(`[e2e] 跳过 Markdown 回答的端到端测试：未找到 ${CHROMIUM}。在 CI 中此测试必须运行。`);

/** What a strict deployment sends (no inline script or style, everything from our own origin). */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
const QUESTION = '惠济区和卫东区2024年GDP目标分别是多少';

/** The marker the prompt gave to the source containing `needle`. */
function markerFor(req: FakeRequest, needle: string): number {
  const user = req.messages.filter((m) => m.role === 'user').map((m) => String(m.content)).join('\n');
  const line = user.split('\n').find((l) => /^\[\d+\]/.test(l) && l.includes(needle))!;
  return Number(/^\[(\d+)\]/.exec(line)![1]);
}

describe.skipIf(skip)('a Markdown answer in the chat (Chromium + real server + fake model, strict CSP)', () => {
  let browser: Browser;
  let fake: FakeOpenAI;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ensureClientBuilt();
    fake = await startFakeOpenAI((req) => {
      const h = markerFor(req, '地区生产总值增长7%左右');
      const w = markerFor(req, '经济增长6.5%');
      return {
        text: `### 2024年GDP目标\n\n**两区**的预期目标<img src=x onerror="document.title='pwned'">见下表[${h}][${w}]。\n\n| 地区 | 2024年GDP目标 |\n| --- | --- |\n| 惠济区 | 增长7%左右[${h}] |\n| 卫东区 | 增长6.5%[${w}] |`,
        pieces: 12,
      };
    });
    const { startServer } = await import('../../server/startServer.js');
    server = await startServer({ port: 0, quiet: true, env: { LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-model', LLM_TIMEOUT_MS: '10000' } });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await fake?.close();
  });

  it('renders the table with working citation chips, and no HTML the model wrote', { timeout: 90_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`);
    });
    await page.route(`${server.url}/`, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': CSP } });
    });
    await page.goto(`${server.url}/#/chat`);
    const box = page.getByLabel('输入问题');
    await box.fill(QUESTION);
    await box.press('Enter');
    const answer = page.locator('article.msg-assistant').first();
    await answer.locator('.answer-meta').waitFor({ timeout: 30_000 });

    await expect.poll(() => answer.locator('table tbody tr').count()).toBe(2);
    expect(await answer.locator('h4.answer-heading').innerText()).toBe('2024年GDP目标');
    expect(await answer.locator('strong').first().innerText()).toBe('两区');
    const rows = await answer.locator('table tbody tr').allInnerTexts();
    expect(rows[0]).toMatch(/惠济区\s+增长7%左右\s*1/);
    expect(rows[1]).toMatch(/卫东区\s+增长6\.5%\s*2/);
    // The model's HTML is shown as text, never run.
    expect(await answer.locator('img').count()).toBe(0);
    expect(await answer.innerText()).toContain('<img src=x');
    expect(await page.title()).not.toBe('pwned');

    // A chip inside a table cell opens its paragraph.
    await answer.locator('table button.cite-chip').nth(1).click();
    const panel = page.getByRole('dialog', { name: '引用出处' });
    await panel.waitFor();
    expect(await panel.innerText()).toContain('卫东区');
    await page.screenshot({ path: join(ARTIFACTS, 'markdown-answer.png') });
    expect(problems).toEqual([]);
    await page.close();
  });
});
