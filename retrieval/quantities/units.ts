// The one unit table: every unit a report writes after a number, what it measures and its
// scale. The figure finder reads units with it, the quantity records count and classify with
// it, the tokenizer's number terms and citation checks derive their forms from it.

/** What a unit measures. */
export type UnitMeasure =
  | 'rate' // %, ‰
  | 'points' // 个百分点: a change of a rate
  | 'multiple' // 倍
  | 'money'
  | 'count' // things, people, households, times (个, 人, 户, 次, 人次 …)
  | 'area'
  | 'length'
  | 'mass'
  | 'volume'
  | 'energy'
  | 'power'
  | 'time' // durations: 天, 小时
  | 'age' // 岁, 周年
  | 'calendar' // 年, 月, 日: the parts of a date (年 is a duration too)
  | 'edition' // 届, 期, 轮
  | 'grade' // 级, 星, 分
  | 'kind' // 类, 门, 片
  | 'scale'; // 万, 亿 written alone

export interface Unit {
  /** As written after the number: 亿元, ％, 百分点. */
  written: string;
  /** The form records and answers use: ％ → %, 百分点 → 个百分点. */
  unit: string;
  measure: UnitMeasure;
  /** How many of its base unit one is: 亿元 → 1e8 (元), 万人 → 1e4 (人), 千米 → 1 (its own). */
  scale: number;
  /** The unit without its 万/亿: 亿元 → 元, 万人次 → 人次. */
  base: string;
}

/** Base units, by what they measure. */
const BASE: Readonly<Partial<Record<UnitMeasure, readonly string[]>>> = {
  rate: ['%', '‰'],
  points: ['个百分点'],
  multiple: ['倍'],
  money: ['元', '美元'],
  count: [
    '个', '家', '项', '所', '座', '条', '户', '人', '名', '位', '件', '套', '次', '人次', '台', '辆', '处', '场', '栋', '批',
    '支', '只', '架', '宗', '笔', '间', '张', '床', '株', '棵', '孔', '盏', '起',
    // Containers in twenty-foot equivalents (港口吞吐量120万标箱) and head of livestock (生猪出栏50万头).
    '标箱', '头',
  ],
  area: ['平方米', '㎡', '平米', '平方公里', '公顷', '亩'],
  length: ['公里', '千米', '米'],
  // 斤 and 公斤 are how grain, fruit and meat are counted (粮食总产量3.8亿斤); 微克 is air quality's (PM2.5浓度35微克).
  mass: ['吨', '斤', '公斤', '千克', '微克'],
  volume: ['立方米'],
  energy: ['千瓦时', '吨标准煤'],
  // 蒸吨: the capacity of a boiler, as coal-boiler replacement is counted.
  power: ['千瓦', '兆瓦', '吉瓦', '蒸吨'],
  time: ['天', '小时', '分钟'],
  age: ['岁', '周年'],
  calendar: ['年', '月', '日'],
  edition: ['届', '期', '轮'],
  // 千伏: the voltage class of a line or substation (220千伏变电站), not an amount.
  grade: ['级', '星', '分', '千伏'],
  kind: ['类', '门', '片'],
};
/** Other spellings of a base unit. */
const SPELLINGS: Readonly<Record<string, string>> = { '％': '%', 百分点: '个百分点' };
/** Units written with a scale word of their own: 千元 (thousands of yuan). */
const SCALED: readonly Unit[] = [{ written: '千元', unit: '千元', measure: 'money', scale: 1e3, base: '元' }];
/** 万, 亿 and 万亿 before a unit multiply it (2万人, 56.5万㎡, 3亿吨, 2万亿元); alone they scale the number (3.5万). */
const SCALE_WORDS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8, 万亿: 1e12 };
/** Measures 万/亿 may scale: amounts, not rates, multiples, durations or ranks. */
const SCALABLE = new Set<UnitMeasure>(['money', 'count', 'area', 'length', 'mass', 'volume', 'energy', 'power']);

function buildUnits(): Unit[] {
  const out: Unit[] = [];
  for (const [measure, units] of Object.entries(BASE) as [UnitMeasure, readonly string[]][]) {
    for (const unit of units) {
      out.push({ written: unit, unit, measure, scale: 1, base: unit });
      if (!SCALABLE.has(measure)) continue;
      for (const [word, scale] of Object.entries(SCALE_WORDS)) out.push({ written: `${word}${unit}`, unit: `${word}${unit}`, measure, scale, base: unit });
    }
  }
  for (const [written, unit] of Object.entries(SPELLINGS)) out.push({ ...out.find((u) => u.written === unit)!, written });
  out.push(...SCALED);
  for (const [word, scale] of Object.entries(SCALE_WORDS)) out.push({ written: word, unit: word, measure: 'scale', scale, base: '' });
  return out;
}

/** Every unit as written, longest first so 万平方米 wins over 平方米 and 亿元 over 元. */
export const UNITS: readonly Unit[] = buildUnits().sort((a, b) => b.written.length - a.written.length);
const BY_WRITTEN = new Map(UNITS.map((u) => [u.written, u]));
const BY_UNIT = new Map(UNITS.filter((u) => u.written === u.unit).map((u) => [u.unit, u]));

/** The unit written as `written` (亿元, ％, 百分点), or undefined. */
export function unitWritten(written: string): Unit | undefined {
  return BY_WRITTEN.get(written);
}

/** The unit of a record or figure by its normalised form (亿元, %, 个百分点), or undefined for '' and unknown ones. */
export function unitNamed(unit: string): Unit | undefined {
  return BY_UNIT.get(unit);
}

/** What a unit measures, by its normalised form; '' and unknown units measure nothing known. */
export function measureOf(unit: string): UnitMeasure | undefined {
  return BY_UNIT.get(unit)?.measure;
}

/**
 * Regex source matching any unit as written, the longest where several match (万平方米 before
 * 万). Written as a trie (万(?:人(?:次)?|元|…)|…) so a match tries one branch per character,
 * not every unit: it runs after every number of every paragraph.
 */
export function unitPattern(units: readonly Unit[] = UNITS): string {
  interface Node { end: boolean; next: Map<string, Node> }
  const root: Node = { end: false, next: new Map() };
  for (const { written } of units) {
    let node = root;
    for (const ch of written) {
      if (!node.next.has(ch)) node.next.set(ch, { end: false, next: new Map() });
      node = node.next.get(ch)!;
    }
    node.end = true;
  }
  // % stays bare: under the u flag an escaped % is an error.
  const escape = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const branches = (node: Node): string => [...node.next].map(([ch, child]) => escape(ch) + rest(child)).join('|');
  const rest = (node: Node): string => (node.next.size === 0 ? '' : `(?:${branches(node)})${node.end ? '?' : ''}`);
  return branches(root);
}

/**
 * The unit as people search for it: 亿元 → 亿, 万元 → 万 (a question writes 157.5亿 as often as
 * 157.5亿元); every other unit as it is.
 */
export function searchForm(unit: Unit): string {
  return unit.measure === 'money' && unit.base === '元' && unit.written.length === 2 && unit.written[0] in SCALE_WORDS ? unit.written[0] : unit.unit;
}
