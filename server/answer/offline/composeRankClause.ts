// A question that asks where a figure ranks (增速在全省排第几) is answered with the rank the
// report states right after the figure, in its own words: 增速排名全省末位, 居全市第3位. A
// rank in words (首位, 末位, 前列) is no number to record, so it is quoted, not composed.
import type { Evidence, IndicatorRow } from '../../../retrieval/public.js';
import type { AnswerLanguage } from './english.js';

/** The question asks for a rank or position. */
export const ASKS_RANK = /排第几|排名|第几位|第几名|位次|排在|排位|排多少|\brank(?:ed|ing|s)?\b/iu;

/** A rank phrase within one clause: 增速排名全省末位, 居全省第6位, 位列全市前列, 居全省前三位. */
const RANK_PHRASE = /[^，,；;。：:]{0,10}(?:排名|排位|位次|位居|位列|名列|居于|居|排在|排)[^，,；;。：:]{0,10}?(?:第[一二三四五六七八九十\d]+(?:位|名)?|[前后][一二三四五六七八九十\d]+(?:位|名)|首位|末位|前列|前茅|后列|倒数第[一二三四五六七八九十\d]+(?:位|名)?)/u;

/** A clause that goes on about the same subject (增长6.8%, 分别比2004年增长1.2倍和1.4倍, 同比…). */
const SAME_SUBJECT = /^\s*(?:增长|增速|增幅|下降|降低|提高|减少|上升|比|较|同比|分别|年均|预计)/u;

/**
 * The rank stated for the statement `rest` follows: in its clauses up to the next ；/。, before a
 * clause that brings another figure (规模以上工业增加值增长8%，居第1位 is the next figure's rank).
 */
function rankAfter(rest: string): string | undefined {
  const sentence = rest.slice(0, rest.search(/[；;。]|$/u));
  for (const clause of sentence.split(/[，,]/u)) {
    const rank = RANK_PHRASE.exec(clause)?.[0].trim();
    if (rank) return rank;
    if (/\d/u.test(clause) && !SAME_SUBJECT.test(clause)) return undefined;
  }
  return undefined;
}

/**
 * "其中，增速排名全省末位[1]。": the rank each answered row's statement is followed by in its
 * paragraph (up to the end of that statement's sentence part), once per phrase.
 */
export function composeRankClause(rows: readonly IndicatorRow[], evidence: readonly Evidence[], lang: AnswerLanguage): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const row of rows) {
    const e = evidence.find((x) => x.paragraphId === row.paragraphId);
    if (!e) continue;
    const at = e.text.indexOf(row.quote);
    if (at < 0) continue;
    const rest = e.text.slice(at + row.quote.length);
    const phrase = rankAfter(rest);
    if (!phrase || seen.has(phrase)) continue;
    seen.add(phrase);
    parts.push(lang === 'en' ? `“${phrase}”[${e.marker}]` : `${phrase}[${e.marker}]`);
  }
  if (!parts.length) return '';
  return lang === 'en' ? ` The report states its rank: ${parts.join('; ')}.` : `其中，${parts.join('；')}。`;
}
