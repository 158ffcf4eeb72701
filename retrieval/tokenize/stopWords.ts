/**
 * Deliberately small. Only words that carry no content in either a question or a
 * report sentence: structural particles, the copula, common prepositions and
 * conjunctions, and question words. 年/月/日 are here because dates are indexed
 * through their numbers ("2024年" → "2024", see numberTokens.ts); a bare 年 left
 * over from the Han run would otherwise match nearly every passage.
 * Content-bearing frequent words (增长, 完成, 目标 …) are NOT stop words: they
 * decide between target and actual passages, and BM25's IDF already damps them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  '的', '地', '得', '了', '着', '过',
  '和', '与', '及', '或', '是', '在', '对', '把', '被', '为', '将', '从', '给', '向',
  '吗', '呢', '吧', '啊', '呀',
  '多少', '什么', '哪些', '哪个', '怎么', '怎样', '如何', '请问', '一下',
  '年', '月', '日',
]);

export function isStopWord(term: string): boolean {
  return STOP_WORDS.has(term);
}
