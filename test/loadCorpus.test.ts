import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { INDEX_FORMAT_VERSION } from '../retrieval/defaults.js';
import { cacheFile, parseIndexCache, UnknownIndexVersionError } from '../retrieval/index/indexCache.js';
import { loadCorpus } from '../retrieval/loadCorpus.js';

const seeds = new URL('../seeds/', import.meta.url).pathname;
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
    writeFileSync(join(dir, 'nodate.txt'), '政府工作报告\n各位代表：\n今年我们做了很多工作，取得了很好的成绩。');
    writeFileSync(join(dir, 'notes.md'), '# not a report');
    const corpus = await loadCorpus({ dir, cacheDir: false });
    expect(corpus.reports.map((r) => r.meta.id)).toEqual(['huiji-2024']);
    const reasons = Object.fromEntries(corpus.errors.map((e) => [e.file, e.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['binary.txt', 'empty.txt', 'nodate.txt']);
    expect(reasons['empty.txt']).toMatch(/空/);
    expect(reasons['binary.txt']).toMatch(/NUL|二进制|文本/);
    expect(reasons['nodate.txt']).toMatch(/日期/);
    expect(corpus.search('惠济区2024年GDP目标是多少').results[0].text).toContain('7%左右');
  });

  it('reads a GB18030 copy of a report the same as the UTF-8 one', async () => {
    const dir = temp();
    // Subscript digits (PM₁₀) need GB18030's four-byte codes, which this small encoder lacks.
    const text = readFileSync(join(seeds, 'weidong-2024.txt'), 'utf8').replace(/[₀-₉]/g, (c) => String(c.charCodeAt(0) - 0x2080));
    writeFileSync(join(dir, 'weidong-gbk.txt'), encodeGb18030(text));
    writeFileSync(join(dir, 'weidong-2024.txt'), text);
    const corpus = await loadCorpus({ dir, cacheDir: false });
    const [gbk, utf8] = [corpus.reportById.get('weidong-gbk')!, corpus.reportById.get('weidong-2024')!];
    expect(gbk.meta.encoding).toBe('gb18030');
    expect(gbk.paragraphs.map((p) => p.text)).toEqual(utf8.paragraphs.map((p) => p.text));
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
    const [cached] = readdirSync(cacheDir).filter((f) => f.startsWith('corpus-'));
    writeFileSync(join(cacheDir, cached), readFileSync(join(cacheDir, cached), 'utf8').slice(0, 1000));
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
    const file = cacheFile(cacheDir, first.hash);
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...stored, version: INDEX_FORMAT_VERSION + 1 }));
    expect(() => parseIndexCache(readFileSync(file, 'utf8'))).toThrow(UnknownIndexVersionError);
    const again = await loadCorpus({ cacheDir, tokenizer: first.tokenizer });
    expect(again.stats.indexFromCache).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(INDEX_FORMAT_VERSION);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

/** A GB18030 encoder from the platform's decoder: enough for the characters these reports use. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Buffer.from(out);
}
