// npm run bench:add — how long adding one report takes, and that adding one to
// a large corpus changes the index by that report only.
//   1. a 50 KB text report, added through the report store (read, ingest,
//      extract indicators, index, write the file): median of several runs;
//   2. a 40-page PDF (made from a .docx by LibreOffice headless), the same way;
//   3. a synthetic corpus of 1,000 reports: one report added and removed, timed,
//      with the index object and its document count checked, against the time
//      to build that index from scratch, and the first question after the add.
// Results go to stdout as a Markdown table; run on an idle machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { makeDocx, SOFFICE, toPdf } from '../../test/helpers/formatFixtures.js';
import { syntheticReportText } from '../../test/helpers/syntheticReport.js';
import { contentHash, ingestFile } from '../corpus/ingestFile.js';
import { loadCorpus, PROJECT_ROOT } from '../corpus/loadCorpus.js';
import type { Corpus } from '../types.js';
import { createReportStore } from '../corpus/reportStore.js';
import { syntheticCorpus } from './syntheticCorpus.js';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(0)} ms`;

/** A synthetic report of at least `bytes` UTF-8 bytes; `place` keeps each copy distinct. */
function textOfSize(bytes: number, place: string): string {
  let repeat = 0;
  let text = syntheticReportText(0, place);
  while (Buffer.byteLength(text) < bytes) text = syntheticReportText((repeat += 10), place);
  return text;
}

async function timeAdds(corpus: Corpus, files: { name: string; bytes: Uint8Array }[]): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-add-'));
  try {
    const store = createReportStore(corpus, dir);
    const times: number[] = [];
    for (const f of files) {
      const t = performance.now();
      await store.add(f.name, f.bytes);
      times.push(performance.now() - t);
    }
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PLACES = ['澄川', '沐溪', '濯阳', '岚溪', '蓼川', '苇川', '芦川'];
const rows: string[][] = [];

// 1. A 50 KB text report, into the five built-ins.
{
  const corpus = await loadCorpus({ cacheDir: false });
  const texts = PLACES.slice(0, RUNS).map((p) => Buffer.from(textOfSize(50 * 1024, p)));
  await timeAdds(corpus, [{ name: 'warmup.txt', bytes: Buffer.from(textOfSize(50 * 1024, '芦川')) }]);
  const times = await timeAdds(corpus, texts.map((bytes, i) => ({ name: `text-${i}.txt`, bytes })));
  rows.push(['add one 50 KB .txt (5 built-ins loaded)', `${(texts[0].length / 1024).toFixed(0)} KB`, ms(median(times)), `max ${ms(Math.max(...times))}`]);
}

// 2. A 40-page PDF.
if (!SOFFICE) {
  console.error('LibreOffice (soffice) not found: skipping the PDF benchmark (apt-get install -y libreoffice-writer-nogui)');
} else {
  const corpus = await loadCorpus({ cacheDir: false });
  const pdfs: { name: string; bytes: Uint8Array }[] = [];
  let pages = 0;
  for (const [i, place] of PLACES.slice(0, 3).entries()) {
    // About 1.1 pages per ten extra paragraphs at the fixture's layout; 360 gives ≥ 40 pages.
    const docx = await makeDocx(syntheticReportText(360, place).trim().split('\n'), { header: `${place}区人民政府工作报告` });
    const pdf = (await toPdf([{ name: `r${i}.docx`, bytes: docx }])).get(`r${i}.docx`)!;
    const doc = await getDocumentProxy(new Uint8Array(pdf));
    pages = doc.numPages;
    await doc.loadingTask.destroy();
    pdfs.push({ name: `pdf-${i}.pdf`, bytes: pdf });
  }
  const times = await timeAdds(corpus, pdfs);
  rows.push([`add one ${pages}-page .pdf (5 built-ins loaded)`, `${(pdfs[0].bytes.length / 1024).toFixed(0)} KB`, ms(median(times.slice(1))), `first ${ms(times[0])}`]);
}

// 3. One report added to 1,000.
{
  const N = 1000;
  const t0 = performance.now();
  const corpus = await loadCorpus({ dir: null, sources: syntheticCorpus(join(PROJECT_ROOT, 'seeds'), N), cacheDir: false });
  const loadMs = performance.now() - t0;
  const index = corpus.index;
  const before = index.size;
  const bytes = Buffer.from(textOfSize(50 * 1024, '澄川'));
  const t1 = performance.now();
  const one = await ingestFile({ id: 'chengchuan-2024', sourceFile: 'chengchuan-2024.txt', bytes });
  const ingestMs = performance.now() - t1;
  const t2 = performance.now();
  corpus.addReport(one, 'added', contentHash(bytes));
  const addMs = performance.now() - t2;
  const t3 = performance.now();
  const hit = corpus.search('澄川区2024年GDP目标是多少').results[0];
  const firstSearchMs = performance.now() - t3;
  const t4 = performance.now();
  corpus.search('澄川区2023年一般公共预算收入是多少');
  const nextSearchMs = performance.now() - t4;
  const t5 = performance.now();
  corpus.removeReport('chengchuan-2024');
  const removeMs = performance.now() - t5;
  const same = corpus.index === index;
  if (!same || hit?.reportId !== 'chengchuan-2024' || corpus.index.size !== before) throw new Error('adding to 1,000 did not behave as expected');
  rows.push([`build the index of ${N} reports from scratch`, `${before} passages`, ms(corpus.stats.indexMs), `whole load ${ms(loadMs)}`]);
  rows.push([`add one 50 KB report to ${N}: read + ingest + indicators`, '', ms(ingestMs), '']);
  rows.push([`add one 50 KB report to ${N}: index add (same index object: ${same})`, `+${one.report.passages.length} passages`, ms(addMs), '']);
  rows.push([`first question after the add (refreshes the postings scorer)`, '', ms(firstSearchMs), `next question ${ms(nextSearchMs)}`]);
  rows.push([`remove that report from ${N}`, '', ms(removeMs), '']);
}

console.log(`\n${new Date().toISOString().slice(0, 10)} · ${cpus()[0]?.model ?? 'unknown CPU'} ×${cpus().length} · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version}\n`);
console.log('| step | size | time | note |\n|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
