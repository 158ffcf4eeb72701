export type Measure = 'level' | 'growth';

import { GROWTH_WORDS, LEVEL_WORDS } from './measureWords.js';

/** A growth is also asked by naming its unit (百分点, %) or its basis (同比, 环比, 几个点). */
const GROWTH = new RegExp(`${GROWTH_WORDS.source}|百分之|百分点|同比|环比|%|几个点`, 'u');
/** An amount is also asked by naming its unit (亿元, 万元), a head count (多少人), or 达到多少 (which a rate can answer too, so it is no ask's measure on its own). */
const LEVEL = new RegExp(`${LEVEL_WORDS.source}|多少人|达到多少|亿元|万元`, 'u');

/**
 * Whether the question asks for a growth rate or an absolute level. Both or
 * neither → undefined: the answer should then give what the report states.
 * The indicator's own words are blanked first, because labels such as 经济增长 or
 * 社会消费品零售总额 contain the very words that signal a measure.
 */
export function detectMeasure(
  folded: string,
  indicator?: { mention: string; start: number; end: number },
): Measure | undefined {
  const text = indicator ? folded.slice(0, indicator.start) + ' ' + folded.slice(indicator.end) : folded;
  const indicatorMention = indicator?.mention;
  const growth = GROWTH.test(text);
  // "GDP是多少，增长多少": one ask for the figure itself and another for its growth — both.
  const asks = text.split(/[，,；;、和]/u).filter((p) => /多少|几/u.test(p));
  const level = LEVEL.test(text) || (growth && asks.length > 1 && asks.some((p) => !GROWTH.test(p)));
  if (growth && !level) return 'growth';
  if (level && !growth) return 'level';
  // 经济增长/GDP增速 name the indicator by its growth: that is the measure meant.
  if (!growth && !level && indicatorMention && /增长|增速/u.test(indicatorMention)) return 'growth';
  return undefined;
}
