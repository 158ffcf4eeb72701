// End to end: the built client served by the real server, driven in Chromium.
// Builds dist/client when it is missing or older than the client sources, starts
// the server in-process on a free port, and saves screenshots to test-artifacts/
// (UPDATE_SCREENSHOTS=true also refreshes the README's client/screenshot.png).
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, CHROMIUM, ensureClientBuilt, LAUNCH_ARGS, ROOT } from '../helpers/browser.js';

const QUESTION = '惠济区2024年GDP目标是多少';

const hasChromium = existsSync(CHROMIUM);
const skip = !hasChromium && !process.env.CI;
if (skip) {
  console.warn(`[e2e] 跳过端到端测试：未找到 ${CHROMIUM}（安装：apt-get install -y chromium）。在 CI 中此测试必须运行。`);
}

/** The assistant bubbles, newest last. */
const answers = (page: Page) => page.locator('article.msg-assistant');

/** Waits until the n-th answer (1-based) has finished: its badges appear once the citations arrive. */
async function waitForAnswer(page: Page, n: number) {
  const bubble = answers(page).nth(n - 1);
  await bubble.locator('.answer-meta').waitFor({ timeout: 30_000 });
  return bubble;
}

describe.skipIf(skip)('chat UI end to end (Chromium + real server)', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  const pageErrors: string[] = [];
  /** Console errors of every page: a script, style or request the Content-Security-Policy refused shows here. */
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ensureClientBuilt();
    // The server checks for dist/client when it starts, so build first.
    const { startServer } = await import('../../server/startServer.js');
    // Offline answerer: the run is deterministic whatever LLM_* variables are set.
    server = await startServer({ port: 0, quiet: true, llm: null });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openPage(width: number, height: number): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height }, locale: 'zh-CN' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(`${server.url}/#/chat`);
    // Example questions are made from the loaded reports.
    await page.getByRole('list', { name: '示例问题' }).getByRole('button').first().waitFor();
    return page;
  }

  async function ask(page: Page, question: string) {
    const box = page.getByLabel('输入问题');
    await box.fill(question);
    await box.press('Enter');
  }

  it('offers example questions about the loaded reports, and each one answers', { timeout: 60_000 }, async () => {
    const page = await openPage(1280, 800);
    const examples = page.getByRole('list', { name: '示例问题' }).getByRole('button');
    const first = (await examples.first().innerText()).trim();
    expect(first).toMatch(/^(红旗区|惠济区|卫东区)\d{4}年GDP目标是多少$/);
    await examples.first().click();
    const answer = await waitForAnswer(page, 1);
    await expect.poll(() => answer.locator('button.cite-chip').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('answers with a citation, opens it, reports no evidence, shows indicators', { timeout: 120_000 }, async () => {
    const page = await openPage(1280, 800);
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    // 1. The example question, typed.
    await ask(page, QUESTION);
    const first = await waitForAnswer(page, 1);
    await expect.poll(() => first.innerText()).toContain('7%左右');
    const chip = first.locator('button.cite-chip:not([aria-disabled])', { hasText: '1' }).first();
    expect(await chip.getAttribute('aria-label')).toBe('引用 1');
    expect(await first.innerText()).toContain('根据报告原文');
    expect(await first.innerText()).not.toMatch(/离线|毫秒|huiji-2024:p/);
    await page.screenshot({ path: join(ARTIFACTS, 'desktop-1-answer.png') });

    // 2. The chip opens the cited paragraph in a side panel, with focus inside it.
    await chip.click();
    const panel = page.getByRole('dialog', { name: '引用出处' });
    await panel.waitFor();
    await expect.poll(() => panel.locator('.cite-para').innerText()).toContain('地区生产总值增长7%左右');
    expect(await panel.locator('.cite-para mark').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => !!document.activeElement?.closest('.cite-panel'))).toBe(true);
    await panel.locator('.ctx-para').first().waitFor(); // neighbouring paragraphs
    expect(await panel.getByRole('link', { name: '在完整报告中查看' }).getAttribute('href')).toMatch(
      /^#\/reports\/huiji-2024\?p=huiji-2024:p\d+(&hl=[\d,-]+)?$/,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'desktop-2-citation-panel.png') });
    // The README's first screenshot (UPDATE_SCREENSHOTS=true).
    if (process.env.UPDATE_SCREENSHOTS === 'true') copyFileSync(join(ARTIFACTS, 'desktop-2-citation-panel.png'), join(ROOT, 'client', 'screenshot.png'));
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // 3. A district the reports do not cover: the no-evidence answer.
    const box = page.getByLabel('输入问题');
    await box.fill('金水区2024年GDP目标是多少');
    await box.press('Enter');
    const second = await waitForAnswer(page, 2);
    expect(await second.innerText()).toContain('未找到');
    expect(await second.getAttribute('class')).toContain('is-no-evidence');
    await page.screenshot({ path: join(ARTIFACTS, 'desktop-3-no-evidence.png') });

    // 4. The indicator view.
    await page.getByRole('link', { name: '指标', exact: true }).click();
    await page.waitForURL(/#\/indicators/);
    const rows = page.locator('table.ind-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.filter({ hasText: '地区生产总值' }).count()).toBeGreaterThan(0);
    expect(await page.locator('svg.chart[role="img"]').getAttribute('aria-label')).toContain('地区生产总值');
    await page.screenshot({ path: join(ARTIFACTS, 'desktop-4-indicators.png') });

    // 5. "Open the whole report" lands on the paragraph.
    await page.goto(`${server.url}/#/reports/huiji-2024`);
    await page.locator('.report-body').waitFor();
    const firstPara = await page.locator('.report-body [data-paragraph-id]').nth(4).getAttribute('data-paragraph-id');
    await page.goto(`${server.url}/#/reports/huiji-2024?p=${firstPara}`);
    await page.locator('.rp.is-target').waitFor();
    expect(await page.locator('.rp.is-target').getAttribute('data-paragraph-id')).toBe(firstPara);

    await page.close();
    expect(pageErrors).toEqual([]);
  });

  it('works at phone width: the citation opens as a full-screen sheet', { timeout: 90_000 }, async () => {
    const page = await openPage(375, 740);
    await ask(page, QUESTION);
    const first = await waitForAnswer(page, 1);
    await expect.poll(() => first.innerText()).toContain('7%左右');
    await page.screenshot({ path: join(ARTIFACTS, 'mobile-1-answer.png') });

    await first.locator('button.cite-chip:not([aria-disabled])').first().click();
    const panel = page.getByRole('dialog', { name: '引用出处' });
    await panel.waitFor();
    await expect.poll(() => panel.locator('.cite-para').innerText()).toContain('地区生产总值增长7%左右');
    const rect = await panel.boundingBox();
    expect(rect?.width).toBe(375);
    await page.waitForTimeout(300); // let the sheet finish sliding in
    await page.screenshot({ path: join(ARTIFACTS, 'mobile-2-citation-sheet.png') });

    await page.getByRole('button', { name: '关闭引用面板' }).click();
    await panel.waitFor({ state: 'detached' });
    // No horizontal scrolling at 375 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

    await page.close();
    expect(pageErrors).toEqual([]);
  });

  it('shows a banner on every page while the server runs degraded, and none otherwise', { timeout: 90_000 }, async () => {
    const healthy = await openPage(1280, 800);
    await healthy.waitForLoadState('networkidle');
    expect(await healthy.locator('.banner-degraded').count()).toBe(0);
    await healthy.close();

    const { startServer } = await import('../../server/startServer.js');
    const { loadCorpus } = await import('../../retrieval/corpus/loadCorpus.js');
    const { createBigramTokenizer } = await import('../../retrieval/tokenize/bigramTokenizer.js');
    const standIn = { ...createBigramTokenizer(), degraded: 'nodejieba 无法加载，检索退化为二字切分（bigram）' };
    const degraded = await startServer({ port: 0, quiet: true, llm: null, corpus: await loadCorpus({ cacheDir: false, tokenizer: standIn }) });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
      page.on('pageerror', (e) => pageErrors.push(e.message));
      for (const view of ['chat', 'reports']) {
        await page.goto(`${degraded.url}/#/${view}`);
        const banner = page.getByRole('alert').filter({ hasText: '降级运行' });
        await banner.waitFor();
        expect(await banner.innerText()).toContain('nodejieba 无法加载');
      }
      await page.screenshot({ path: join(ARTIFACTS, 'degraded-banner.png') });
      await page.close();
    } finally {
      await degraded.close();
    }
    expect(pageErrors).toEqual([]);
  });

  it('runs under its Content-Security-Policy, and no other site can frame it', { timeout: 90_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    const res = await page.goto(`${server.url}/#/chat`);
    const headers = res!.headers();
    expect(headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    // Everything the earlier tests did (answers, citations, the report and indicator views) ran
    // under this policy: nothing was refused.
    await ask(page, QUESTION);
    const answer = await waitForAnswer(page, 1);
    await expect.poll(() => answer.innerText()).toContain('7%左右');
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);

    // A page of another origin that frames the UI gets nothing.
    const other = await browser.newPage();
    await other.setContent(`<iframe id="f" src="${server.url}/#/reports" width="800" height="600"></iframe>`);
    await other.waitForTimeout(1000);
    const frame = other.frames().find((f) => f !== other.mainFrame());
    const framedRoot = frame ? await frame.evaluate(() => document.getElementById('root')?.childElementCount ?? 0).catch(() => 0) : 0;
    expect(framedRoot).toBe(0);
    await other.close();
    await page.close();
  });
});

