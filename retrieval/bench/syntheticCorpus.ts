// A deterministic synthetic corpus of N reports made from the seeds: each copy
// gets another place name and its years shifted, so the index sees N
// distinct reports with realistic text. Same N → same bytes, every run.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestReport, type IngestSource } from '../ingest/ingestReport.js';
import { placeForms } from '../places/placeForms.js';

const FIRST = '东西南北中金银青白云星海山河湖江泉松柏梅兰竹菊春夏秋冬安宁康泰华兴盛昌';
const SECOND = '阳城林桥川原峰港台岭洲湾塘园庄坪';

export interface SyntheticReport extends IngestSource {
  place: string;
}

export function syntheticPlace(i: number): string {
  const a = FIRST[i % FIRST.length];
  const b = FIRST[Math.floor(i / FIRST.length) % FIRST.length];
  const c = SECOND[Math.floor(i / (FIRST.length * FIRST.length)) % SECOND.length];
  return `${a}${b}${c}区`;
}

/** Years the i-th synthetic report is shifted by (0, -1 … -11), the same for its questions. */
export function syntheticYearShift(i: number, seedCount: number): number {
  return -(Math.floor(i / seedCount) % 12);
}

export interface Seed {
  id: string;
  text: string;
  /** The place the seed report is for, read from its own text. */
  place: string;
}

/** The seed reports, sorted by id, each with the place its text names. */
export function readSeeds(seedsDir: string): Seed[] {
  return readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const bytes = readFileSync(join(seedsDir, f));
      const id = f.replace(/\.txt$/, '');
      return { id, text: bytes.toString('utf8'), place: ingestReport({ id, sourceFile: f, bytes }).meta.place };
    });
}

/** Every form of the seeds' place names (惠济区, 惠济 …), longest first, as one pattern. */
function seedPlacePattern(seeds: readonly Seed[]): RegExp {
  const forms = [...new Set(seeds.flatMap((s) => placeForms(s.place)))].sort((a, b) => b.length - a.length);
  return new RegExp(forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gu');
}

/** The synthetic place's name in the form the seed's name was written in (full or bare). */
function renamed(form: string, seeds: readonly Seed[], place: string): string {
  const full = seeds.some((s) => s.place === form);
  return full ? place : place.slice(0, -1);
}

/** Rewrites a question about a seed report into one about the i-th synthetic report. */
export function syntheticQuestion(question: string, i: number, seeds: readonly Seed[]): string {
  const place = syntheticPlace(i);
  const shift = syntheticYearShift(i, seeds.length);
  return question
    .replace(seedPlacePattern(seeds), (m) => renamed(m, seeds, place))
    .replace(/(?<!\d)(20[0-3]\d)(?=\s*年)/g, (y) => String(Number(y) + shift));
}

export function syntheticCorpus(seedsDir: string, n: number, seeds: readonly Seed[] = readSeeds(seedsDir)): SyntheticReport[] {
  const pattern = seedPlacePattern(seeds);
  const out: SyntheticReport[] = [];
  for (let i = 0; i < n; i++) out.push(syntheticReport(i, seeds, pattern));
  return out;
}

/** The i-th synthetic report alone (large corpora are written one report at a time). */
export function syntheticReport(i: number, seeds: readonly Seed[], pattern: RegExp = seedPlacePattern(seeds)): SyntheticReport {
  const seed = seeds[i % seeds.length];
  const place = syntheticPlace(i);
  const shift = syntheticYearShift(i, seeds.length);
  const text = seed.text
    .replace(pattern, (m) => renamed(m, seeds, place))
    .replace(/(?<!\d)(20[0-3]\d)(?=\s*年)/g, (y) => String(Number(y) + shift));
  return { id: `syn-${String(i).padStart(4, '0')}`, sourceFile: `syn-${i}.txt`, bytes: Buffer.from(text, 'utf8'), place };
}

/**
 * Questions about seed reports (each with the seed report its evidence is in, if any) rewritten,
 * each for one of n synthetic reports made from that seed (same place slot, same year shift);
 * questions naming no place stay as they are and search every report.
 */
export function syntheticQuestions(asked: readonly { question: string; report?: string }[], seeds: readonly Seed[], n: number): string[] {
  return asked.map((q, i) => {
    const cited = seeds.findIndex((s) => s.id === q.report);
    const seed = cited >= 0 ? cited : i % seeds.length;
    const copy = (Math.floor((i * 37) / seeds.length) * seeds.length + seed) % n;
    return syntheticQuestion(q.question, copy - (copy % seeds.length) + seed, seeds);
  });
}
