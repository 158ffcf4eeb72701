// GET /api/search: the hit test (检索测试). The question as understood and the
// ranked passages with their scores and matched words: what the answerer is given
// to work from, so a user can see why an answer cites what it cites.
import { Hono } from 'hono';
import { type Corpus, corpusFor, normaliseQuestion, parseConversation, QueryError } from '../../retrieval/public.js';
import { SearchQuerySchema, type SearchResponse } from '../api/schemas.js';
import { ApiError, zodMessage } from '../http/apiError.js';
import { findTerms } from './findTerms.js';

export function searchRoute(whole: Corpus) {
  return new Hono().get('/api/search', async (c) => {
    const raw = { ...c.req.query(), context: c.req.queries('context') };
    const parsed = SearchQuerySchema.safeParse(raw);
    if (!parsed.success) throw new ApiError(400, 'invalid_request', zodMessage(parsed.error));
    const { q, k, place, year, context } = parsed.data;
    let question: string;
    try {
      question = normaliseQuestion(q);
    } catch (e) {
      if (e instanceof QueryError) throw new ApiError(400, 'invalid_request', e.message);
      throw e;
    }
    const history = (context ?? []).filter((t) => t.trim()).map((t) => ({ role: 'user' as const, content: normaliseQuestion(t) }));
    const filters = { place: place || undefined, year };
    const corpus = await corpusFor(whole, { question, history, filters, k });
    const understood = history.length ? parseConversation(question, history, corpus.reports.map((r) => r.meta)) : undefined;
    const found = corpus.search(question, { k, filters, parsed: understood });
    const terms = found.terms;

    const body: SearchResponse = {
      query: { ...found.query, terms },
      results: found.results.map((hit, i) => {
        const paragraph = corpus.paragraphById.get(hit.id);
        // Found in simplified characters; shown as the report writes them (same offsets).
        const shown = paragraph?.original ? paragraph.original.slice(hit.start, hit.end) : hit.text;
        const { matched, spans } = findTerms(hit.text, terms);
        return {
          rank: i + 1,
          id: hit.id,
          reportId: hit.reportId,
          place: hit.place,
          year: hit.year,
          score: hit.score,
          text: shown,
          start: hit.start,
          end: hit.end,
          matchedTerms: matched,
          termSpans: spans,
          matchedSentences: hit.matchedSentences
            .map((s) => ({ start: Math.max(0, s.start - hit.start), end: Math.min(hit.end, s.end) - hit.start }))
            .filter((s) => s.end > s.start),
          sectionPath: hit.sectionPath,
          ...(paragraph?.page !== undefined ? { page: paragraph.page } : {}),
        };
      }),
    };
    return c.json(body);
  });
}
