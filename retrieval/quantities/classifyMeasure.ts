// What a number measures, from its unit and the words right before it.
import type { QuantityMeasure } from '../types.js';
import type { Figure } from './findFigures.js';
import { measureOf } from './units.js';

const GROWTH_RE = /增长|增速|增幅|涨幅|下降|降低|回落|提高|提升|减少|增加|上涨|下滑/;
const GROWTH_TO_RE = /(提高到|提升到|增至|降至|提高至|下降到|下降至)$/;
const DECLINE_RE = /(下降|降低|回落|减少|下滑)/;
const SHARE_RE = /占|比重|占比|比例|覆盖率|达标率/;
const DIFFERENCE_RE = /(高于|低于|高出|超出|快于|慢于|多于|少于|比[^，,。；]{1,12}(?:高|低|快|慢|多|少))/;
const RANK_RE = /(居|位居|位列|名列|排名|排|列)[^，,。；]{0,10}第?$/;

export interface MeasureReading {
  measure: QuantityMeasure;
  /** 下降 / 减少 …: the figure is a decline (its value stays as written). */
  decline: boolean;
  comparison: boolean;
}

/** `near` is the text between the subject and the number (the whole left side when the subject is inherited). */
export function classifyMeasure(token: Figure, near: string, subject: string): MeasureReading {
  const tail = near.slice(-10);
  const unit = measureOf(token.unit);
  if (token.ratio) return { measure: 'ratio', decline: false, comparison: false };
  if (token.ordinal || (['位', '名'].includes(token.unit) && RANK_RE.test(near.slice(-12) + (token.ordinal ? '' : '第')))) {
    return { measure: 'rank', decline: false, comparison: true };
  }
  if (DIFFERENCE_RE.test(tail) && (unit === 'rate' || unit === 'points' || unit === 'money')) {
    return { measure: 'difference', decline: /低于|慢于|少于|低$|慢$|少$/.test(tail), comparison: true };
  }
  if (unit === 'multiple') return { measure: 'multiple', decline: false, comparison: /是|为|相当于|的$/.test(tail) };
  if (unit === 'rate' || unit === 'points') {
    if (GROWTH_RE.test(tail) && !GROWTH_TO_RE.test(tail)) return { measure: 'growth', decline: DECLINE_RE.test(tail.slice(-6)), comparison: false };
    if (SHARE_RE.test(tail) || /^[^占]{0,12}占|比重$|占比$/.test(subject)) return { measure: 'share', decline: false, comparison: false };
    return { measure: 'rate', decline: false, comparison: false };
  }
  if (GROWTH_RE.test(tail) && token.unit === '') return { measure: 'growth', decline: DECLINE_RE.test(tail), comparison: false };
  if (/^人均/.test(subject)) return { measure: 'perCapita', decline: false, comparison: false };
  if (unit === 'count') return { measure: 'count', decline: false, comparison: false };
  return { measure: 'level', decline: false, comparison: false };
}
