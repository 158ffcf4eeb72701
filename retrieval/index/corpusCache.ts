// On-disk cache of the ingested reports, their indicator rows and quantity records, next to the
// index cache: at 1,000 reports ingestion and indicator extraction take ~5 s,
// reading them back ~0.5 s. Keyed by the report bytes (hashed at every start)
// and by the source of the ingestion and indicator code, so editing a rule in
// vocabulary.ts or extractIndicators.ts is never hidden behind a stale cache.
import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INDEX_FORMAT_VERSION } from '../defaults.js';
import { tempNameFor } from '../storage/writeFileDurably.js';
import type { IndicatorRow, LoadError, Passage, QuantityRecord, Report } from '../types.js';

export interface IngestedCorpus {
  /** Content hash of the reports that ingested (Corpus.hash). */
  hash: string;
  reports: Report[];
  indicators: IndicatorRow[];
  /** Every number of every clause, typed (retrieval/quantities). */
  quantities: QuantityRecord[];
  /** Files that could not be ingested, with why. */
  errors: LoadError[];
}

/** A passage's text is its paragraph's text between start and end; only exceptions are stored. */
type StoredPassage = Omit<Passage, 'text'> & { text?: string };
type StoredReport = Omit<Report, 'passages'> & { passages: StoredPassage[] };

/**
 * A quantity record as a tuple: at 1,000 reports there are ~200,000 records, and parsing them as
 * keyed objects made loading the cache eight times slower. Report, place, paragraph id and the
 * written figure are taken from the report they belong to.
 */
type StoredQuantity = [
  report: number,
  paragraph: number,
  part: QuantityRecord['part'],
  kind: QuantityRecord['kind'],
  years: number[],
  value: number | null,
  unit: string,
  qualifiers: string[],
  measure: QuantityRecord['measure'],
  subject: string,
  link: string,
  comparison: 0 | 1,
  spanStart: number,
  spanEnd: number,
  statementStart: number,
  statementEnd: number,
  /** A range's high end; left off for the single figures almost every record is. */
  upper?: number,
];

interface CachedCorpus {
  version: number;
  key: string;
  hash: string;
  reports: StoredReport[];
  indicators: IndicatorRow[];
  quantities: StoredQuantity[];
  errors: LoadError[];
}

function packQuantities(reports: Report[], records: QuantityRecord[]): StoredQuantity[] {
  const reportIndex = new Map(reports.map((r, i) => [r.meta.id, i]));
  const paragraphIndex = new Map(reports.flatMap((r) => r.paragraphs.map((p, i) => [p.id, i] as const)));
  return records.map((q): StoredQuantity => {
    const stored: StoredQuantity = [
      reportIndex.get(q.reportId)!,
      paragraphIndex.get(q.paragraphId)!,
      q.part,
      q.kind,
      q.years,
      q.value,
      q.unit,
      q.qualifiers,
      q.measure,
      q.subject,
      q.link,
      q.comparison ? 1 : 0,
      q.span.start,
      q.span.end,
      q.statement.start,
      q.statement.end,
    ];
    if (q.upper !== undefined) stored.push(q.upper);
    return stored;
  });
}

function unpackQuantities(reports: Report[], stored: StoredQuantity[]): QuantityRecord[] {
  return stored.map(([ri, pi, part, kind, years, value, unit, qualifiers, measure, subject, link, comparison, s0, s1, t0, t1, upper]) => {
    const report = reports[ri];
    const paragraph = report.paragraphs[pi];
    const record: QuantityRecord = {
      reportId: report.meta.id,
      paragraphId: paragraph.id,
      place: report.meta.place,
      part,
      kind,
      years,
      value,
      unit,
      written: paragraph.text.slice(s0, s1),
      qualifiers,
      measure,
      subject,
      link,
      comparison: comparison === 1,
      span: { start: s0, end: s1 },
      statement: { start: t0, end: t1 },
    };
    if (upper !== undefined) record.upper = upper;
    return record;
  });
}

export function corpusCacheFile(dir: string, key: string): string {
  return join(dir, `corpus-${key.slice(0, 16)}.json`);
}

let codeHash: string | null | undefined;

/**
 * Hash of the code that turns report bytes into reports and indicator rows
 * (retrieval/ingest and its format readers, indicators, quantities, places, script, defaults.ts). Null when the sources
 * cannot be read (a bundled build): the corpus is then never cached.
 */
export function ingestCodeHash(): string | null {
  if (codeHash !== undefined) return codeHash;
  try {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const hasher = createHash('sha256');
    for (const dir of ['ingest', 'ingest/readers', 'indicators', 'quantities', 'places', 'script', 'corpus']) {
      const names = readdirSync(join(root, dir))
        .filter((f) => /\.[cm]?[jt]s$/.test(f))
        .sort();
      if (names.length === 0) throw new Error(`no sources in ${dir}`);
      for (const f of names) hasher.update(`\u0000${dir}/${f}\u0000`).update(readFileSync(join(root, dir, f)));
    }
    // The data shapes and the defaults (INDEX_FORMAT_VERSION among them) shape the cache too.
    for (const f of ['defaults.ts', 'types.ts']) hasher.update(`\u0000${f}\u0000`).update(readFileSync(join(root, f)));
    codeHash = hasher.digest('hex');
  } catch {
    codeHash = null;
  }
  return codeHash;
}

/** The cached corpus for `key`, or undefined when there is none (or it is of another format). */
export function readCorpusCache(dir: string, key: string): IngestedCorpus | undefined {
  let raw: string;
  try {
    raw = readFileSync(corpusCacheFile(dir, key), 'utf8');
  } catch {
    return undefined;
  }
  const cached = JSON.parse(raw) as CachedCorpus;
  if (cached.version !== INDEX_FORMAT_VERSION || cached.key !== key) return undefined;
  const reports = cached.reports.map((r): Report => {
    const text = new Map(r.paragraphs.map((p) => [p.id, p.text]));
    const passages = r.passages.map((p): Passage => ({ ...p, text: p.text ?? text.get(p.paragraphId)!.slice(p.start, p.end) }));
    return { ...r, passages };
  });
  return { hash: cached.hash, reports, indicators: cached.indicators, quantities: unpackQuantities(reports, cached.quantities), errors: cached.errors };
}

const WRITE_CHUNK_CHARS = 1 << 19;

export function writeCorpusCache(dir: string, key: string, corpus: IngestedCorpus): void {
  mkdirSync(dir, { recursive: true });
  const file = corpusCacheFile(dir, key);
  // Write then rename, so a crash never leaves a half-written cache behind (a dead writer's
  // temp file is removed at the next load, pruneCaches.ts). Written piece by
  // piece: one JSON.stringify of 1,000 reports and their records would hold the whole file as
  // a single string, several hundred MB at the build's peak.
  const tmp = join(dir, tempNameFor(basename(file)));
  const fd = openSync(tmp, 'w');
  try {
    // Small pieces are gathered into writes of about a megabyte.
    let pending = '';
    const put = (s: string) => {
      pending += s;
      if (pending.length >= WRITE_CHUNK_CHARS) {
        writeSync(fd, pending);
        pending = '';
      }
    };
    const list = <T>(items: readonly T[], encode: (item: T) => string) => {
      put('[');
      items.forEach((item, i) => put((i ? ',' : '') + encode(item)));
      put(']');
    };
    put(`{"version":${INDEX_FORMAT_VERSION},"key":${JSON.stringify(key)},"hash":${JSON.stringify(corpus.hash)},"errors":${JSON.stringify(corpus.errors)},"reports":`);
    list(corpus.reports, (r) => JSON.stringify(storedReport(r)));
    put(',"indicators":');
    list(corpus.indicators, (row) => JSON.stringify(row));
    put(',"quantities":');
    list(packQuantities(corpus.reports, corpus.quantities), (q) => JSON.stringify(q));
    put('}');
    writeSync(fd, pending);
    closeSync(fd);
    renameSync(tmp, file);
  } catch (e) {
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A report as cached: passages keep only offsets when their text is their paragraph's slice. */
function storedReport(r: Report): StoredReport {
  const text = new Map(r.paragraphs.map((p) => [p.id, p.text]));
  const passages = r.passages.map((p): StoredPassage => {
    const { text: own, ...rest } = p;
    return text.get(p.paragraphId)?.slice(p.start, p.end) === own ? rest : p;
  });
  return { ...r, passages };
}
