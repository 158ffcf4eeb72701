// Read-only JSON APIs: reports, paragraphs with neighbours, indicator tables, health.
import { Hono } from 'hono';
import { type Corpus, corpusFor, DEFAULTS, type Paragraph, REPORT_EXTENSIONS, tokenizerLabel, withConflictWarnings } from '../../retrieval/public.js';
import { IndicatorQuerySchema, type HealthResponse, type ParagraphResponse, type ReportDetailResponse, type ReportListResponse } from '../api/schemas.js';
import { withDistrict } from '../api/legacyDistrict.js';
import { ApiError, zodMessage } from '../http/apiError.js';
import { attachmentName } from './attachmentName.js';
import { indicatorsCsv } from './indicatorsCsv.js';
import { summaryOf } from './reportRoutes.js';

const NEIGHBOURS = DEFAULTS.server.paragraphNeighbours;

export function readRoutes(corpus: Corpus, answererName: string, uploads = false) {
  return new Hono()
    .get('/healthz', (c) => {
      const body: HealthResponse = {
        ok: true,
        reports: corpus.reports.length,
        // From the metadata: a database corpus holds no paragraphs until a request loads them.
        paragraphs: corpus.reports.reduce((n, r) => n + r.meta.paragraphCount, 0),
        answerer: answererName,
        tokenizer: tokenizerLabel(corpus.tokenizer),
        degraded: corpus.tokenizer.degraded ? [corpus.tokenizer.degraded] : [],
      };
      return c.json(body);
    })
    .get('/api/reports', (c) => {
      const body: ReportListResponse = {
        reports: corpus.reports.map((r) => summaryOf(corpus, r)),
        errors: corpus.errors,
        upload: { maxBytes: DEFAULTS.maxUploadBytes, extensions: [...REPORT_EXTENSIONS], enabled: uploads },
      };
      return c.json(body);
    })
    .get('/api/reports/:id', async (c) => {
      const report = (await corpusFor(corpus, { reportIds: [c.req.param('id')] })).reportById.get(c.req.param('id'));
      if (!report) throw new ApiError(404, 'not_found', `没有编号为 ${c.req.param('id')} 的报告`);
      const body: ReportDetailResponse = { meta: withDistrict(withConflictWarnings(corpus, report.meta)), sections: report.sections, paragraphs: report.paragraphs.map(asWritten) };
      return c.json(body);
    })
    .get('/api/paragraphs/:id', async (c) => {
      const id = c.req.param('id');
      const found = await corpusFor(corpus, { paragraphIds: [id] });
      const paragraph = found.paragraphById.get(id);
      if (!paragraph) throw new ApiError(404, 'not_found', `没有编号为 ${id} 的段落`);
      const report = found.reportById.get(paragraph.reportId)!;
      const i = paragraph.index - 1;
      const body: ParagraphResponse = {
        paragraph: asWritten(paragraph),
        report: withDistrict(report.meta),
        before: report.paragraphs.slice(Math.max(0, i - NEIGHBOURS), i).map(asWritten),
        after: report.paragraphs.slice(i + 1, i + 1 + NEIGHBOURS).map(asWritten),
      };
      return c.json(body);
    })
    .get('/api/indicators', async (c) => {
      const parsed = IndicatorQuerySchema.safeParse(c.req.query());
      if (!parsed.success) throw new ApiError(400, 'invalid_request', zodMessage(parsed.error));
      const q = parsed.data;
      const lookup = { place: q.place || undefined, year: q.year, indicator: q.indicator || undefined, kind: q.kind };
      const found = await corpusFor(corpus, { indicators: lookup, paragraphs: q.format === 'csv' });
      const rows = found.lookupIndicators(lookup);
      if (q.format === 'csv') {
        const name = ['指标', q.place, q.year, q.indicator].filter(Boolean).join('-') + '.csv';
        return c.body(indicatorsCsv(found, rows), 200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': attachmentName(name, { stem: 'indicators' }),
        });
      }
      const indicators = [...new Set(found.indicators.map((r) => r.indicator))].sort();
      return c.json({ rows: rows.map(withDistrict), indicators });
    });
}

/** Users read a paragraph as the report wrote it (a traditional-script report stays traditional). */
function asWritten(p: Paragraph): Paragraph {
  return p.original ? { ...p, text: p.original } : p;
}
