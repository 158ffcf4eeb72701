// The answer's language follows the question's: a Chinese question gets a Chinese
// answer, an English one an English answer. Judged by script, so figures, markers and
// Latin abbreviations (GDP) inside Chinese text do not count.

export type Script = 'zh' | 'latin';

/** The dominant script of `text`, or undefined when it has too few letters to tell. */
export function scriptOf(text: string): Script | undefined {
  const bare = text.replace(/\[\d{1,3}\]/g, '');
  const cjk = (bare.match(/[\u3400-\u9fff]/g) ?? []).length;
  // Letters of Latin words; an abbreviation (GDP) inside Chinese text is outweighed by the characters.
  const latin = (bare.match(/[A-Za-z]{3,}/g) ?? []).join('').length;
  if (cjk + latin < 4) return undefined;
  if (cjk >= 2 && cjk * 3 >= latin) return 'zh';
  // An English question naming its places in Chinese (… targets of 红旗区 and 卫东区) is still English.
  if (latin >= 8) return 'latin';
  return undefined;
}

/** A problem for the repair prompt when `answer` is not in the question's language. */
export function languageProblem(question: string, answer: string): string | undefined {
  const want = scriptOf(question);
  const got = scriptOf(answer);
  if (!want || !got || want === got) return undefined;
  const shown = answer.trim().length > 60 ? `${answer.trim().slice(0, 60)}…` : answer.trim();
  return want === 'zh'
    ? `问题是中文，回答却不是中文：请用简体中文回答：“${shown}”`
    : `The question is in English but the answer is not: answer in English: “${shown}”`;
}
