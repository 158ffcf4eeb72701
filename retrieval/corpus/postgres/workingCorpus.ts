// The Corpus a request works on, made from the catalog and the reports loaded for
// it: `reports` is the whole catalog (so query understanding, coverage and place
// names read every report's metadata) with the loaded reports in full; paragraphs,
// passages, records and rows are those of the loaded reports; the index ranks their
// passages with the whole corpus's statistics. The synchronous pipeline (evidence,
// composers, citation checks) runs on it unchanged.
import { searchCorpus } from '../../evidence/searchCorpus.js';
import { lookupIndicators } from '../../indicators/lookupIndicators.js';
import { createStatsIndex } from '../../index/statsIndex.js';
import type { CorpusTermStats, TermDoc } from '../../index/statsScorer.js';
import type { Corpus, IndicatorRow, Paragraph, Passage, QuantityRecord, Report } from '../../types.js';
import type { LoadedReport } from './readReports.js';

export interface RowsOf {
  /** The report's place in the corpus order. */
  seq: number;
  rows: IndicatorRow[];
}

export interface WorkingCorpusParts {
  /** Reports loaded in full, in corpus order. */
  loaded: readonly LoadedReport[];
  /** Corpus-wide statistics for searching them; without, the corpus cannot be searched. */
  stats?: CorpusTermStats;
  /** Indicator rows of reports not loaded (the rows a lookup or an answer reads beyond the loaded reports). */
  rows?: readonly RowsOf[];
  /** Paragraphs of reports not loaded (the ones those rows cite). */
  paragraphs?: readonly Paragraph[];
}

const readOnly = (what: string) => () => {
  throw new Error(`a working set is read-only: ${what} through the report store`);
};

export function workingCorpus(catalog: Corpus, parts: WorkingCorpusParts): Corpus {
  const loaded = new Map(parts.loaded.map((l) => [l.report.meta.id, l]));
  const reports: Report[] = catalog.reports.map((r) => loaded.get(r.meta.id)?.report ?? r);
  const reportById = new OverlayMap(catalog.reportById);
  const paragraphById = new Map<string, Paragraph>();
  const passageById = new Map<string, Passage>();
  const quantities: QuantityRecord[] = [];
  const docs: TermDoc[] = [];
  for (const l of parts.loaded) {
    reportById.set(l.report.meta.id, l.report);
    for (const p of l.report.paragraphs) paragraphById.set(p.id, p);
    for (const p of l.report.passages) passageById.set(p.id, p);
    for (const q of l.quantities) quantities.push(q);
    for (const d of l.docs) docs.push(d);
  }
  for (const p of parts.paragraphs ?? []) if (!paragraphById.has(p.id)) paragraphById.set(p.id, p);
  // Rows in corpus order, as the in-memory corpus lists them.
  const groups: RowsOf[] = [...parts.loaded.map((l) => ({ seq: l.seq, rows: l.indicators })), ...(parts.rows ?? [])].sort((a, b) => a.seq - b.seq);
  const indicators = groups.flatMap((g) => g.rows);
  const corpus: Corpus = {
    reports,
    origins: catalog.origins,
    contentHashes: catalog.contentHashes,
    findSameText: catalog.findSameText,
    reportById,
    paragraphById,
    passageById,
    indicators,
    quantities,
    errors: catalog.errors,
    hash: catalog.hash,
    tokenizer: catalog.tokenizer,
    index: createStatsIndex(docs, parts.stats),
    stats: catalog.stats,
    search: (question, options) => searchCorpus(corpus, question, options),
    lookupIndicators: (q) => lookupIndicators(corpus.indicators, q),
    addReport: readOnly('add reports'),
    removeReport: readOnly('remove reports'),
  };
  return corpus;
}

/**
 * The catalog's reports by id with the loaded ones over them: a request reads through to the
 * catalog's map instead of copying it (10,000 entries at scale) for each question.
 */
class OverlayMap<K, V> extends Map<K, V> {
  constructor(private readonly base: ReadonlyMap<K, V>) {
    super();
  }
  override get(key: K): V | undefined {
    return super.has(key) ? super.get(key) : this.base.get(key);
  }
  override has(key: K): boolean {
    return super.has(key) || this.base.has(key);
  }
  override get size(): number {
    let n = this.base.size;
    for (const k of super.keys()) if (!this.base.has(k)) n++;
    return n;
  }
  override *entries(): MapIterator<[K, V]> {
    for (const [k, v] of this.base) yield [k, super.has(k) ? super.get(k)! : v];
    for (const [k, v] of super.entries()) if (!this.base.has(k)) yield [k, v];
  }
  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
  override *keys(): MapIterator<K> {
    for (const [k] of this.entries()) yield k;
  }
  override *values(): MapIterator<V> {
    for (const [, v] of this.entries()) yield v;
  }
  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
}
