// Cuts a paragraph into retrieval passages at sentence boundaries. Short
// paragraphs are one passage; long ones (some exceed 2,000 characters) are packed
// sentence by sentence up to a target size, so BM25 sees focused units while
// citations still point to the whole paragraph.
import { DEFAULTS } from '../defaults.js';
import type { Paragraph, Passage } from '../types.js';

export function makePassages(
  p: Paragraph,
  target: number = DEFAULTS.passageTargetChars,
  max: number = DEFAULTS.passageMaxChars,
): Passage[] {
  const sectionTitle = p.sectionPath[p.sectionPath.length - 1] ?? '';
  const lead = p.lead ?? '';
  const make = (start: number, end: number, n: number): Passage => ({
    id: `${p.id}#${n}`,
    paragraphId: p.id,
    reportId: p.reportId,
    start,
    end,
    text: p.text.slice(start, end),
    sectionTitle,
    lead,
  });
  if (p.text.length <= max || p.sentences.length <= 1) return [make(0, p.text.length, 0)];

  const out: Passage[] = [];
  let start = p.sentences[0].start;
  let end = start;
  for (const s of p.sentences) {
    const wouldBe = s.end - start;
    if (end > start && (end - start >= target || wouldBe > max)) {
      out.push(make(start, end, out.length));
      start = s.start;
    }
    end = s.end;
  }
  if (end > start) out.push(make(start, end, out.length));
  return out;
}
