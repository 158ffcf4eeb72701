// What a figure is about: the indicator or subject words of the clause that holds it.
// "GDP目标7.5%" citing a paragraph where 7.5% belongs to 规上工业增加值 has the right
// number and the wrong subject; citation enforcement compares the two subjects.
// Until the quantity records of the ingest side exist, the clause around the figure stands in.
import { DEFAULTS, INDICATORS, placeForms } from '../../../retrieval/public.js';

export interface Subject {
  /** Canonical indicators named (地区生产总值 for GDP, 经济增长 …). */
  indicators: Set<string>;
  /** Content bigrams left once indicators, places, numbers and genre-wide words are gone. */
  grams: Set<string>;
  /** The words looked at, for messages. */
  text: string;
}

/** Clause ends inside a sentence or paragraph. 、 is not one: it separates the subjects of one clause. */
const CLAUSE_END = /[，,；;。！？!?：:\n]/;

/**
 * Words every figure of the genre goes with, whatever it measures: they say nothing
 * about which indicator a number belongs to. Longest first.
 */
const GENERIC = [
  '经济社会发展', '主要预期目标', '预期目标', '主要指标', '比上年', '较上年', '比去年', '同比', '增长', '增速', '增幅',
  '预期', '目标', '预计', '完成', '实现', '达到', '全年', '左右', '以上', '以内', '以下', '力争', '确保', '分别',
  '累计', '年均', '平均', '今年', '去年', '明年', '上年', '指标', '同期', '提高', '下降', '增加', '减少', '总量',
  '规模', '亿元', '万元', '万人', '个百分点', '百分点', '百分之', '其中', '全区', '我区', '全市', '全县', '本区',
  // Words about the sources rather than a subject (根据资料，相关数字为…).
  '根据资料', '资料显示', '报告显示', '报告提出', '报告指出', '资料', '报告', '相关', '数字', '数据', '情况', '根据', '显示',
  '约', '为', '是', '的', '了', '和', '与', '及', '在', '年', '月', '共', '达', '将', '要', '到', '元', '成', '倍',
];

/** Report wordings first (precise), then what users type; longest first within each. */
const LABELS = INDICATORS.flatMap((d) => d.labels.map((l) => [l.toLowerCase(), d.name] as const)).sort((a, b) => b[0].length - a[0].length);
const ALIASES = INDICATORS.flatMap((d) => d.aliases.map((l) => [l.toLowerCase(), d.name] as const)).sort((a, b) => b[0].length - a[0].length);

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const cache = new Map<string, Subject>();

/** The subject of a piece of text. `places` are stripped: a place's name says which report, not which indicator. */
export function subjectOf(text: string, places: string[] = []): Subject {
  const key = `${places.join(',')}\u0000${text}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const subject = computeSubject(text, places);
  if (cache.size >= DEFAULTS.answer.subjectMemo) cache.clear();
  cache.set(key, subject);
  return subject;
}

function computeSubject(text: string, places: string[]): Subject {
  let rest = text.toLowerCase();
  const indicators = new Set<string>();
  const claim = (list: readonly (readonly [string, string])[]) => {
    for (const [label, name] of list) {
      if (!rest.includes(label)) continue;
      indicators.add(name);
      rest = rest.split(label).join('|');
    }
  };
  claim(LABELS);
  if (indicators.size === 0) claim(ALIASES);
  for (const p of places.flatMap(placeForms).filter((p) => p.length >= 2)) rest = rest.split(p.toLowerCase()).join('|');
  rest = rest.replace(new RegExp(GENERIC.map(escape).join('|'), 'g'), '|');
  rest = rest.replace(/[\d.%％]+|\[\d+\]/g, '|');
  const grams = new Set<string>();
  for (const run of rest.match(/[\u3400-\u9fff]{2,}|[a-z]{2,}/g) ?? []) {
    if (/^[a-z]/.test(run)) grams.add(run);
    else for (let i = 0; i + 2 <= run.length; i++) grams.add(run.slice(i, i + 2));
  }
  return { indicators, grams, text: text.replace(/\[\d+\]/g, '').trim() };
}

function isEmpty(s: Subject): boolean {
  return s.indicators.size === 0 && s.grams.size === 0;
}

/**
 * The subject of the figure at `index` in `text`: the words between the previous figure of
 * its clause (or the clause start) and the figure; when those name nothing (同比增长7.1%),
 * the whole clause, then the clauses before it, back to `floor`.
 */
export function subjectAt(text: string, index: number, figureIndexes: number[], places: string[], floor = 0): Subject {
  let start = index;
  while (start > floor && !CLAUSE_END.test(text[start - 1])) start--;
  let end = index;
  while (end < text.length && !CLAUSE_END.test(text[end])) end++;
  const previous = Math.max(start, ...figureIndexes.filter((i) => i < index && i >= start).map((i) => nextBoundary(text, i)));
  const near = subjectOf(text.slice(previous, index), places);
  if (!isEmpty(near)) return near;
  const clause = subjectOf(text.slice(start, end), places);
  if (!isEmpty(clause)) return clause;
  let s = start;
  for (let back = 0; back < 2 && s > floor; back++) {
    let p = s - 1;
    while (p > floor && !CLAUSE_END.test(text[p - 1])) p--;
    const earlier = subjectOf(text.slice(p, s - 1), places);
    if (!isEmpty(earlier)) return earlier;
    s = p;
  }
  return clause;
}

/** End of the figure written at `i` (digits, decimals, unit characters). */
function nextBoundary(text: string, i: number): number {
  let j = i;
  while (j < text.length && /[\d.%零〇一二两三四五六七八九十百千万亿点个百分成倍元人]/.test(text[j])) j++;
  return j;
}

/**
 * Same subject: when both name indicators, a shared indicator; otherwise a shared content
 * bigram. A side that names nothing cannot contradict the other.
 */
export function sameSubject(a: Subject, b: Subject): boolean {
  if (isEmpty(a) || isEmpty(b)) return true;
  if (a.indicators.size && b.indicators.size) return [...a.indicators].some((i) => b.indicators.has(i));
  const withNames = (s: Subject) => {
    const g = new Set(s.grams);
    for (const name of s.indicators) for (let i = 0; i + 2 <= name.length; i++) g.add(name.slice(i, i + 2));
    return g;
  };
  // Words are compared within a script: an English sentence about a Chinese paragraph shares no
  // words with it by construction, so only its Chinese words (a quoted name) can tell them apart.
  const latin = (x: string) => /^[a-z]/.test(x);
  const ga = withNames(a);
  const gb = withNames(b);
  for (const inScript of [(x: string) => !latin(x), latin]) {
    const sa = [...ga].filter(inScript);
    const sb = new Set([...gb].filter(inScript));
    if (sa.length && sb.size) return sa.some((g) => sb.has(g));
  }
  return true;
}

/** A short label for messages: the indicators, else the words. */
export function describeSubject(s: Subject): string {
  if (s.indicators.size) return [...s.indicators].join('、');
  return s.text.length > 30 ? `${s.text.slice(0, 30)}…` : s.text;
}
