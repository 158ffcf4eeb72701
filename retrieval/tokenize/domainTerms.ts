import { indicatorTerms } from '../indicators/vocabulary.js';
import { gazetteer } from '../places/gazetteer.js';

/**
 * Report phrases that jieba's base dictionary breaks apart but that users and
 * section headings use as one unit (plan names, campaign slogans, section titles).
 */
const REPORT_PHRASES = [
  '政府工作报告', '工作回顾', '工作重点', '重点工作', '主要任务', '主要预期目标', '预期目标', '预期指标',
  '十三五', '十四五', '十五五', '过去五年',
  '人民代表大会', '人民政府', '政协委员',
  '同比增长', '个百分点', '总量', '增速', '增幅',
  '高质量发展', '营商环境', '招商引资', '乡村振兴', '城市更新', '城中村改造',
  '棚户区改造', '老旧小区改造', '新质生产力', '数字经济', '民生实事', '专项债券', '一般公共预算',
  '规上企业', '高新技术企业', '科技型中小企业',
];


const HAN_ONLY = /^\p{Script=Han}+$/u;

/**
 * Every Han-only multi-character term the jieba user dictionary should hold:
 * indicator labels and aliases (vocabulary.ts), the gazetteer's places in every form,
 * and report phrases. Computed from vocabulary.ts on every load so the dictionary
 * cannot drift from the indicator list. Terms with Latin letters (GDP增速, R&D…)
 * are left out: scanText cuts Latin off before jieba sees the text.
 */
export function domainTerms(): string[] {
  const out = new Set<string>();
  const add = (t: string | undefined) => {
    if (t && t.length >= 2 && HAN_ONLY.test(t)) out.add(t);
  };
  for (const t of indicatorTerms()) add(t);
  // Every division's name in each form users write (马边彝族自治县, 马边县, 马边): jieba's
  // base dictionary splits many of them (惠济区 → 惠济|区), and a split name matches nothing.
  for (const form of gazetteer().byForm.keys()) add(form);
  for (const t of REPORT_PHRASES) add(t);
  return [...out].sort();
}
