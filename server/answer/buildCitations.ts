// Verified draft → the response's citations: markers renumbered in order of
// first appearance ([3]…[1] becomes [1]…[2]), each with its paragraph's full
// text, the matched sentences and the figures the answer states from it.
import type { Citation } from '../api/schemas.js';
import type { Evidence } from '../../retrieval/public.js';
import { figuresIn, sourceHasNumber } from './verify/figures.js';
import { orderMarkerRuns } from './verify/orderMarkerRuns.js';

export function buildCitations(text: string, evidence: Evidence[]): { answer: string; citations: Citation[] } {
  const byMarker = new Map(evidence.map((e) => [e.marker, e]));
  const order: number[] = [];
  for (const m of text.matchAll(/\[(\d{1,3})\]/g)) {
    const n = Number(m[1]);
    if (byMarker.has(n) && !order.includes(n)) order.push(n);
  }
  const renumber = new Map(order.map((n, i) => [n, i + 1]));
  const answer = orderMarkerRuns(text.replace(/\[(\d{1,3})\]/g, (m, n: string) => (renumber.has(Number(n)) ? `[${renumber.get(Number(n))}]` : '')));
  const figures = figuresIn(answer);
  const citations = order.map((n, i): Citation => {
    const e = byMarker.get(n)!;
    const stated = [...new Set(figures.filter((f) => sourceHasNumber(e.text, f.number)).map((f) => f.text))];
    return {
      marker: i + 1,
      id: e.paragraphId,
      reportId: e.reportId,
      place: e.place,
      district: e.place,
      year: e.year,
      section: e.section,
      text: e.original ?? e.text,
      matched: e.matched,
      figures: stated,
      ...(e.page !== undefined ? { page: e.page } : {}),
    };
  });
  return { answer, citations };
}
