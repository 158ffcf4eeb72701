// Which report folders a question set runs over (evals/corpora.json).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusFoldersForSet, PROJECT_DIR, readCorporaManifest, realdevSet, reportFilesIn } from '../../evals/setCorpus';

const dir = mkdtempSync(join(tmpdir(), 'set-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('corpusFoldersForSet', () => {
  it('gives the generalisation set the seeds plus evals/reports, and the development set the seeds only', () => {
    expect(corpusFoldersForSet(join(PROJECT_DIR, 'evals', 'generalisation.jsonl'))).toEqual(['seeds', 'evals/reports']);
    expect(corpusFoldersForSet(join(PROJECT_DIR, 'evals', 'questions.jsonl'))).toEqual(['seeds']);
  });

  it('a set the manifest does not list, anywhere on disk, runs over seeds/', () => {
    expect(corpusFoldersForSet(join(dir, 'mine.jsonl'))).toEqual(['seeds']);
    expect(corpusFoldersForSet(join(dir, 'generalisation.jsonl'))).toEqual(['seeds']);
  });

  it('reads another manifest, and rejects a malformed one', () => {
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ 'evals/extra.jsonl': ['seeds', 'evals/reports'] }));
    expect(corpusFoldersForSet(join(PROJECT_DIR, 'evals', 'extra.jsonl'), readCorporaManifest(good))).toEqual(['seeds', 'evals/reports']);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ 'evals/extra.txt': [] }));
    expect(() => readCorporaManifest(bad)).toThrow(/bad\.json: evals\/extra\.txt/);
    writeFileSync(bad, JSON.stringify({ 'evals/extra.jsonl': [] }));
    expect(() => readCorporaManifest(bad)).toThrow(/evals\/extra\.jsonl/);
    expect(readCorporaManifest(join(dir, 'absent.json'))).toEqual({});
  });

  it('lists the .txt reports of the folders, seeds first', () => {
    const files = reportFilesIn(['seeds', 'evals/reports']).map((p) => basename(p, '.txt'));
    expect(files.slice(0, 5)).toEqual(['hongqi-2017', 'hongqi-2020', 'hongqi-2024', 'huiji-2024', 'weidong-2024']);
    expect(files).toContain('peixian-2024');
    expect(files).not.toContain('expected-meta');
    expect(files.length).toBe(17);
  });
});

describe('the real-report set, kept outside the repository', () => {
  it('is found where REALDEV_DIR points, with its reports folder, and is absent otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'realdev-'));
    expect(realdevSet({ REALDEV_DIR: dir })).toBeUndefined();
    mkdirSync(join(dir, 'reports'));
    writeFileSync(join(dir, 'questions.jsonl'), '');
    expect(realdevSet({ REALDEV_DIR: dir })).toEqual({ name: 'realdev', questions: join(dir, 'questions.jsonl'), folders: [join(dir, 'reports')] });
    const before = process.env.REALDEV_DIR;
    process.env.REALDEV_DIR = dir;
    try {
      expect(corpusFoldersForSet(join(dir, 'questions.jsonl'))).toEqual([join(dir, 'reports')]);
    } finally {
      if (before === undefined) delete process.env.REALDEV_DIR;
      else process.env.REALDEV_DIR = before;
    }
  });
});
