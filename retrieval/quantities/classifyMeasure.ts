// What a number measures, from its unit and the words right before it.
import type { NumberToken } from './findNumberTokens.js';
import type { QuantityMeasure } from '../types.js';

const COUNTERS = new Set(['个', '家', '项', '所', '座', '条', '户', '人', '名', '件', '套', '次', '人次', '万人', '万户', '万人次', '台', '辆', '处', '场', '栋', '批', '支', '架', '宗', '笔', '间', '张', '床', '株', '棵', '孔', '盏']);
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
export function classifyMeasure(token: NumberToken, near: string, subject: string): MeasureReading {
  const tail = near.slice(-10);
  if (token.ratio) return { measure: 'ratio', decline: false, comparison: false };
  if (token.ordinal || (['位', '名'].includes(token.unit) && RANK_RE.test(near.slice(-12) + (token.ordinal ? '' : '第')))) {
    return { measure: 'rank', decline: false, comparison: true };
  }
  if (DIFFERENCE_RE.test(tail) && ['%', '个百分点', '亿元', '万元', '元'].includes(token.unit)) {
    return { measure: 'difference', decline: /低于|慢于|少于|低$|慢$|少$/.test(tail), comparison: true };
  }
  if (token.unit === '倍') return { measure: 'multiple', decline: false, comparison: /是|为|相当于|的$/.test(tail) };
  if (token.unit === '%' || token.unit === '个百分点') {
    if (GROWTH_RE.test(tail) && !GROWTH_TO_RE.test(tail)) return { measure: 'growth', decline: DECLINE_RE.test(tail.slice(-6)), comparison: false };
    if (SHARE_RE.test(tail) || /^[^占]{0,12}占|比重$|占比$/.test(subject)) return { measure: 'share', decline: false, comparison: false };
    return { measure: 'rate', decline: false, comparison: false };
  }
  if (GROWTH_RE.test(tail) && token.unit === '') return { measure: 'growth', decline: DECLINE_RE.test(tail), comparison: false };
  if (/^人均/.test(subject)) return { measure: 'perCapita', decline: false, comparison: false };
  if (COUNTERS.has(token.unit.replace(/^[万亿]/, ''))) return { measure: 'count', decline: false, comparison: false };
  return { measure: 'level', decline: false, comparison: false };
}
