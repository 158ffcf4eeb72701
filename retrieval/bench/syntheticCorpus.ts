// A deterministic synthetic corpus of N reports made from the seeds: each copy
// gets another district name and its years shifted, so the index sees N
// distinct reports with realistic text. Same N → same bytes, every run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IngestSource } from '../ingest/ingestReport.js';

const FIRST = '东西南北中金银青白云星海山河湖江泉松柏梅兰竹菊春夏秋冬安宁康泰华兴盛昌';
const SECOND = '阳城林桥川原峰港台岭洲湾塘园庄坪';

export interface SyntheticReport extends IngestSource {
  district: string;
}

export function syntheticDistrict(i: number): string {
  const a = FIRST[i % FIRST.length];
  const b = FIRST[Math.floor(i / FIRST.length) % FIRST.length];
  const c = SECOND[Math.floor(i / (FIRST.length * FIRST.length)) % SECOND.length];
  return `${a}${b}${c}区`;
}

/** Years the i-th synthetic report is shifted by (0, -1 … -11), the same for its questions. */
export function syntheticYearShift(i: number, seedCount: number): number {
  return -(Math.floor(i / seedCount) % 12);
}

/** Rewrites a question about a seed report into one about the i-th synthetic report. */
export function syntheticQuestion(question: string, i: number, seedCount: number): string {
  const name = syntheticDistrict(i).slice(0, -1);
  const shift = syntheticYearShift(i, seedCount);
  return question
    .replace(/(红旗|惠济|卫东)(区)?/g, (_m, _d, qu) => name + (qu ?? ''))
    .replace(/(?<!\d)(20[0-3]\d)(?=\s*年)/g, (y) => String(Number(y) + shift));
}

export function syntheticCorpus(seedsDir: string, n: number): SyntheticReport[] {
  const seeds = readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(seedsDir, f), 'utf8') }));
  const out: SyntheticReport[] = [];
  for (let i = 0; i < n; i++) {
    const seed = seeds[i % seeds.length];
    const district = syntheticDistrict(i);
    const name = district.slice(0, -1);
    const shift = syntheticYearShift(i, seeds.length);
    const text = seed.text
      .replace(/(红旗|惠济|卫东)(区)?/g, (_m, _d, qu) => name + (qu ?? ''))
      .replace(/(?<!\d)(20[0-3]\d)(?=\s*年)/g, (y) => String(Number(y) + shift));
    out.push({ id: `syn-${String(i).padStart(4, '0')}`, sourceFile: `syn-${i}.txt`, bytes: Buffer.from(text, 'utf8'), district });
  }
  return out;
}
