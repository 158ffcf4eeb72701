import { INDICATORS, NOT_INDICATORS } from '../indicators/vocabulary.js';
import { findMatches } from './findMatches.js';

export interface IndicatorMention {
  indicator: string;
  /** The user's own words, sliced from the original text. */
  mention: string;
  start: number;
  end: number;
}

// Every label and alias, folded like the question (lower case), longest first
// through findMatches: 财政收入 beats 收入, 人均gdp beats gdp, 居民消费价格 beats 消费.
const PATTERNS: { form: string; value: string | null }[] = [
  ...INDICATORS.flatMap((d) =>
    [...new Set([...d.labels, ...d.aliases].map((t) => t.toLowerCase()))].map((form) => ({ form, value: d.name as string | null })),
  ),
  // Claimed first, then dropped: they only keep an alias inside them from matching.
  ...NOT_INDICATORS.map((form) => ({ form, value: null })),
];

/**
 * Indicators named in the question, in the order they are mentioned. The first is
 * the one asked about: Chinese puts the subject first (社零增长目标 asks about 社零,
 * not about the generic 增长目标 alias).
 */
export function detectIndicators(folded: string, original: string): IndicatorMention[] {
  const matches = findMatches(folded, PATTERNS);
  // "推进多少个重点项目，年度完成投资多少": once a question is about 重点项目, a bare
  // two-character alias elsewhere (投资, 消费, 收入) is that project's, not the indicator.
  const blocked = matches.some((m) => m.value === null);
  return matches
    .filter((m): m is typeof m & { value: string } => m.value !== null && !(blocked && m.end - m.start <= 2))
    .map((m) => ({
    indicator: m.value,
    mention: original.slice(m.start, m.end),
    start: m.start,
    end: m.end,
  }));
}
