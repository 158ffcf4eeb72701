// Question words → the quantity records whose subject states them. A record scores by the
// share of the question's content weight its subject covers (full credit), or only the
// sentence around it (partial credit); a word naming a canonical indicator (GDP, 财政收入)
// is covered by any of that indicator's labels.
import type { QuantityMeasure, QuantityRecord } from '../types.js';

export interface MatchTerm {
  /** The word as the question has it (lower case). */
  term: string;
  /** Other spellings that cover it: an indicator's labels for its alias. */
  synonyms?: string[];
  /** Shorter words inside it (规上工业 → 规上, 工业): half credit when only a part is found. */
  parts?: string[];
  /** The word the question asks the figure of (next to 多少/几): it counts double. */
  head?: boolean;
  /**
   * A word of the phrase the figure is asked of (出生人口, 森林覆盖率, 技术合同交易额): a record
   * must state more than half of that phrase's words, whole, in all their parts or abbreviated,
   * however much else it shares (每千人口拥有托位数 is not 出生人口; 技术交易额 is 技术合同交易额).
   */
  phrase?: boolean;
  /**
   * The indicator the question names (一般公共预算收入): only a record whose own subject states it
   * answers; the GDP growth of a sentence that also mentions the revenue is not the revenue's growth.
   */
  inSubject?: boolean;
}

export interface QuantityMatch {
  record: QuantityRecord;
  /** Share of the question's content weight covered, 0–1. */
  coverage: number;
  /** Share of the subject's characters the question's words account for: 签约额 is closer to 签约 than 项目签约率. */
  precision: number;
}

/** Credit for a word found in the figure's sentence but not in its subject. */
const SENTENCE_CREDIT = 0.5;
/** Longer words are more specific: 规上工业 says more than 新增. */
const weight = (t: string) => Math.min(t.length, 4);

export interface MatchOptions {
  /** Measures wanted, if the question says (增长多少 → growth). */
  measures?: QuantityMeasure[];
  /** Whether ranks and comparisons may answer (the question asks 排名/第几). */
  comparisons?: boolean;
}

export function matchQuantities(
  records: QuantityRecord[],
  terms: MatchTerm[],
  sentenceOf: (r: QuantityRecord) => string,
  options: MatchOptions = {},
): QuantityMatch[] {
  const w = (t: MatchTerm) => weight(t.term) * (t.head ? 2 : 1);
  const total = terms.reduce((s, t) => s + w(t), 0);
  if (total === 0) return [];
  const covers = (text: string, t: MatchTerm) => text.includes(t.term) || (t.synonyms ?? []).some((s) => text.includes(s.toLowerCase()));
  const out: QuantityMatch[] = [];
  for (const record of records) {
    if (record.value === null && record.measure !== 'growth' && record.measure !== 'ratio') continue;
    if (record.comparison && !options.comparisons && !options.measures?.includes(record.measure)) continue;
    if (options.measures && !options.measures.includes(record.measure)) continue;
    // The subject with the words joining it to the number: 经济 + 增长 is 经济增长.
    const subject = (record.subject + record.link).toLowerCase();
    const sentence = sentenceOf(record).toLowerCase();
    const stated = (text: string, t: MatchTerm) => covers(text, t) || (!!t.parts?.length && t.parts.every((p) => text.includes(p)));
    const phrase = terms.filter((t) => t.phrase);
    const statedWords = phrase.filter((t) => stated(subject, t) || abbreviates(t.term, subject) || stated(sentence, t)).length;
    if (phrase.length && statedWords * 2 <= phrase.length) continue;
    if (terms.some((t) => t.inSubject && !covers(subject, t))) continue;
    let got = 0;
    for (const t of terms) {
      const partly = (text: string) => (t.parts ?? []).some((p) => text.includes(p));
      if (covers(subject, t)) got += w(t);
      else if (covers(sentence, t)) got += w(t) * SENTENCE_CREDIT;
      else if (partly(subject)) got += w(t) / 2;
      else if (partly(sentence)) got += (w(t) / 2) * SENTENCE_CREDIT;
    }
    if (got === 0) continue;
    const inSubject = terms.flatMap((t) => [t.term, ...(t.synonyms ?? []), ...(t.parts ?? [])]).filter((x) => subject.includes(x.toLowerCase()));
    const covered = new Set<number>();
    for (const x of inSubject) for (let at = subject.indexOf(x.toLowerCase()); at >= 0; at = subject.indexOf(x.toLowerCase(), at + 1)) for (let i = at; i < at + x.length; i++) covered.add(i);
    out.push({ record, coverage: got / total, precision: subject.length ? covered.size / subject.length : 0 });
  }
  return out.sort((a, b) => b.coverage - a.coverage || b.precision - a.precision || a.record.span.start - b.record.span.start);
}

/**
 * Whether `short` is written in `text` in full form: its characters in order within a short stretch,
 * as Chinese abbreviations keep them (科技 of 科学技术, 规上 of 规模以上, 固投 of 固定资产投资).
 */
function abbreviates(short: string, text: string): boolean {
  const chars = [...short];
  for (let from = text.indexOf(chars[0]); from >= 0; from = text.indexOf(chars[0], from + 1)) {
    let at = from;
    let ok = true;
    for (const ch of chars.slice(1)) {
      at = text.indexOf(ch, at + 1);
      if (at < 0 || at - from >= short.length * 3) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}
