// The report store undoes its steps when a later one fails, and never leaves a
// temp file behind.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus, type Corpus } from '../retrieval/loadCorpus.js';
import { createReportStore, ReportStoreError } from '../retrieval/reportStore.js';
import { syntheticReportText } from './helpers/syntheticReport.js';

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
});
