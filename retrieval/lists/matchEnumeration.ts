// A list question → the enumeration in running text that it asks about: the share of the
// question's content words found in the list's intro, or in at least two of its items
// (必须坚持哪几条 ↔ 必须坚持创新提质。…必须坚持项目提速。…).
import type { Enumeration } from './findEnumerations.js';

const weight = (t: string) => Math.min(t.length, 4);

export function enumerationCoverage(e: Enumeration, terms: string[]): number {
  const total = terms.reduce((s, t) => s + weight(t), 0);
  if (total === 0) return 0;
  let got = 0;
  for (const t of terms) {
    if (e.intro.includes(t) || e.items.filter((i) => i.text.includes(t)).length >= 2) got += weight(t);
  }
  return got / total;
}

export function matchEnumeration(enumerations: Enumeration[], terms: string[]): { enumeration: Enumeration; coverage: number } | undefined {
  let best: { enumeration: Enumeration; coverage: number } | undefined;
  for (const e of enumerations) {
    const coverage = enumerationCoverage(e, terms);
    if (coverage > (best?.coverage ?? 0) || (coverage === best?.coverage && e.items.length > best.enumeration.items.length)) best = { enumeration: e, coverage };
  }
  return best;
}
