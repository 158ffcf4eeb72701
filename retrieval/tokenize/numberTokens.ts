/**
 * Token scheme for numbers (applied after normalizeText, so digits are ASCII):
 *
 *   text            terms
 *   2024年          "2024"                 years and dates: the number alone (年/月/日 are consumed
 *   1月22日         "1", "22"              silently, so they never glue onto the following Han run)
 *   6.5%  / ６．５％ "6.5%", "6.5"
 *   157.5亿元       "157.5亿", "157.5"     亿元→亿, 万元→万: users write 157.5亿 as often as 157.5亿元
 *   1.7 亿元        "1.7亿", "1.7"         reports sometimes put spaces around numbers
 *   7800万美元      "7800万美元", "7800"
 *   9.3个百分点     "9.3个百分点", "9.3"   kept apart from "9.3%": a point change is not a rate
 *   17              "17"
 *
 * Every number yields its bare form, so a question that omits or varies the unit
 * ("增长7" vs "增长7%") still meets the passage; the number+unit term is the
 * precise match and, being rarer, scores higher under BM25.
 * Chinese numerals (百分之七, 十三五) are left to the Han segmenter. Units, their spellings and
 * the 亿元→亿 search forms come from the one unit table (retrieval/quantities/units.ts).
 */
import { searchForm, unitPattern, unitWritten } from '../quantities/units.js';

/** Units recognised right after a number: the unit table's, longest first so 万平方米 wins over 万. */
const UNIT_ALTERNATION = unitPattern();

/** Source of the number-with-optional-unit pattern, reused by scanText. */
export const NUMBER_PATTERN = `(\\d+(?:\\.\\d+)?)(?:[ \\t]*(${UNIT_ALTERNATION}))?`;

export function numberTerms(num: string, written: string | undefined): string[] {
  // 007 and 7.50 are the same figure as 7 and 7.5.
  const n = canonicalNumber(num);
  const unit = written === undefined ? undefined : unitWritten(written);
  // Date units (年, 月, 日) are consumed with the number but not written into the term.
  if (!unit || unit.measure === 'calendar') return [n];
  return [`${n}${searchForm(unit)}`, n];
}

function canonicalNumber(num: string): string {
  let [int, frac] = num.split('.');
  int = int.replace(/^0+(?=\d)/, '');
  frac = frac?.replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}
