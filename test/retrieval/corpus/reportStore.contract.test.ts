// One contract, both report stores: the reports folder beside the in-memory corpus,
// and the database. What a user can do through POST, PATCH and DELETE /api/reports,
// and what the corpus then holds, must not depend on where reports are kept.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusFor } from '../../../retrieval/corpus/corpusFor.js';
import { loadCorpus } from '../../../retrieval/corpus/loadCorpus.js';
import { openDatabaseCorpus, type DatabaseCorpus } from '../../../retrieval/corpus/postgres/databaseCorpus.js';
import { createReportStore, ReportStoreError, type ReportStore } from '../../../retrieval/corpus/reportStore.js';
import type { Corpus } from '../../../retrieval/types.js';
import { makeDocx } from '../../helpers/formatFixtures.js';
import { dropSchemas, testDatabaseUrl, testSchema } from '../../helpers/postgres.js';
import { syntheticReportLines, syntheticReportText } from '../../helpers/syntheticReport.js';

interface StoreUnderTest {
  corpus: Corpus;
  store: ReportStore;
  close(): Promise<void>;
}

const databaseUrl = await testDatabaseUrl();
const schemas: string[] = [];
afterAll(async () => {
  if (databaseUrl && schemas.length) await dropSchemas(databaseUrl, schemas);
});

const stores: [string, () => Promise<StoreUnderTest>][] = [
  [
    'reports folder',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'store-contract-'));
      const corpus = await loadCorpus({ cacheDir: false });
      return { corpus, store: createReportStore(corpus, dir), close: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  ...(databaseUrl
    ? ([
        [
          'database',
          async () => {
            const schema = testSchema('store');
            schemas.push(schema);
            const opened: DatabaseCorpus = await openDatabaseCorpus({ config: { url: databaseUrl, schema }, imports: {}, listen: false, log: () => {} });
            return { corpus: opened.corpus, store: opened.store, close: opened.close };
          },
        ],
      ] as [string, () => Promise<StoreUnderTest>][])
    : []),
];

const failure = (p: Promise<unknown>) => p.then(() => undefined, (e: unknown) => e as ReportStoreError);

for (const [label, make] of stores) {
  describe(`report store: ${label}`, () => {
    let s: StoreUnderTest;
    beforeAll(async () => {
      s = await make();
    });
    afterAll(() => s.close());

    it('adds a report: loaded in full, listed as added, answerable at once', async () => {
      const { report, warnings } = await s.store.add('岚溪 2024.txt', Buffer.from(syntheticReportText(0, '岚溪')), { province: '青澜省' });
      expect(report.meta.id).toBe('岚溪-2024');
      expect(report.meta.place).toBe('岚溪区');
      expect(report.meta.province).toBe('青澜省');
      expect(Array.isArray(warnings)).toBe(true);
      expect(s.corpus.origins.get('岚溪-2024')).toBe('added');
      expect(s.corpus.reports.some((r) => r.meta.id === '岚溪-2024')).toBe(true);
      const loaded = await corpusFor(s.corpus, { reportIds: ['岚溪-2024'] });
      expect(loaded.reportById.get('岚溪-2024')!.paragraphs).toEqual(report.paragraphs);
      const working = await corpusFor(s.corpus, { question: '岚溪区2024年地区生产总值增长目标是多少' });
      const hits = working.search('岚溪区2024年地区生产总值增长目标是多少').results;
      expect(hits[0]?.reportId).toBe('岚溪-2024');
      expect(hits[0].text).toContain('6%左右');
    });

    it('refuses the same file again, and the same text in another format, naming the report', async () => {
      const again = await failure(s.store.add('copy.txt', Buffer.from(syntheticReportText(0, '岚溪'))));
      expect(again).toBeInstanceOf(ReportStoreError);
      expect(again!.kind).toBe('duplicate');
      expect(again!.message).toContain('岚溪-2024');
      const docx = await failure(s.store.add('岚溪.docx', await makeDocx(syntheticReportLines(0, '岚溪'))));
      expect(docx!.kind).toBe('duplicate');
      expect(docx!.message).toMatch(/与报告 岚溪-2024 文字相同/);
      expect(s.corpus.reports.filter((r) => r.meta.place === '岚溪区')).toHaveLength(1);
    });

    it('gives a taken id the next free suffix', async () => {
      const { report } = await s.store.add('岚溪 2024.md', Buffer.from(syntheticReportText(0, '沐溪')));
      expect(report.meta.id).toBe('岚溪-2024-2');
      expect(report.meta.place).toBe('沐溪区');
    });

    it('refuses what it cannot read or store, and adds nothing', async () => {
      const before = s.corpus.reports.length;
      expect((await failure(s.store.add('notes.txt', Buffer.from('没有封面和日期的一段笔记，只是随手记下的几句话。'))))!.kind).toBe('unreadable');
      expect((await failure(s.store.add('empty.txt', new Uint8Array(0))))!.kind).toBe('unreadable');
      expect((await failure(s.store.add('report.xls', Buffer.from('x'))))!.kind).toBe('unsupported');
      expect((await failure(s.store.add('big.txt', new Uint8Array(6 * 1024 * 1024).fill(65))))!.kind).toBe('too_large');
      expect(s.corpus.reports.length).toBe(before);
    });

    it('corrects metadata: merged with what was given before, re-read, in the corpus at once', async () => {
      const { report } = await s.store.update('岚溪-2024', { city: '青澜市', date: '2024-01-18' });
      expect(report.meta.city).toBe('青澜市');
      expect(report.meta.date).toBe('2024-01-18');
      expect(report.meta.province).toBe('青澜省');
      const listed = s.corpus.reports.find((r) => r.meta.id === '岚溪-2024')!;
      expect(listed.meta.city).toBe('青澜市');
      expect((await corpusFor(s.corpus, { reportIds: ['岚溪-2024'] })).reportById.get('岚溪-2024')!.meta.date).toBe('2024-01-18');
    });

    it('removes an added report; built-in and unknown ones are refused', async () => {
      await s.store.remove('岚溪-2024-2');
      expect(s.corpus.reports.some((r) => r.meta.id === '岚溪-2024-2')).toBe(false);
      const working = await corpusFor(s.corpus, { question: '沐溪区2024年地区生产总值增长目标是多少' });
      expect(working.search('沐溪区2024年地区生产总值增长目标是多少').results).toEqual([]);
      expect((await failure(s.store.remove('huiji-2024')))!.kind).toBe('builtin');
      expect((await failure(s.store.update('huiji-2024', { city: '某市' })))!.kind).toBe('builtin');
      expect((await failure(s.store.remove('no-such-report')))!.kind).toBe('not_found');
      expect(s.corpus.reports.some((r) => r.meta.id === 'huiji-2024')).toBe(true);
    });
  });
}
