import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INDEX_FORMAT_VERSION } from '../../../retrieval/defaults.js';
import { cacheFile, parseIndexCache, UnknownIndexVersionError } from '../../../retrieval/index/indexCache.js';
import { ingestFile } from '../../../retrieval/corpus/ingestFile.js';
import { loadCorpus } from '../../../retrieval/corpus/loadCorpus.js';
import { cacheSlotDir } from '../../../retrieval/index/pruneCaches.js';
import { encodeGb18030 } from '../../helpers/formatFixtures.js';

const seeds = new URL('../../../seeds/', import.meta.url).pathname;
const temps: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'report-qa-test-'));
  temps.push(d);
  return d;
};
afterEach(() => temps.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('loadCorpus', () => {
  it('loads the good reports and names each bad file with a reason', async () => {
    const dir = temp();
    copyFileSync(join(seeds, 'huiji-2024.txt'), join(dir, 'huiji-2024.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    writeFileSync(join(dir, 'noplace.txt'), '政府工作报告\n各位代表：\n今年我们做了很多工作，取得了很好的成绩。');
    writeFileSync(join(dir, 'coveronly.txt'), '某某县2024年政府工作报告\n——2024年1月10日在某某县第十八届人民代表大会第三次会议上\n某某县人民政府县长 张三');
    writeFileSync(join(dir, 'notes.md'), '# not a report');
    writeFileSync(join(dir, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const corpus = await loadCorpus({ dir, cacheDir: false });
    expect(corpus.reports.map((r) => r.meta.id)).toEqual(['huiji-2024']);
    const reasons = Object.fromEntries(corpus.errors.map((e) => [e.file, e.reason]));
    // .md is a report format too; files of other formats are not reports and are passed over.
    expect(Object.keys(reasons).sort()).toEqual(['binary.txt', 'coveronly.txt', 'empty.txt', 'noplace.txt', 'notes.md']);
    expect(reasons['notes.md']).toMatch(/中文报告/);
    expect(reasons['empty.txt']).toMatch(/空/);
    expect(reasons['binary.txt']).toMatch(/NUL|二进制|文本/);
    expect(reasons['noplace.txt']).toMatch(/地方/);
    expect(reasons['coveronly.txt']).toMatch(/没有报告正文/);
    expect(corpus.search('惠济区2024年GDP目标是多少').results[0].text).toContain('7%左右');
  });

  it('reads a GB18030 copy of a report the same as the UTF-8 one', async () => {
    const dir = temp();
    // Subscript digits (PM₁₀) need GB18030's four-byte codes, which this small encoder lacks.
    const text = readFileSync(join(seeds, 'weidong-2024.txt'), 'utf8').replace(/[₀-₉]/g, (c) => String(c.charCodeAt(0) - 0x2080));
    writeFileSync(join(dir, 'weidong-gbk.txt'), encodeGb18030(text));
    writeFileSync(join(dir, 'weidong-2024.txt'), text);
    const read = async (file: string) => (await ingestFile({ id: 'x', sourceFile: file, bytes: readFileSync(join(dir, file)) })).report;
    const [gbk, utf8] = [await read('weidong-gbk.txt'), await read('weidong-2024.txt')];
    expect(gbk.meta.encoding).toBe('gb18030');
    expect(gbk.paragraphs.map((p) => p.text)).toEqual(utf8.paragraphs.map((p) => p.text));
    // Loaded together, they are one report: the copy is named as such.
    const corpus = await loadCorpus({ dir, cacheDir: false });
    expect(corpus.reports.map((r) => r.meta.id)).toEqual(['weidong-2024']);
    expect(corpus.errors.find((e) => e.file === 'weidong-gbk.txt')?.reason).toMatch(/与报告 weidong-2024 文字相同/);
  });

  it('builds the index once, then loads it from the cache keyed by content', async () => {
    const cacheDir = temp();
    const first = await loadCorpus({ cacheDir });
    expect(first.stats.indexFromCache).toBe(false);
    const second = await loadCorpus({ cacheDir, tokenizer: first.tokenizer });
    expect(second.stats.indexFromCache).toBe(true);
    expect(second.hash).toBe(first.hash);
    expect(second.search('卫东区研发经费投入强度目标').results.map((r) => r.id)).toEqual(first.search('卫东区研发经费投入强度目标').results.map((r) => r.id));
    // Another corpus has another hash, so it never reads this cache.
    const dir = temp();
    copyFileSync(join(seeds, 'huiji-2024.txt'), join(dir, 'huiji-2024.txt'));
    const other = await loadCorpus({ dir, cacheDir, tokenizer: first.tokenizer });
    expect(other.hash).not.toBe(first.hash);
    expect(other.stats.indexFromCache).toBe(false);
  });

  it('caches the ingested reports, indicator rows and quantity records, and reads them back unchanged', async () => {
    const dir = temp();
    const cacheDir = temp();
    copyFileSync(join(seeds, 'huiji-2024.txt'), join(dir, 'huiji-2024.txt'));
    copyFileSync(join(seeds, 'hongqi-2017.txt'), join(dir, 'hongqi-2017.txt'));
    writeFileSync(join(dir, 'empty.txt'), '');
    const first = await loadCorpus({ dir, cacheDir });
    expect(first.stats.reportsFromCache).toBe(false);
    const second = await loadCorpus({ dir, cacheDir, tokenizer: first.tokenizer });
    expect(second.stats.reportsFromCache).toBe(true);
    expect(second.stats.indexFromCache).toBe(true);
    expect(second.hash).toBe(first.hash);
    expect(second.reports).toEqual(first.reports);
    expect(second.indicators).toEqual(first.indicators);
    expect(first.quantities.length).toBeGreaterThan(200);
    expect(second.quantities).toEqual(first.quantities);
    expect(second.errors).toEqual(first.errors);
    expect(second.errors.map((e) => e.file)).toEqual(['empty.txt']);
    expect(second.search('惠济区2024年GDP目标是多少').results).toEqual(first.search('惠济区2024年GDP目标是多少').results);

    // A damaged cache file is ingested again and rewritten.
    const [cached] = cacheFiles(cacheDir, 'corpus-');
    writeFileSync(cached, readFileSync(cached, 'utf8').slice(0, 1000));
    const damaged = await loadCorpus({ dir, cacheDir, tokenizer: first.tokenizer });
    expect(damaged.stats.reportsFromCache).toBe(false);
    expect(damaged.reports).toEqual(first.reports);
    expect((await loadCorpus({ dir, cacheDir, tokenizer: first.tokenizer })).stats.reportsFromCache).toBe(true);

    // Changed bytes are ingested again, never read from the cache.
    writeFileSync(join(dir, 'huiji-2024.txt'), readFileSync(join(seeds, 'huiji-2024.txt'), 'utf8').replace('地区生产总值增长7%左右', '地区生产总值增长6%左右'));
    const third = await loadCorpus({ dir, cacheDir, tokenizer: first.tokenizer });
    expect(third.stats.reportsFromCache).toBe(false);
    expect(third.hash).not.toBe(first.hash);
    expect(third.search('惠济区2024年GDP目标是多少').results[0].text).toContain('6%左右');
  });

  it('rejects a cache file of an unknown format version and rebuilds', async () => {
    const cacheDir = temp();
    const first = await loadCorpus({ cacheDir });
    const file = cacheFile(cacheSlotDir(cacheDir, { dir: seeds }), first.hash);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...stored, version: INDEX_FORMAT_VERSION + 1 }));
    expect(() => parseIndexCache(readFileSync(file, 'utf8'))).toThrow(UnknownIndexVersionError);
    const again = await loadCorpus({ cacheDir, tokenizer: first.tokenizer });
    expect(again.stats.indexFromCache).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(INDEX_FORMAT_VERSION);
    expect(readdirSync(cacheDir, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
  });

  it('keeps only the current caches of a corpus location, and those of other locations', async () => {
    const cacheRoot = temp();
    const dir = temp();
    // What versions before locations left: caches at the root, a crashed writer's temp file.
    writeFileSync(join(cacheRoot, 'corpus-0123456789abcdef.json'), '{}');
    writeFileSync(join(cacheRoot, 'index-0123456789abcdef.json'), '{}');
    writeFileSync(join(cacheRoot, 'index-0123456789abcdef.json.4194303.tmp'), '{');
    copyFileSync(join(seeds, 'huiji-2024.txt'), join(dir, 'huiji-2024.txt'));
    const first = await loadCorpus({ dir, cacheDir: cacheRoot });
    // Restarts after reports were added: each writes new caches for the location; the old ones go.
    copyFileSync(join(seeds, 'weidong-2024.txt'), join(dir, 'weidong-2024.txt'));
    await loadCorpus({ dir, cacheDir: cacheRoot, tokenizer: first.tokenizer });
    copyFileSync(join(seeds, 'hongqi-2024.txt'), join(dir, 'hongqi-2024.txt'));
    const third = await loadCorpus({ dir, cacheDir: cacheRoot, tokenizer: first.tokenizer });
    expect(cacheFiles(cacheRoot, 'corpus-').map(name)).toHaveLength(1);
    expect(cacheFiles(cacheRoot, 'index-').map(name)).toEqual([`index-${third.hash.slice(0, 16)}.json`]);
    expect(readdirSync(cacheRoot, { recursive: true }).filter((f) => String(f).endsWith('.tmp'))).toEqual([]);
    // Another location (the evals, a CLI run) has caches of its own, which stay.
    const other = temp();
    copyFileSync(join(seeds, 'huiji-2024.txt'), join(other, 'huiji-2024.txt'));
    await loadCorpus({ dir: other, cacheDir: cacheRoot, tokenizer: first.tokenizer });
    expect(cacheFiles(cacheRoot, 'corpus-')).toHaveLength(2);
    expect((await loadCorpus({ dir, cacheDir: cacheRoot, tokenizer: first.tokenizer })).stats.reportsFromCache).toBe(true);
    // A location that is gone (a temporary folder, removed) leaves no cache behind.
    rmSync(other, { recursive: true, force: true });
    await loadCorpus({ dir, cacheDir: cacheRoot, tokenizer: first.tokenizer });
    expect(cacheFiles(cacheRoot, 'corpus-')).toHaveLength(1);
    expect(readdirSync(cacheRoot)).toHaveLength(1);
  });
});

/** Cache files (full paths) anywhere under `root` whose name starts with `prefix`. */
function cacheFiles(root: string, prefix: string): string[] {
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => name(f).startsWith(prefix) && f.endsWith('.json'))
    .map((f) => join(root, f));
}

function name(path: string): string {
  return path.split('/').pop()!;
}


describe('loadCorpus: the same text twice', () => {
  it('indexes it once and says which file it duplicates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-qa-test-'));
    try {
      copyFileSync(join(seeds, 'huiji-2024.txt'), join(dir, 'huiji-2024.txt'));
      copyFileSync(join(seeds, 'huiji-2024.txt'), join(dir, 'huiji-copy.txt'));
      const corpus = await loadCorpus({ dir, cacheDir: false });
      expect(corpus.reports.map((r) => r.meta.id)).toEqual(['huiji-2024']);
      expect(corpus.errors).toEqual([{ file: 'huiji-copy.txt', reason: expect.stringContaining('huiji-2024') }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
