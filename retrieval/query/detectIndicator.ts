import { INDICATORS } from '../indicators/vocabulary.js';
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
// Whether an alias inside a longer phrase (投资 in 重点项目投资, 收入 in 旅游收入) names the indicator
// is decided at answer time, by how much of the question the indicator's figures cover
// (server/answer/selectFigureRecords.ts), not by a list of phrases here.
const PATTERNS: { form: string; value: string }[] = INDICATORS.flatMap((d) =>
  [...new Set([...d.labels, ...d.aliases].map((t) => t.toLowerCase()))].map((form) => ({ form, value: d.name })),
);

/**
 * Indicators named in the question, in the order they are mentioned. The first is
 * the one asked about: Chinese puts the subject first (社零增长目标 asks about 社零,
 * not about the generic 增长目标 alias).
 */
export function detectIndicators(folded: string, original: string): IndicatorMention[] {
  const out: IndicatorMention[] = [];
  for (const m of findMatches(folded, PATTERNS)) {
    // A name written right after another (固定资产投资增长目标, 财政收入的增速目标) describes the
    // first one's figure; it is not a second indicator asked about.
    const previous = out.at(-1);
    if (previous && /^的?$/u.test(folded.slice(previous.end, m.start))) continue;
    out.push({ indicator: m.value, mention: original.slice(m.start, m.end), start: m.start, end: m.end });
  }
  return out;
}
