// A five-year plan named in a text (十三五, “十四五”时期) and the years it covers: the 11th
// plan covered 2006–2010, and each plan is five years.
import { parseNumeral } from './parseNumeral.js';

export interface PlanPeriod {
  /** As written: 十三五. */
  name: string;
  from: number;
  to: number;
}

const PLAN = /十[一二三四五六]五/u;

/** The first five-year plan `text` names: 十三五 → 2016–2020. */
export function planPeriod(text: string): PlanPeriod | undefined {
  const m = PLAN.exec(text);
  if (!m) return undefined;
  // 十三五: the 十三th plan's 五 years.
  const from = 2006 + 5 * (parseNumeral(m[0].slice(0, 2))! - 11);
  return { name: m[0], from, to: from + 4 };
}

const ORDINALS = ['十一', '十二', '十三', '十四', '十五', '十六'];

/** The five-year plan whose years are exactly `from`–`to` (2016–2020 → 十三五), if any. */
export function planPeriodOf(from: number, to: number): PlanPeriod | undefined {
  const k = (from - 2006) / 5;
  if (to - from !== 4 || !Number.isInteger(k) || !ORDINALS[k]) return undefined;
  return { name: `${ORDINALS[k]}五`, from, to };
}
