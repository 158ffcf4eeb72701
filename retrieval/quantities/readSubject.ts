// The subject of a figure, read on both sides of the number: the noun phrase before it
// (地区生产总值5901亿元), and for counts the noun after the counter (新增43个起降点,
// 推进199个重点项目建设). Time words, list markers and the verbs that join a subject to
// its figure (实现, 达到, 增长, 为 …) are not part of the subject, nor are a report's words for
// its own place (全区, 我县, 本市 …).
import { SELF_REFERENCE } from '../places/selfReferences.js';

/** Openings that say when, where or in which list position, not what: 全年, 2023年, 全县, 一是, （二）, 其中. */
const LEAD_RE = new RegExp(
  `^(?:[，,、；;：:\\s]|（[一二三四五六七八九十\\d]+）|\\([一二三四五六七八九十\\d]+\\)|[一二三四五六七八九十]+是|[①-⑳]|其中|同时|此外|另外|全年|今年|去年|年内|当年|本年|一年来|五年来|过去五年|过去一年|(?:到|至)?\\d{4}年(?:底|末)?|[一二三四五六七八九十]+年来|${SELF_REFERENCE}|力争|确保|预计|累计|共计|总计|合计|共|全面|进一步|以上|其他|另|实现|完成|达到|达成|取得)+`,
);
/** Words between subject and number: verbs, comparison cues, qualifiers. Stripped from the end. */
const JOIN_RE = /(?:预计|同比|同口径|可比价|比上年|较上年|比去年|较去年|年均|平均|累计|分别|均|实现|完成|达到|达|突破|超过|超|增至|提高到|提升到|降至|控制在|保持在|稳定在|稳在|维持在|保持|不低于|不少于|不超过|约|近|为|是|至|到|了|的|增长|增速|增幅|涨幅|下降|降低|回落|提高|提升|减少|增加|总量|规模|居|位列|位居|排名|名列|排|第|高于|低于|高出|超出|快于|慢于|多于|少于|\s)+$/;
/** 由“十二五”末的 / 从2021年的 / 由: where a change starts from, not what changes (地区生产总值由29.1亿元增长到…). */
const FROM_RE = /(?<![自理缘])[从由](?:[^，,；;。从由]{0,12}?(?:年|末|底|初|时期|期间))?的?$/;
/** Right-hand text that ends the noun after a counter. */
const RIGHT_STOP_RE = /全部|均|已|相继|顺利|正式|基本|成功|分别|共|累计|达到|完成|实现|建成|投入使用|落地|，|、|；|。|：|\d/;

/**
 * Where the words a figure's subject is read from begin: after the previous figure of its
 * clause (or the clause start, `from`), past the 、，和及与 joining the two. Records read the
 * noun phrase from there (readLeftSubject), citation checks the indicator and content words.
 */
export function subjectStart(text: string, from: number, figureStart: number): number {
  let start = from;
  while (start < figureStart && /[、，,\s和及与]/.test(text[start])) start++;
  return start;
}

/** Conditions written between subject and figure: 剔除疫情因素, 按可比价计算. They qualify the figure. */
export const CONDITION_RE = /(?:剔除|扣除|不含)[^，,；;。]{1,12}?(?:因素|影响)(?:后)?|按可比价(?:格)?(?:计算)?|按同口径(?:计算)?/;

/** Left-hand subject: the noun phrase before the number, without openings and joining verbs. */
export function readLeftSubject(left: string): string {
  let s = left.replace(new RegExp(CONDITION_RE.source, 'g'), '');
  // 忆通壹世界、诚城常青藤等重点项目526项: the items before 等 are examples, the subject follows.
  const deng = s.lastIndexOf('等');
  if (deng >= 0 && deng < s.length - 1) s = s.slice(deng + 1);
  // 总量居全市第4位 / 增速高于全市平均水平2.4个百分点: what follows the cue is the yardstick, not the subject.
  const cue = /位居|位列|名列|排名|居(?=[全省市区县国第前首])|高于|低于|高出|超出|快于|慢于/.exec(s);
  if (cue) s = s.slice(0, cue.index);
  for (let i = 0; i < 3; i++) {
    const t = s.replace(LEAD_RE, '').replace(JOIN_RE, '').replace(FROM_RE, '');
    if (t === s) break;
    s = t;
  }
  return s.replace(/^[的和及与、]+/, '').trim();
}

/** Right-hand noun after a counter (43个起降点 → 起降点), at most a short phrase. */
export function readRightSubject(right: string): string {
  let s = right.replace(/^[的]/, '');
  const stop = RIGHT_STOP_RE.exec(s);
  if (stop) s = s.slice(0, stop.index);
  return s.slice(0, 14).replace(/[和及与]$/, '').trim();
}

/** Subjects that only say which aspect (总量居全市第4位, 增速…): they belong to the previous figure's subject. */
export function isGenericSubject(subject: string): boolean {
  return (
    subject.length === 0 ||
    /^(?:总量|总额|规模|增速|增幅|增长|涨幅|其|其中|比重|占比|数量|总数|分别|均|同比|对比|较|比)$/.test(subject) ||
    // 是2011年的1.8倍 / 为上年的2倍: the year compared with, not what is compared.
    /^(?:是|为|相当于|达)?(?:\d{4}年(?:末|底)?|上年|去年|前年|同期|上年同期)$/.test(subject)
  );
}
