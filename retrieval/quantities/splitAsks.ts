// A figure question may ask for several figures: "要推进多少个重点项目，年度投资目标是多少",
// "GDP是多少，增长多少", "民生支出多少，占比多少". Each ask is the part of the question up to
// its own question word, with the measure it wants.
import type { QuantityMeasure } from '../types.js';

export interface Ask {
  /** The part of the question this ask covers. */
  text: string;
  /** Measures that answer it, best first; undefined when any figure does. */
  measures?: QuantityMeasure[];
}

const ASK_RE = /多少|几[个项家户所条座人次倍成位名]?|百分之几|是否|目标[是为]?$|排名|第几/u;
const GROWTH_RE = /增长|增速|增幅|涨幅|提高|下降|降低|回落|百分之几/u;
const SHARE_RE = /占比|比重|占多少|占.{0,8}(?:百分之几|多少)/u;
const RANK_RE = /排名|第几|排第|位次|名次/u;
const COUNT_RE = /几[个项家户所条座人次名]|多少[个项家户所条座名]|多少人|多少次/u;
const LEVEL_RE = /多少亿|多少万|多少元|多少钱|总量|规模|总额|金额/u;

export function measuresOf(text: string): QuantityMeasure[] | undefined {
  if (RANK_RE.test(text)) return ['rank'];
  if (SHARE_RE.test(text)) return ['share', 'rate'];
  if (GROWTH_RE.test(text)) return ['growth'];
  if (COUNT_RE.test(text)) return ['count'];
  if (LEVEL_RE.test(text)) return ['level', 'perCapita'];
  return undefined;
}

/** A question asks a handful of figures at most; a pasted text with dozens of 多少 is not one. */
const MAX_ASKS = 4;

/** The asks of a question, in order (at most MAX_ASKS); one ask when it asks one thing (or nothing explicitly). */
export function splitAsks(question: string): Ask[] {
  const parts = question.split(/[，,；;、？?！!]|(?:以及|还有|和|并且|同时)(?=[^，,]{0,12}(?:多少|几))/u).map((p) => p.trim()).filter(Boolean);
  const asks: Ask[] = [];
  let carry = '';
  for (const p of parts) {
    const text = carry + p;
    if (ASK_RE.test(p)) {
      asks.push({ text, measures: measuresOf(p) });
      carry = '';
    } else carry = `${text}，`;
  }
  if (asks.length === 0) return [{ text: question, measures: measuresOf(question) }];
  if (carry && asks.length) asks[asks.length - 1].text += carry;
  return asks.slice(0, MAX_ASKS);
}
