// Indicator rows of one report: its quantity records (retrieval/quantities) seen through the
// indicator vocabulary (indicatorsFromQuantities). Every figure, label and span comes from the
// paragraph text; nothing is typed in by hand.
import { extractQuantities } from '../quantities/extractQuantities.js';
import type { IndicatorRow, QuantityRecord } from '../types.js';
import { indicatorsFromQuantities } from './indicatorsFromQuantities.js';

export interface ExtractInput {
  reportId: string;
  place: string;
  reviewYear: number;
  planYear: number;
  paragraphs: { id: string; text: string; sectionPath: string[]; isHeading?: boolean }[];
  /** The report's records when already extracted (loadCorpus), so they are read once. */
  quantities?: QuantityRecord[];
}

export function extractIndicators(input: ExtractInput): IndicatorRow[] {
  const { reportId, place, reviewYear, planYear } = input;
  const records = input.quantities ?? extractQuantities({ meta: { id: reportId, place, reviewYear, planYear }, paragraphs: input.paragraphs });
  const text = new Map(input.paragraphs.map((p) => [p.id, p.text]));
  return indicatorsFromQuantities(records, (id) => text.get(id) ?? '', { reviewYear, planYear });
}
