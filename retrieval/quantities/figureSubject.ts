// What a figure is about, as two texts' figures are compared: the indicator or content words
// before it. "GDP目标7.5%" citing a paragraph where 7.5% belongs to 规上工业增加值 has the right
// number and the wrong subject; citation checks compare the two. The words are those a quantity
// record's subject is read from (subjectStart), kept whole but for the genre's generic words: an
// indicator's wording runs into the verb a record's subject stops before (经济增长). The
// indicator vocabulary is the caller's (retrieval/indicators lives above this room).
import { DEFAULTS } from '../defaults.js';
import { placeForms } from '../places/placeForms.js';
import { SELF_REFERENCE } from '../places/selfReferences.js';
import { CONDITION_RE, subjectStart } from './readSubject.js';

export interface Subject {
  /** Canonical indicators named (地区生产总值 for GDP, 经济增长 …). */
  indicators: Set<string>;
  /** Content bigrams left once indicators, places, numbers and genre-wide words are gone. */
  grams: Set<string>;
  /** The words looked at, for messages. */
  text: string;
}

/** An indicator and the ways it is named: the reports' wordings, then what users type. */
export interface NamedIndicator {
  name: string;
  labels: readonly string[];
  aliases: readonly string[];
}

/** Where a figure stands in its text. */
export interface FigureSpan {
  start: number;
  end: number;
}

export interface SubjectReader {
  /** The subject of a piece of text. `places` are stripped: a place's name says which report, not which indicator. */
  subjectOf(text: string, places?: readonly string[]): Subject;
  /**
   * The subject of `figure` in `text`: the subject read between the previous figure of its
   * clause (or the clause start) and the figure; when that names nothing (同比增长7.1%), the
   * whole clause, then the clauses before it, back to `floor`.
   */
  subjectAt(text: string, figure: FigureSpan, figures: readonly FigureSpan[], places: readonly string[], floor?: number): Subject;
}

/** Clause ends inside a sentence or paragraph. 、 is not one: it separates the subjects of one clause. */
const CLAUSE_END = /[，,；;。！？!?：:\n]/;

/**
 * Words every figure of the genre goes with, whatever it measures: they say nothing
 * about which indicator a number belongs to.
 */
const GENERIC = [
  '经济社会发展', '主要预期目标', '预期目标', '主要指标', '比上年', '较上年', '比去年', '同比', '增长', '增速', '增幅',
  '预期', '目标', '预计', '完成', '实现', '达到', '全年', '左右', '以上', '以内', '以下', '力争', '确保', '分别',
  '累计', '年均', '平均', '今年', '去年', '明年', '上年', '指标', '同期', '提高', '下降', '增加', '减少', '总量',
  '规模', '亿元', '万元', '万人', '个百分点', '百分点', '百分之', '其中',
  // Words about the sources rather than a subject (根据资料，相关数字为…).
  '根据资料', '资料显示', '报告显示', '报告提出', '报告指出', '资料', '报告', '相关', '数字', '数据', '情况', '根据', '显示',
  '约', '为', '是', '的', '了', '和', '与', '及', '在', '年', '月', '共', '达', '将', '要', '到', '元', '成', '倍',
].sort((a, b) => b.length - a.length);
// A report's words for its own place (全区, 我县) go too, where they stand as words.
const GENERIC_RE = new RegExp([SELF_REFERENCE, ...GENERIC.map(escape)].join('|'), 'g');
/** Conditions (按可比价计算, 剔除疫情因素) qualify a figure and name no subject, here as in the records. */
const CONDITIONS_RE = new RegExp(CONDITION_RE.source, 'g');
/** Where an aside in brackets opens after a figure: （按可比价计算，下同） says how it was counted, not what. */
const ASIDE_OPEN = /[（(]/;

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isEmpty(s: Subject): boolean {
  return s.indicators.size === 0 && s.grams.size === 0;
}

/** A subject reader that knows `indicators` by name. */
export function subjectReader(indicators: readonly NamedIndicator[]): SubjectReader {
  // Report wordings first (precise), then what users type; longest first within each.
  const byLength = (list: (readonly [string, string])[]) => list.sort((a, b) => b[0].length - a[0].length);
  const labels = byLength(indicators.flatMap((d) => d.labels.map((l) => [l.toLowerCase(), d.name] as const)));
  const aliases = byLength(indicators.flatMap((d) => d.aliases.map((l) => [l.toLowerCase(), d.name] as const)));
  const cache = new Map<string, Subject>();

  function computeSubject(text: string, places: readonly string[]): Subject {
    let rest = text.replace(CONDITIONS_RE, '|').toLowerCase();
    const named = new Set<string>();
    const claim = (list: readonly (readonly [string, string])[]) => {
      for (const [label, name] of list) {
        if (!rest.includes(label)) continue;
        named.add(name);
        rest = rest.split(label).join('|');
      }
    };
    claim(labels);
    if (named.size === 0) claim(aliases);
    for (const p of places.flatMap(placeForms).filter((p) => p.length >= 2)) rest = rest.split(p.toLowerCase()).join('|');
    rest = rest.replace(GENERIC_RE, '|');
    rest = rest.replace(/[\d.%％]+|\[\d+\]/g, '|');
    const grams = new Set<string>();
    for (const run of rest.match(/[\u3400-\u9fff]{2,}|[a-z]{2,}/g) ?? []) {
      if (/^[a-z]/.test(run)) grams.add(run);
      else for (let i = 0; i + 2 <= run.length; i++) grams.add(run.slice(i, i + 2));
    }
    return { indicators: named, grams, text: text.replace(/\[\d+\]/g, '').trim() };
  }

  function subjectOf(text: string, places: readonly string[] = []): Subject {
    const key = `${places.join(',')}\u0000${text}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const subject = computeSubject(text, places);
    if (cache.size >= DEFAULTS.answer.subjectMemo) cache.clear();
    cache.set(key, subject);
    return subject;
  }

  function subjectAt(text: string, figure: FigureSpan, figures: readonly FigureSpan[], places: readonly string[], floor = 0): Subject {
    let start = figure.start;
    while (start > floor && !CLAUSE_END.test(text[start - 1])) start--;
    let end = figure.start;
    while (end < text.length && !CLAUSE_END.test(text[end]) && !(end >= figure.end && ASIDE_OPEN.test(text[end]))) end++;
    const previous = Math.max(start, ...figures.filter((f) => f.start < figure.start && f.start >= start).map((f) => f.end));
    const near = subjectOf(text.slice(subjectStart(text, previous, figure.start), figure.start), places);
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

  return { subjectOf, subjectAt };
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
