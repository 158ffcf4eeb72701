import { parseNumeral } from '../quantities/parseNumeral.js';
import { planPeriod } from '../quantities/planPeriod.js';

export type RelativeYear = '今年' | '去年' | '前年' | '明年';

export interface YearMention {
  /** Years written out (2024年, 2024, 24年, 二〇二四年), in order, without repeats. */
  years: number[];
  /** A year named relative to now; resolved against the reports by resolveYears. */
  relative?: RelativeYear;
  /** A five-year plan period: 十三五 → 2016–2020. */
  period?: { name: string; from: number; to: number };
  /** 过去五年 / 五年来: the term review of a first-session report. */
  pastFiveYears: boolean;
  /** "2025年的政府工作报告里…", "2025年报告": the year names the report, not what is asked about. */
  reportYear?: number;
}

// Four digits not followed by something that makes them an amount (2000亿, 2024.5, 2024个).
const FULL_YEAR = /(?<![\d.])((?:19|20)\d{2})(?![\d.%亿万元个人项家户])/gu;
// 24年, but not 10年来 / 近10年 / 第5年 (durations and ordinals).
const SHORT_YEAR = /(?<![\d.近过去这连续第])(\d{2})年(?![来间内以度前后])/gu;
const HAN_YEAR = /([〇零一二三四五六七八九]{4})年/gu;
const RELATIVE = /今年|本年度?|去年|上一?年(?![度初底末])|前年|明年|下一?年(?![度初底末])/u;
/** The same in English questions (folded to lower case): last year, this year, next year, the year before last. */
const RELATIVE_EN = /\b(?:the year before last|last year|previous year|this year|current year|next year|coming year)\b/u;
const RELATIVE_EN_MEANS: Record<string, RelativeYear> = {
  'the year before last': '前年',
  'last year': '去年',
  'previous year': '去年',
  'this year': '今年',
  'current year': '今年',
  'next year': '明年',
  'coming year': '明年',
};
const REPORT_YEAR = /((?:19|20)\d{2})\s*年?(?:的|度)?(?:《)?(?:[\p{Script=Han}]{0,12}?(?:人民)?政府)?(?:工作)?报告/u;
const PAST_FIVE = /过去(?:的)?(?:五|5)年|(?:五|5)年来|近(?:五|5)年|上一?届政府|本届政府/u;

/** Finds the years a question names, literally or relatively. Resolution against reports is separate. */
export function detectYear(folded: string): YearMention {
  const years: number[] = [];
  const push = (y: number) => {
    if (!years.includes(y)) years.push(y);
  };
  const found: { at: number; year: number }[] = [];
  for (const m of folded.matchAll(FULL_YEAR)) found.push({ at: m.index!, year: Number(m[1]) });
  for (const m of folded.matchAll(SHORT_YEAR)) {
    const n = Number(m[1]);
    found.push({ at: m.index!, year: n <= 69 ? 2000 + n : 1900 + n });
  }
  for (const m of folded.matchAll(HAN_YEAR)) {
    found.push({ at: m.index!, year: parseNumeral(m[1], { digitString: true })! });
  }
  // One year naming one report; "2017、2020、2024年的报告" asks about several, each by its year.
  const found1 = REPORT_YEAR.exec(folded);
  const report = found1 && !/\d\s*年?\s*[、,，和与及至到-]\s*$/u.test(folded.slice(0, found1.index)) ? found1 : null;
  const reportAt = report ? report.index + report[0].indexOf(report[1]) : -1;
  for (const f of found.sort((a, b) => a.at - b.at)) if (f.at !== reportAt) push(f.year);

  const mention: YearMention = { years, pastFiveYears: PAST_FIVE.test(folded) };
  if (report) mention.reportYear = Number(report[1]);
  const rel = RELATIVE.exec(folded)?.[0];
  if (rel) mention.relative = rel.startsWith('今') || rel.startsWith('本') ? '今年' : rel === '前年' ? '前年' : rel.startsWith('明') || rel.startsWith('下') ? '明年' : '去年';
  else {
    const en = RELATIVE_EN.exec(folded)?.[0];
    if (en) mention.relative = RELATIVE_EN_MEANS[en];
  }
  const plan = planPeriod(folded);
  if (plan) {
    // 十四五末 / 十四五期末 / 十四五收官: the period's last year, as a year of its own.
    if (new RegExp(`${plan.name}[”"]?(?:时期|期间)?期?(?:末|收官)`, 'u').test(folded)) push(plan.to);
    else mention.period = plan;
  }
  return mention;
}
