// Whole reports out of the database, as the in-memory corpus holds them (report,
// indicator rows, quantity records), with each passage's tokens for scoring:
// one round trip for any number of reports.
import type { TermDoc } from '../../index/statsScorer.js';
import type { IndicatorRow, IngestedReport, Paragraph, QuantityRecord, Report, ReportMeta, Section } from '../../types.js';
import type { Database } from './connectDatabase.js';
import { passageOf, type PassageRow } from './writeReports.js';

export interface LoadedReport extends IngestedReport {
  /** The report's place in the corpus order. */
  seq: number;
  /** Its passages' tokens, in index order. */
  docs: TermDoc[];
  /** Every distinct token of its passages: the terms whose corpus-wide statistics scoring it may need. */
  vocabulary: string[];
}

interface Row {
  id: string;
  seq: string;
  meta: ReportMeta;
  sections: Section[];
  paragraphs: Paragraph[] | null;
  passages: PassageRow[] | null;
  quantities: QuantityRecord[] | null;
  indicators: IndicatorRow[] | null;
}

export async function readReports(db: Database, ids: readonly string[]): Promise<LoadedReport[]> {
  if (ids.length === 0) return [];
  const { rows } = await db.pool.query<Row>(
    `SELECT r.id, r.seq, r.meta, r.sections,
       (SELECT json_agg(p.data ORDER BY p.position) FROM paragraphs p WHERE p.report_id = r.id) AS paragraphs,
       (SELECT json_agg(json_build_object('id', s.id, 'paragraph_id', s.paragraph_id, 'start_offset', s.start_offset, 'end_offset', s.end_offset,
          'text', s.text, 'section_title', s.section_title, 'lead', s.lead, 'tf', s.tf, 'lengths', s.lengths) ORDER BY s.position)
          FROM passages s WHERE s.report_id = r.id) AS passages,
       q.records AS quantities,
       (SELECT json_agg(i.data ORDER BY i.position) FROM indicator_rows i WHERE i.report_id = r.id) AS indicators
     FROM reports r LEFT JOIN quantities q ON q.report_id = r.id
     WHERE r.id = ANY($1) ORDER BY r.seq`,
    [ids],
  );
  return rows.map(loadedOf);
}

function loadedOf(row: Row): LoadedReport {
  const paragraphs = row.paragraphs ?? [];
  const text = new Map(paragraphs.map((p) => [p.id, p.text]));
  const passageRows = row.passages ?? [];
  const report: Report = {
    meta: row.meta,
    paragraphs,
    sections: row.sections,
    passages: passageRows.map((p) => passageOf(row.id, p, text.get(p.paragraph_id))),
  };
  const vocabulary = new Set<string>();
  const docs = passageRows.map((p): TermDoc => {
    for (const t of Object.keys(p.tf)) vocabulary.add(t);
    return { passageId: p.id, reportId: row.id, tf: p.tf, lengths: p.lengths };
  });
  return { seq: Number(row.seq), report, indicators: row.indicators ?? [], quantities: row.quantities ?? [], docs, vocabulary: [...vocabulary] };
}
