// End to end: adding reports through the report shelf in Chromium. A .docx and
// a .pdf are uploaded through the file picker, each is asked about and its
// citation opened (the PDF's names its page); a restart keeps both; deleting
// one removes it from the shelf, the folder and the answers.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, CHROMIUM, ensureClientBuilt, LAUNCH_ARGS } from '../helpers/browser.js';
import { makeDocx, skipPdf, toPdf } from '../helpers/formatFixtures.js';
import { syntheticReportLines, syntheticReportText } from '../helpers/syntheticReport.js';

/** 63 letters, then a character outside the BMP across the 64th UTF-16 unit: once an id that blanked the UI. */
const LONG_NAME = 'a'.repeat(63) + '\u{20000}' + 'x.txt';
const LONG_ID = 'a'.repeat(63) + '\u{20000}';

const skip = (!existsSync(CHROMIUM) || skipPdf) && !process.env.CI;
if (skip) console.warn('[e2e] 跳过上传端到端测试：需要 /usr/bin/chromium 和 LibreOffice。在 CI 中此测试必须运行。');

describe.skipIf(skip)('adding reports in the browser (Chromium + real server)', () => {
  let browser: Browser;
  let server: { url: string; close(): Promise<void> };
  let work: string;
  let reportsDir: string;
  const pageErrors: string[] = [];

  const start = async () => {
    const { startServer } = await import('../../server/startServer.js');
    server = await startServer({ port: 0, quiet: true, llm: null, reportsDir });
  };

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    ensureClientBuilt();
    work = mkdtempSync(join(tmpdir(), 'upload-e2e-'));
    reportsDir = join(work, 'reports');
    writeFileSync(join(work, 'chengchuan.docx'), await makeDocx(syntheticReportLines(12, '澄川'), { header: '澄川区人民政府工作报告' }));
    const muxi = await makeDocx(syntheticReportLines(12, '沐溪'), { header: '沐溪区人民政府工作报告' });
    writeFileSync(join(work, 'muxi.pdf'), (await toPdf([{ name: 'muxi.docx', bytes: muxi }])).get('muxi.docx')!);
    writeFileSync(join(work, LONG_NAME), syntheticReportText(0, '蒹川'));
    await start();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function openPage(hash: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${server.url}/${hash}`);
    return page;
  }

  async function askAndOpen(page: Page, question: string, n: number) {
    const box = page.getByLabel('输入问题');
    await box.fill(question);
    await box.press('Enter');
    const bubble = page.locator('article.msg-assistant').nth(n - 1);
    await bubble.locator('.answer-meta').waitFor({ timeout: 30_000 });
    await bubble.locator('button.cite-chip:not([aria-disabled])').first().click();
    const panel = page.getByRole('dialog', { name: '引用出处' });
    await panel.waitFor();
    return { bubble, panel };
  }

  it('uploads a .docx and a .pdf, answers about each and opens the citations', { timeout: 120_000 }, async () => {
    const page = await openPage('#/reports');
    await page.getByRole('heading', { name: '添加报告' }).waitFor();
    await page.getByTestId('report-file-input').setInputFiles([join(work, 'chengchuan.docx'), join(work, 'muxi.pdf'), join(work, LONG_NAME)]);
    const items = page.getByTestId('upload-item');
    await expect.poll(() => items.filter({ hasText: '已添加，可以提问' }).count(), { timeout: 60_000 }).toBe(3);
    expect(await items.filter({ hasText: '澄川区' }).count()).toBe(1);
    await page.locator('.report-card[data-report-id="muxi"] .report-card-badge').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'upload-1-shelf.png') });

    await page.getByRole('link', { name: '问答', exact: true }).click();
    // The new reports are in the example questions and the district filter.
    const examples = page.getByRole('list', { name: '示例问题' });
    await examples.getByRole('button', { name: /^沐溪区/ }).first().waitFor();
    await examples.getByRole('button', { name: /^澄川区/ }).first().waitFor();
    expect(await page.locator('#scope-place option', { hasText: '澄川区' }).count()).toBe(1);

    const docx = await askAndOpen(page, '澄川区2024年GDP目标是多少', 1);
    expect(await docx.bubble.innerText()).toContain('6%左右');
    await expect.poll(() => docx.panel.locator('.cite-para').innerText()).toContain('地区生产总值增长6%左右');
    expect(await docx.panel.getByRole('link', { name: '在完整报告中查看' }).getAttribute('href')).toMatch(/^#\/reports\/chengchuan\?p=chengchuan:p\d+(&hl=[\d,-]+)?$/);
    await page.keyboard.press('Escape');
    await docx.panel.waitFor({ state: 'detached' });

    const pdf = await askAndOpen(page, '沐溪区2023年一般公共预算收入是多少', 2);
    expect(await pdf.bubble.innerText()).toContain('21.37亿元');
    await expect.poll(() => pdf.panel.locator('.cite-report-meta').innerText()).toMatch(/第 \d+ 页/);
    await page.screenshot({ path: join(ARTIFACTS, 'upload-2-pdf-citation.png') });
    await page.close();
    expect(pageErrors).toEqual([]);
  });

  it('keeps both after a restart, and deleting one removes it everywhere', { timeout: 120_000 }, async () => {
    await server.close();
    await start();
    const page = await openPage('#/reports');
    const card = page.locator('.report-card[data-report-id="chengchuan"]');
    await card.waitFor();
    await page.locator('.report-card[data-report-id="muxi"]').waitFor();

    await card.getByRole('button', { name: '删除' }).click();
    await card.waitFor({ state: 'detached' });
    expect(readdirSync(reportsDir).filter((f) => f.startsWith('chengchuan'))).toEqual([]);

    // The report with the long name kept its id across the restart: it opens, and deletes.
    const long = page.locator(`.report-card[data-report-id="${LONG_ID}"]`);
    await long.waitFor();
    await long.getByRole('link').first().click();
    await page.locator('.report-body').waitFor();
    await page.goBack();
    await long.getByRole('button', { name: '删除' }).click();
    await long.waitFor({ state: 'detached' });
    expect(readdirSync(reportsDir).filter((f) => f.startsWith('aaa'))).toEqual([]);

    await page.getByRole('link', { name: '问答', exact: true }).click();
    const box = page.getByLabel('输入问题');
    await box.fill('澄川区2024年GDP目标是多少');
    await box.press('Enter');
    const bubble = page.locator('article.msg-assistant').first();
    await bubble.locator('.answer-meta').waitFor({ timeout: 30_000 });
    expect(await bubble.getAttribute('class')).toContain('is-no-evidence');
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
