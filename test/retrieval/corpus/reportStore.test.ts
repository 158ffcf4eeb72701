// The report store undoes its steps when a later one fails, and never leaves a
// temp file behind.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../retrieval/corpus/loadCorpus.js';
import { createReportStore, ReportStoreError } from '../../../retrieval/corpus/reportStore.js';
import { makeDocx, skipPdf, toPdf } from '../../helpers/formatFixtures.js';
import { syntheticReportLines, syntheticReportText } from '../../helpers/syntheticReport.js';
import type { Corpus } from '../../../retrieval/types.js';

const dir = mkdtempSync(join(tmpdir(), 'report-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the report store', () => {
  it('removes the written file and sidecar when indexing the report fails', async () => {
    const corpus = await loadCorpus({ cacheDir: false });
    const failing: Corpus = {
      ...corpus,
      index: {
        ...corpus.index,
        add: () => {
          throw new Error('index full');
        },
      },
    };
    const store = createReportStore(failing, dir);
    await expect(store.add('chengchuan.txt', Buffer.from(syntheticReportText()), { province: '青澜省' })).rejects.toThrow('index full');
    expect(readdirSync(dir)).toEqual([]);
    expect(corpus.reportById.has('chengchuan')).toBe(false);
    expect([...corpus.paragraphById.keys()].some((id) => id.startsWith('chengchuan:'))).toBe(false);
  });

  it('writes nothing for a file that does not ingest, and says why', async () => {
    const corpus = await loadCorpus({ cacheDir: false });
    const store = createReportStore(corpus, dir);
    const error = await store.add('notes.txt', Buffer.from('没有封面和日期的一段笔记，只是随手记下的几句话。')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportStoreError);
    expect((error as ReportStoreError).kind).toBe('unreadable');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses one text in another format as a duplicate, naming the report it copies, and writes nothing', async () => {
    const corpus = await loadCorpus({ cacheDir: false });
    const folder = mkdtempSync(join(tmpdir(), 'report-store-dup-'));
    try {
      const store = createReportStore(corpus, folder);
      const lines = syntheticReportLines(3, '岚溪');
      await store.add('lanxi.txt', Buffer.from(lines.join('\n')));
      const docx = await makeDocx(lines);
      const copies: [string, Uint8Array][] = [['lanxi.docx', docx]];
      if (!skipPdf) copies.push(['lanxi.pdf', (await toPdf([{ name: 'lanxi.docx', bytes: docx }])).get('lanxi.docx')!]);
      for (const [name, bytes] of copies) {
        const error = await store.add(name, bytes).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(ReportStoreError);
        expect((error as ReportStoreError).kind).toBe('duplicate');
        expect((error as ReportStoreError).message).toMatch(/与报告 lanxi 文字相同/);
      }
      expect(readdirSync(folder)).toEqual(['lanxi.txt']);
      expect(corpus.reports.filter((r) => r.meta.place === '岚溪区')).toHaveLength(1);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }, 120_000);
});
