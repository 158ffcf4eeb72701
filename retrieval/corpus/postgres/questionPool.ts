// Which reports a question may be answered from, decided on the catalog alone (every
// report's metadata): the question is understood as the answer pipeline and the
// search route understand it (prepareEvidence, searchCorpus: the same parse over the
// question as asked, in simplified characters, and normalised), and reportsForQuestion
// gives each reading's pool. Their union is what a working set must hold.
import { resolveQuery } from '../../evidence/prepareEvidence.js';
import { reportsForQuestion } from '../../evidence/reportsForQuestion.js';
import { normaliseQuestion } from '../../evidence/searchCorpus.js';
import { toSimplified } from '../../script/toSimplified.js';
import type { ConversationTurn, Corpus, ParsedQuery, SearchFilters } from '../../types.js';

export interface QuestionPool {
  /** The question as search reads it (normalised), and how it is understood. */
  text: string;
  query: ParsedQuery;
  /** Report ids, in corpus order. */
  reportIds: string[];
  /** Places and indicator every reading names (for the rows an answer may read beyond the pool). */
  places: string[];
}

export function questionPool(catalog: Corpus, question: string, history: ConversationTurn[] = [], filters: SearchFilters = {}): QuestionPool {
  let text: string;
  try {
    text = normaliseQuestion(question);
  } catch {
    text = toSimplified(question);
  }
  const readings = [...new Set([text, toSimplified(question), question])];
  const ids = new Set<string>();
  const places = new Set<string>();
  let first: ParsedQuery | undefined;
  for (const reading of readings) {
    const query = resolveQuery(catalog, reading, history);
    first ??= query;
    for (const p of query.places) places.add(p);
    // Search still ranks the covered places beside an unknown one (a city named as a whole), so only "no report fits" empties a pool.
    if (query.noMatchingReport) continue;
    for (const r of reportsForQuestion(catalog, query, filters)) ids.add(r.meta.id);
  }
  return { text, query: first!, reportIds: catalog.reports.filter((r) => ids.has(r.meta.id)).map((r) => r.meta.id), places: [...places] };
}
