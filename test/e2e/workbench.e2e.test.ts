// End to end, the analyst's workbench in Chromium under a strict Content Security
// Policy (no inline script, workers and data from our own origin): a PDF report
// uploaded and asked about, its citation opening the rendered page with the span
// marked, the original downloaded byte for byte; the conversation still listed
// after the browser is closed and opened again (same profile), exported as
// Markdown; the hit test; the indicators as CSV; the dark theme; and the layout
// bugs the issue lists (删除 clipping, paragraph number over the highlight).
// UPDATE_SCREENSHOTS=true also writes the README's screenshots into client/.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, CHROMIUM, ensureClientBuilt, LAUNCH_ARGS, ROOT } from '../helpers/browser.js';
import { makeDocx, skipPdf, toPdf } from '../helpers/formatFixtures.js';
import { syntheticReportLines } from '../helpers/syntheticReport.js';

const skip = (!existsSync(CHROMIUM) || skipPdf) && !process.env.CI;
if (skip) console.warn('[e2e] 跳过工作台端到端测试：需要 /usr/bin/chromium 和 LibreOffice。在 CI 中此测试必须运行。');

/** What a strict deployment sends (no inline script or style, everything from our own origin). */
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'self'";
const QUESTION = '沐溪区2023年一般公共预算收入是多少';
const EXAMPLE = '惠济区2024年GDP目标是多少';

describe.skipIf(skip)('the analyst’s workbench (Chromium + real server)', () => {
  let server: { url: string; close(): Promise<void> };
  let work: string;
  let profile: string;
  let pdfPath: string;
  let context: BrowserContext | undefined;
  const problems: string[] = [];

  const shot = async (page: Page, name: string, readme?: string) => {
    await page.screenshot({ path: join(ARTIFACTS, name) });
    if (readme && process.env.UPDATE_SCREENSHOTS === 'true') copyFileSync(join(ARTIFACTS, name), join(ROOT, 'client', readme));
  };

  async function launch(): Promise<BrowserContext> {
    const ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: LAUNCH_ARGS,
      viewport: { width: 1440, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    // The page itself is served with the strict policy; every violation is a failure.
    await ctx.route(`${server.url}/`, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, headers: { ...res.headers(), 'content-security-policy': CSP } });
    });
    ctx.on('page', (p) => watch(p));
    return ctx;
  }

  function watch(page: Page) {
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(`csp: ${m.text()}`);
    });
  }

  async function open(hash: string): Promise<Page> {
    const page = context!.pages()[0] ?? (await context!.newPage());
    if (!context!.pages().includes(page)) watch(page);
    await page.goto(`${server.url}/${hash}`);
    return page;
  }

  const downloadOf = async (page: Page, click: () => Promise<void>) => {
    const [download] = await Promise.all([page.waitForEvent('download'), click()]);
    return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ensureClientBuilt();
    work = mkdtempSync(join(tmpdir(), 'workbench-e2e-'));
    profile = join(work, 'profile');
    const docx = await makeDocx(syntheticReportLines(12, '沐溪'), { header: '沐溪区人民政府工作报告' });
    pdfPath = join(work, '沐溪区2024年政府工作报告.pdf');
    writeFileSync(pdfPath, (await toPdf([{ name: 'muxi.docx', bytes: docx }])).get('muxi.docx')!);
    const { startServer } = await import('../../server/startServer.js');
    server = await startServer({ port: 0, quiet: true, llm: null, reportsDir: join(work, 'reports') });
    context = await launch();
    watch(context.pages()[0]);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('uploads a PDF, answers from it, shows the cited page with the span marked, downloads the original', { timeout: 150_000 }, async () => {
    const page = await open('#/reports');
    await page.getByTestId('report-file-input').setInputFiles(pdfPath);
    await page.getByTestId('upload-item').filter({ hasText: '已添加，可以提问' }).waitFor({ timeout: 60_000 });
    // The summary line reads without a double comma whatever is missing.
    expect(await page.getByTestId('upload-item').innerText()).not.toMatch(/，，/);

    await page.getByRole('link', { name: '问答', exact: true }).click();
    const box = page.getByLabel('输入问题');
    await box.fill(QUESTION);
    await box.press('Enter');
    const answer = page.locator('article.msg-assistant').first();
    await answer.locator('.answer-meta').waitFor({ timeout: 30_000 });
    expect(await answer.innerText()).toContain('21.37亿元');
    expect(await answer.innerText()).toContain('根据报告原文');
    expect(await answer.innerText()).not.toMatch(/离线|毫秒|:p\d/);

    await answer.locator('button.cite-chip:not([aria-disabled])').first().click();
    const panel = page.getByRole('dialog', { name: '引用出处' });
    await panel.waitFor();
    const figure = panel.locator('figure.pdf-page');
    await figure.waitFor();
    // Rendered from the original, with the cited sentence marked on it.
    await expect.poll(() => panel.getByTestId('pdf-mark').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await figure.innerText()).toMatch(/原文第 \d+ 页 \/ 共 \d+ 页/);
    const painted = await panel.locator('canvas.pdf-page-canvas').evaluate((c: HTMLCanvasElement) => {
      const ctx = c.getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, c.width, c.height);
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128 && data[i + 3] > 0) dark++;
      return { width: c.width, dark };
    });
    expect(painted.width).toBeGreaterThan(300);
    expect(painted.dark).toBeGreaterThan(1000); // text was drawn
    // Each mark lies on the page.
    const sheet = (await panel.locator('.pdf-page-sheet').boundingBox())!;
    for (const mark of await panel.getByTestId('pdf-mark').all()) {
      const b = (await mark.boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(sheet.x - 1);
      expect(b.x + b.width).toBeLessThanOrEqual(sheet.x + sheet.width + 1);
    }
    await expect.poll(() => panel.locator('.cite-para').innerText()).toContain('21.37亿元');
    expect(await panel.innerText()).not.toMatch(/muxi:p|沐溪区2024年政府工作报告:p/);
    await page.waitForTimeout(200);
    await shot(page, 'workbench-1-pdf-page.png', 'page-view.png');

    // 打开原文 opens the file itself; 下载原文件 saves it, byte for byte, under its own name.
    expect(await panel.getByRole('link', { name: '打开原文' }).getAttribute('href')).toMatch(/^\/api\/reports\/.+\/file#page=\d+$/);
    const file = await downloadOf(page, () => panel.getByRole('button', { name: '下载原文件' }).click());
    expect(file.name).toBe('沐溪区2024年政府工作报告.pdf');
    expect(file.bytes.equals(readFileSync(pdfPath))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('marks the span, not the whole paragraph, in the full report, with the paragraph number clear of it', { timeout: 60_000 }, async () => {
    const page = await open('#/chat');
    const answer = page.locator('article.msg-assistant').first();
    await answer.waitFor();
    await answer.locator('button.cite-chip:not([aria-disabled])').first().click();
    const panel = page.getByRole('dialog', { name: '引用出处' });
    await panel.getByRole('link', { name: '在完整报告中查看' }).click();
    const target = page.locator('.rp.is-target');
    await target.waitFor();
    const marks = target.locator('mark.hl-sentence');
    expect(await marks.count()).toBeGreaterThan(0);
    const markText = (await marks.allInnerTexts()).join('');
    const paraText = await target.locator('.rp-text').innerText();
    expect(markText.length).toBeLessThan(paraText.length);
    expect(markText).toContain('21.37亿元');
    expect(await target.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
    // The paragraph number sits left of the paragraph box, never over its bar or its marks.
    const num = (await target.locator('.rp-anchor').boundingBox())!;
    const para = (await target.boundingBox())!;
    expect(num.x + num.width).toBeLessThanOrEqual(para.x);
    expect(problems).toEqual([]);
  });

  it('keeps the conversation after the browser is closed and opened again, and exports it as Markdown', { timeout: 90_000 }, async () => {
    let page = await open('#/chat');
    const sidebar = page.getByRole('navigation', { name: '对话记录' });
    await sidebar.getByRole('link', { name: new RegExp(QUESTION) }).waitFor();

    await context!.close();
    context = await launch();
    page = await open('#/chat');
    const item = page.getByRole('navigation', { name: '对话记录' }).getByRole('link', { name: new RegExp(QUESTION) });
    await item.waitFor();
    // A new browser opens on a new conversation; the old one is in the list.
    expect(await page.locator('article.msg-assistant').count()).toBe(0);
    await item.click();
    await page.waitForURL(/#\/chat\/[0-9a-f]{24}$/);
    const answer = page.locator('article.msg-assistant').first();
    await answer.waitFor();
    expect(await answer.innerText()).toContain('21.37亿元');

    // Renamed and found by search.
    const sidebar2 = page.getByRole('navigation', { name: '对话记录' });
    await sidebar2.getByRole('button', { name: /^重命名/ }).first().click();
    await sidebar2.getByLabel('对话名称').fill('沐溪区财政收入核对');
    await sidebar2.getByRole('button', { name: '保存' }).click();
    await sidebar2.getByRole('link', { name: /沐溪区财政收入核对/ }).waitFor();
    await sidebar2.getByLabel('搜索对话').fill('21.37');
    expect(await sidebar2.getByRole('link').count()).toBe(1);
    await sidebar2.getByLabel('搜索对话').fill('金水区');
    await sidebar2.getByText('没有包含“金水区”的对话。').waitFor();
    await sidebar2.getByLabel('搜索对话').fill('');
    await shot(page, 'workbench-2-conversations.png');

    const md = await downloadOf(page, () => page.getByRole('button', { name: '导出 Markdown' }).click());
    expect(md.name).toBe('沐溪区财政收入核对.md');
    const text = md.bytes.toString('utf8');
    expect(text).toContain(`## 问：${QUESTION}`);
    expect(text).toMatch(/21\.37亿元[^\n]*\[1\]/);
    expect(text).toMatch(/\[1\] 沐溪区2024年政府工作报告 · 第 \d+ 页/);
    expect(text).toMatch(/^> .*21\.37亿元/m);
    const html = await downloadOf(page, () => page.getByRole('button', { name: '导出网页' }).click());
    expect(html.bytes.toString('utf8')).not.toMatch(/<script/i);

    // A link to the answer opens it.
    await answer.getByRole('button', { name: '复制链接' }).click();
    await answer.getByRole('button', { name: '链接已复制' }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#\/chat\/[0-9a-f]{24}\?a=.+&q=/);
    await page.goto('about:blank');
    await page.goto(link);
    await page.locator('article.msg-assistant.is-linked').waitFor();
    // A browser without the conversation asks the linked question again.
    const other = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
    try {
      const fresh = await other.newPage({ locale: 'zh-CN' });
      watch(fresh);
      await fresh.goto(link);
      const again = fresh.locator('article.msg-assistant').first();
      await again.locator('.answer-meta').waitFor({ timeout: 30_000 });
      expect(await again.innerText()).toContain('21.37亿元');
      expect(await fresh.locator('.msg-user').first().innerText()).toContain(QUESTION);
    } finally {
      await other.close();
    }
    expect(problems).toEqual([]);
  });

  it('explains an answer in the hit test, and shows the example question there', { timeout: 60_000 }, async () => {
    const page = await open('#/chat');
    const answer = page.locator('article.msg-assistant').first();
    await answer.getByRole('button', { name: '为什么是这些出处' }).click();
    await page.waitForURL(/#\/search\?q=/);
    expect(decodeURIComponent(page.url())).toContain(QUESTION);
    await page.getByTestId('search-hit').first().waitFor();
    expect(await page.getByTestId('search-hit').first().innerText()).toContain('21.37亿元');

    await page.goto(`${server.url}/#/search`);
    await page.getByLabel('问题', { exact: true }).fill(EXAMPLE);
    await page.getByRole('button', { name: '检索' }).click();
    const first = page.getByTestId('search-hit').first();
    await first.waitFor();
    expect(await first.innerText()).toContain('地区生产总值增长7%左右');
    expect(await first.locator('mark.hl-term').count()).toBeGreaterThan(0);
    const understood = await page.locator('.search-understood').innerText();
    expect(understood).toContain('惠济区');
    expect(understood).toContain('2024年');
    expect(understood).toContain('地区生产总值');
    expect(understood).toContain('问目标数值');
    await shot(page, 'workbench-3-hit-test.png', 'hit-test.png');
    // Each passage opens in its report.
    await first.getByRole('link', { name: '打开所在段落' }).click();
    await page.locator('.rp.is-target').waitFor();
    expect(problems).toEqual([]);
  });

  it('exports the indicator table as CSV (UTF-8 with a BOM)', { timeout: 60_000 }, async () => {
    const page = await open('#/indicators?place=惠济区');
    await page.locator('table.ind-table tbody tr').first().waitFor();
    const csv = await downloadOf(page, () => page.getByRole('button', { name: '导出 CSV' }).click());
    expect(csv.name).toBe('指标-惠济区.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toBe('地方,年份,指标,报告中的说法,类型,口径,数值,上限,单位,限定,原文,出处报告,段落,页码');
    expect(lines.length - 1).toBe(await page.locator('table.ind-table tbody tr').count());
    expect(problems).toEqual([]);
  });

  it('follows the system’s dark setting, and a dark theme chosen with the toggle is remembered', { timeout: 60_000 }, async () => {
    const page = await open('#/chat');
    const bg = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await bg()).toBe('rgb(15, 19, 24)');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await bg()).toBe('rgb(245, 246, 248)');

    const toggle = page.locator('button.theme-toggle');
    while ((await toggle.getAttribute('data-theme-choice')) !== 'dark') await toggle.click();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await bg()).toBe('rgb(15, 19, 24)');
    await page.reload();
    await page.getByLabel('输入问题').waitFor();
    expect(await bg()).toBe('rgb(15, 19, 24)');
    await shot(page, 'workbench-4-dark.png');
    while ((await toggle.getAttribute('data-theme-choice')) !== 'system') await toggle.click();
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    expect(problems).toEqual([]);
  });

  it('keeps the 删除 button inside its card at 1366 px, and takes dates as people write them', { timeout: 60_000 }, async () => {
    const page = await open('#/reports');
    await page.setViewportSize({ width: 1366, height: 768 });
    const card = page.locator('.report-card', { has: page.getByRole('button', { name: '删除' }) }).first();
    await card.waitFor();
    const c = (await card.boundingBox())!;
    for (const button of await card.locator('.report-card-actions > *').all()) {
      const b = (await button.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(c.x + c.width);
    }
    await page.setViewportSize({ width: 1440, height: 900 });

    // The date is corrected as people write it; a date it cannot read is refused in Chinese.
    await card.getByRole('button', { name: '修正信息' }).click();
    const form = card.getByRole('form');
    const date = form.getByLabel(/报告日期/);
    expect(await date.inputValue()).toBe('2024年1月16日');
    await date.fill('明年一月');
    await form.getByRole('button', { name: '保存' }).click();
    expect(await form.getByRole('alert').innerText()).toBe('报告日期无法识别，请写成 2019年1月15日、2019-1-15 或 2019/01/15');
    await date.fill('2024/1/17');
    await form.getByRole('button', { name: '保存' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => card.innerText()).toContain('2024年1月17日');
    expect(problems).toEqual([]);
  });
});
