// A paragraph's sentences (。；！？) and clauses (，：), with offsets. Clauses are the unit a
// figure is read in; sentences bound how far a subject carries (…157.5亿元，同比增长7.1%).

export interface Clause {
  start: number;
  end: number;
  /** Index of the sentence the clause belongs to. */
  sentence: number;
}

export function splitClauses(text: string): Clause[] {
  const clauses: Clause[] = [];
  let sentence = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    const endSentence = i === text.length || /[。；;！!？?\n]/.test(ch);
    // 1:22:77 and 1,234 are numbers, not clause breaks.
    const inNumber = /[:：,]/.test(ch ?? '') && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '');
    const endClause = endSentence || (/[，,：:]/.test(ch) && !inNumber);
    if (!endClause) continue;
    let s = start;
    let e = i;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) clauses.push({ start: s, end: e, sentence });
    start = i + 1;
    if (endSentence) sentence++;
  }
  return clauses;
}
