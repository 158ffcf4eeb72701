// Figures as citation enforcement sees them: 7％ = 7%, full-width digits =
// ASCII, spaces inside numbers ignored. A figure is supported by a source when
// the same number stands there as a whole number (7 is not supported by 2017).

export function normaliseForFigures(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/(?<=\d)\s+(?=[\d.%])|(?<=[\d.])\s+(?=\d)/g, '')
    .replace(/(?<=\d),(?=\d{3}(?!\d))/g, ''); // 1,973 → 1973
}

export interface Figure {
  /** The number as written after normalisation, e.g. 7, 26.12 */
  number: string;
  /** Number with its unit as written in the text, e.g. 7%, 26.12亿元 */
  text: string;
  index: number;
}

const FIGURE = /(?<![\d.])(\d+(?:\.\d+)?)(%|个百分点|亿元|万元|元|亿美元|万美元|万人|人次|人|个|家|项|平方米|万平方米|亩|公里|千米|米|户|所|吨|辆|件|套|次)?/g;

/** Figures that need a source: every number except years (2024年) and citation markers ([1]). */
export function figuresIn(text: string): Figure[] {
  const norm = normaliseForFigures(text).replace(/\[\d+\]/g, (m) => ' '.repeat(m.length));
  const out: Figure[] = [];
  for (const m of norm.matchAll(FIGURE)) {
    const after = norm.slice(m.index! + m[0].length, m.index! + m[0].length + 1);
    const isYear = /^(19|20)\d\d$/.test(m[1]) && !m[2] && (after === '年' || after === '' || /[^\d]/.test(after));
    if (isYear) continue;
    out.push({ number: m[1], text: m[0], index: m.index! });
  }
  return out;
}

/** True when `number` stands in `source` as a whole number. */
export function sourceHasNumber(source: string, number: string): boolean {
  const norm = normaliseForFigures(source);
  const re = new RegExp(`(?<![\\d.])${number.replace('.', '\\.')}(?![\\d]|\\.\\d)`);
  return re.test(norm);
}
