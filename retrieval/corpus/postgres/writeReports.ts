// Writes reports into the database and takes them out again, inside a transaction
// the caller holds (with the writer lock, lockWriters): the report row with its
// original file, paragraphs, passages with their tokens, quantity records, indicator
// rows, the corpus-wide statistics, and a numbered change every server follows.
import type pg from 'pg';
import { ingestCodeHash } from '../../index/corpusCache.js';
import type { TermCounts } from '../../index/statsScorer.js';
import type { Passage, Report } from '../../types.js';
import { DEFAULTS } from '../../defaults.js';
import type { Database } from './connectDatabase.js';
import { StatsChange } from './corpusStats.js';
import type { PassageTerms, PreparedReport, ReportPlacement } from './prepareReport.js';

/**
 * Inserts one prepared report; `seq` keeps its place in the corpus order (re-ingesting), else it
 * goes last. Its passages join the statistics now, or through `stats` when the caller writes many.
 */
export async function insertReport(client: pg.PoolClient, prepared: PreparedReport, placement: ReportPlacement, seq?: number, stats?: StatsChange): Promise<number> {
  const { report, indicators, quantities } = prepared.ingested;
  const id = report.meta.id;
  const { rows } = await client.query<{ seq: string }>(
    `INSERT INTO reports (id, seq, origin, source, source_file, meta, sections, overrides, file_bytes, file_hash, text_hash, ingest_code, tokenizer)
     VALUES ($1, COALESCE($2, nextval('report_order')), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING seq`,
    [
      id,
      seq ?? null,
      placement.origin,
      placement.source,
      prepared.sourceFile,
      JSON.stringify(report.meta),
      JSON.stringify(report.sections),
      prepared.overrides ? JSON.stringify(prepared.overrides) : null,
      Buffer.from(prepared.bytes),
      prepared.fileHash,
      prepared.textHash,
      ingestCodeHash(),
      prepared.tokenizer,
    ],
  );
  const reportSeq = Number(rows[0].seq);
  await client.query(
    `INSERT INTO paragraphs (report_id, position, id, data)
     SELECT $1, e.position, e.data->>'id', e.data FROM json_array_elements($2::json) WITH ORDINALITY AS e(data, position)`,
    [id, JSON.stringify(report.paragraphs)],
  );
  const text = new Map(report.paragraphs.map((p) => [p.id, p.text]));
  const passages = report.passages.map((p, i) => ({
    position: i + 1,
    id: p.id,
    paragraph_id: p.paragraphId,
    start_offset: p.start,
    end_offset: p.end,
    text: text.get(p.paragraphId)?.slice(p.start, p.end) === p.text ? null : p.text,
    section_title: p.sectionTitle,
    lead: p.lead,
    tf: prepared.passageTerms[i].tf,
    lengths: prepared.passageTerms[i].lengths,
    // A lexeme is at most 2 KB; a longer token (never a word) is scored but not indexed for candidates.
    lexemes: Object.keys(prepared.passageTerms[i].tf).filter((t) => Buffer.byteLength(t) < 2000),
  }));
  await client.query(
    `INSERT INTO passages (report_id, report_seq, position, id, paragraph_id, start_offset, end_offset, text, section_title, lead, tf, lengths, terms)
     SELECT $1, $2, x.position, x.id, x.paragraph_id, x.start_offset, x.end_offset, x.text, x.section_title, x.lead, x.tf, x.lengths, array_to_tsvector(x.lexemes)
     FROM jsonb_to_recordset($3::jsonb) AS x(position int, id text, paragraph_id text, start_offset int, end_offset int, text text,
       section_title text, lead text, tf jsonb, lengths int[], lexemes text[])`,
    [id, reportSeq, JSON.stringify(passages)],
  );
  await client.query('INSERT INTO quantities (report_id, records) VALUES ($1, $2)', [id, JSON.stringify(quantities)]);
  await client.query(
    `INSERT INTO indicator_rows (report_id, report_seq, position, place, year, kind, indicator, measure, data)
     SELECT $1, $2, e.position, e.data->>'place', (e.data->>'year')::int, e.data->>'kind', e.data->>'indicator', e.data->>'measure', e.data
     FROM json_array_elements($3::json) WITH ORDINALITY AS e(data, position)`,
    [id, reportSeq, JSON.stringify(indicators)],
  );
  if (stats) stats.move(prepared.passageTerms, 1);
  else await new StatsChange().move(prepared.passageTerms, 1).apply(client);
  return reportSeq;
}

/** Deletes a report and everything made from it; false when there is none. */
export async function deleteReport(client: pg.PoolClient, id: string, stats?: StatsChange): Promise<boolean> {
  // Its passages leave the statistics in index order, as MiniSearch removes them.
  const { rows } = await client.query<PassageTerms>('SELECT tf, lengths FROM passages WHERE report_id = $1 ORDER BY position', [id]);
  const deleted = await client.query('DELETE FROM reports WHERE id = $1', [id]);
  if (deleted.rowCount === 0) return false;
  if (stats) stats.move(rows, -1);
  else await new StatsChange().move(rows, -1).apply(client);
  return true;
}

export interface Change {
  op: 'put' | 'remove';
  reportId: string;
}

/** Numbers the changes, logs them for servers catching up, and wakes every server (delivered at commit). */
export async function recordChanges(client: pg.PoolClient, db: Database, changes: readonly Change[]): Promise<number> {
  if (changes.length === 0) return -1;
  const { rows } = await client.query<{ version: string }>('UPDATE corpus_state SET version = version + $1 RETURNING version', [changes.length]);
  const last = Number(rows[0].version);
  const first = last - changes.length + 1;
  await client.query(
    `INSERT INTO corpus_changes (version, op, report_id) SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])`,
    [changes.map((_, i) => first + i), changes.map((c) => c.op), changes.map((c) => c.reportId)],
  );
  await client.query('DELETE FROM corpus_changes WHERE version <= $1', [last - DEFAULTS.database.keptChanges]);
  await client.query('SELECT pg_notify($1, $2)', [db.channel, String(last)]);
  return last;
}

/** A passage as the in-memory corpus holds it, from its row and its paragraph's text. */
export function passageOf(report: Report['meta']['id'], row: PassageRow, paragraphText: string | undefined): Passage {
  return {
    id: row.id,
    paragraphId: row.paragraph_id,
    reportId: report,
    start: row.start_offset,
    end: row.end_offset,
    text: row.text ?? (paragraphText ?? '').slice(row.start_offset, row.end_offset),
    sectionTitle: row.section_title,
    lead: row.lead,
  };
}

export interface PassageRow {
  id: string;
  paragraph_id: string;
  start_offset: number;
  end_offset: number;
  text: string | null;
  section_title: string;
  lead: string;
  tf: TermCounts;
  lengths: [number, number, number];
}
