// Two reports for one place and year that state one figure differently are flagged on
// both cards, at load and when one is added; the flag goes when the other report goes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { figureConflicts } from '../../../retrieval/indicators/figureConflicts.js';
import { loadCorpus } from '../../../retrieval/corpus/loadCorpus.js';
import { ReportChangeResponseSchema, ReportListResponseSchema } from '../../../server/api/schemas.js';
import { createApp } from '../../../server/app.js';
import { syntheticReportText } from '../../helpers/syntheticReport.js';

const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'conflicts-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const original = syntheticReportText();
/** The same report as corrected later: another GDP target, everything else alike. */
const revised = original.replace('地区生产总值增长6%左右', '地区生产总值增长6.5%左右');
/** The same figures for the same place, with a sentence added: no conflict. */
const retyped = original.replace('各位代表：', '各位代表、同志们：');

describe('figures that two reports of one place and year state differently', () => {
  it('are flagged on both reports at load, naming the other report and the figure', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'chengchuan-draft.txt'), original);
    writeFileSync(join(dir, 'chengchuan-final.txt'), revised);
    writeFileSync(join(dir, 'chengchuan-copy.txt'), retyped);
    writeFileSync(join(dir, 'muxi-2024.txt'), syntheticReportText(0, '沐溪').replace('地区生产总值增长6%左右', '地区生产总值增长8%'));
    const corpus = await loadCorpus({ dir: null, reportsDir: dir, cacheDir: false });
    const conflicts = figureConflicts(corpus.reports, corpus.indicators);
    const pairs = conflicts.map((c) => `${c.reportId}→${c.otherReportId}:${c.indicator}:${c.year}:${c.kind}`).sort();
    expect(pairs).toEqual([
      'chengchuan-copy→chengchuan-final:地区生产总值:2024:target',
      'chengchuan-draft→chengchuan-final:地区生产总值:2024:target',
      'chengchuan-final→chengchuan-copy:地区生产总值:2024:target',
      'chengchuan-final→chengchuan-draft:地区生产总值:2024:target',
    ]);
    const app = createApp({ corpus });
    const list = ReportListResponseSchema.parse(await (await app.request('/api/reports')).json());
    const card = (id: string) => list.reports.find((r) => r.id === id)!;
    expect(card('chengchuan-draft').warnings).toEqual(
      expect.arrayContaining([expect.stringMatching(/chengchuan-final.*地区生产总值（2024年目标）本报告为“[^”]*6%左右[^”]*”，chengchuan-final 为“[^”]*6\.5%左右/)]),
    );
    expect(card('chengchuan-final').warnings!.filter((w) => w.includes('数字不一致'))).toHaveLength(2);
    expect(card('muxi-2024').warnings?.some((w) => w.includes('数字不一致')) ?? false).toBe(false);
    const detail = (await (await app.request('/api/reports/chengchuan-draft')).json()) as { meta: { warnings: string[] } };
    expect(detail.meta.warnings.some((w) => w.includes('chengchuan-final'))).toBe(true);
  });

  it('are not flagged between places that only share a name', async () => {
    const dir = temp();
    writeFileSync(join(dir, 'a.txt'), original);
    writeFileSync(join(dir, 'b.txt'), revised.replaceAll('青澜市', '白沙市'));
    const corpus = await loadCorpus({ dir: null, reportsDir: dir, cacheDir: false });
    expect(corpus.reportById.get('b')!.meta.city).toBe('白沙市');
    expect(figureConflicts(corpus.reports, corpus.indicators)).toEqual([]);
  });

  it('are flagged when the second report is added, and unflagged when it is deleted', async () => {
    const dir = temp();
    const corpus = await loadCorpus({ dir: null, reportsDir: dir, cacheDir: false });
    const app = createApp({ corpus, reportsDir: dir });
    const upload = (name: string, text: string) => {
      const form = new FormData();
      form.append('file', new Blob([text]), name);
      return app.request('/api/reports', { method: 'POST', body: form });
    };
    const first = ReportChangeResponseSchema.parse(await (await upload('draft.txt', original)).json());
    expect(first.warnings.some((w) => w.includes('数字不一致'))).toBe(false);
    const second = ReportChangeResponseSchema.parse(await (await upload('final.txt', revised)).json());
    expect(second.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^与同地同年的报告 draft 数字不一致：地区生产总值/)]));
    const cards = async () => ReportListResponseSchema.parse(await (await app.request('/api/reports')).json()).reports;
    expect((await cards()).find((r) => r.id === 'draft')!.warnings).toEqual(expect.arrayContaining([expect.stringContaining('final')]));
    expect((await app.request('/api/reports/final', { method: 'DELETE' })).status).toBe(200);
    expect((await cards()).find((r) => r.id === 'draft')!.warnings?.some((w) => w.includes('数字不一致')) ?? false).toBe(false);
  });
});
