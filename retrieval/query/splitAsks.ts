// A figure question may ask for several figures: "要推进多少个重点项目，年度投资目标是多少",
// "GDP是多少，增长多少", "民生支出多少，占比多少". Each ask is the part of the question up to
// its own question word, with the measure it wants.
import type { QuantityMeasure } from '../types.js';
import { ASKS_FIGURE, COUNT_WORDS, GROWTH_WORDS, LEVEL_WORDS, RANK_WORDS, SHARE_WORDS } from './measureWords.js';

export interface Ask {
  /** The part of the question this ask covers. */
  text: string;
  /** Measures that answer it, best first; undefined when any figure does. */
  measures?: QuantityMeasure[];
}


export function measuresOf(text: string): QuantityMeasure[] | undefined {
  if (RANK_WORDS.test(text)) return ['rank'];
  if (SHARE_WORDS.test(text)) return ['share', 'rate'];
  if (GROWTH_WORDS.test(text)) return ['growth'];
  if (COUNT_WORDS.test(text)) return ['count'];
  if (LEVEL_WORDS.test(text)) return ['level', 'perCapita'];
  return undefined;
}

/** 各/分别/都 before the question word: the figure is asked of each subject named before it. */
const DISTRIBUTIVE = /(?:各|分别|都)[^，,。？?]{0,6}(?:多少|几)/u;

/** A question asks a handful of figures at most; a pasted text with dozens of 多少 is not one. */
const MAX_ASKS = 4;

/** The asks of a question, in order (at most MAX_ASKS); one ask when it asks one thing (or nothing explicitly). */
export function splitAsks(question: string): Ask[] {
  const parts = question.split(/[，,；;、？?！!]|(?:以及|还有|和|并且|同时)(?=[^，,]{0,12}(?:多少|几))/u).map((p) => p.trim()).filter(Boolean);
  const asks: Ask[] = [];
  let carry = '';
  for (const p of parts) {
    const text = carry + p;
    if (ASKS_FIGURE.test(p)) {
      // "全口径财政收入和地方级财政收入各多少": each subject named before 各/分别 is an ask of its own.
      if (carry && DISTRIBUTIVE.test(p)) {
        const measures = measuresOf(p);
        asks.push({ text: carry.replace(/，$/u, ''), measures }, { text: p, measures });
      } else asks.push({ text, measures: measuresOf(p) });
      carry = '';
    } else carry = `${text}，`;
  }
  if (asks.length === 0) return [{ text: question, measures: measuresOf(question) }];
  if (carry && asks.length) asks[asks.length - 1].text += carry;
  return asks.slice(0, MAX_ASKS);
}
