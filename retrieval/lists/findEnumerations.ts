// Enumerations written inside running text, which the section tree does not show:
//  - ordinal markers: 一是…二是…三是…, ①②③, inline （一）…（二）…, 1.…2.…;
//  - parallel short sentences opening alike: 必须坚持创新提质。…必须坚持项目提速。… (bold leads
//    in the source, whose bold is gone after ingestion);
//  - 分号 lists after a colon: 工作中还存在问题和不足：A；B；C。
// Each item keeps its exact span in the paragraph, so an answer can cite and highlight it.
import type { Paragraph, Span } from '../types.js';

export interface Enumeration {
  paragraphId: string;
  /** What the list is of, as written before it: 工作中还存在问题和不足 / 实现上述目标 / the lead sentence. */
  intro: string;
  /** Each item's headline (its first clause or sentence). */
  items: (Span & { text: string })[];
  kind: 'ordinal' | 'parallel' | 'semicolon';
}

const ORDINAL_SETS: RegExp[] = [
  /(?<=^|[。；;！？:：，,])\s*([一二三四五六七八九十]+)是/g,
  /([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮])/g,
  /(?<=[。；;：:])\s*[（(]([一二三四五六七八九十]+)[）)]/g,
];
/** A parallel lead is a short sentence: a headline, not a statement. */
const PARALLEL_MAX = 16;
const MIN_ITEMS = 2;

export function findEnumerations(paragraph: Pick<Paragraph, 'id' | 'text'>): Enumeration[] {
  const text = paragraph.text;
  const out: Enumeration[] = [];
  for (const re of ORDINAL_SETS) {
    const marks = [...text.matchAll(re)].map((m) => ({ at: m.index! + (m[0].length - m[0].trimStart().length), end: m.index! + m[0].length }));
    if (marks.length < MIN_ITEMS) continue;
    const items = marks.map((m, i) => {
      const limit = i + 1 < marks.length ? marks[i + 1].at : text.length;
      const body = text.slice(m.end, limit);
      const stop = /[。；;！？]/.exec(body);
      const end = m.end + (stop ? stop.index : body.length);
      return { start: m.at, end, text: text.slice(m.end, end).replace(/^[，,：:\s]+/, '') };
    });
    out.push({ paragraphId: paragraph.id, intro: introBefore(text, marks[0].at), items, kind: 'ordinal' });
  }
  // Parallel short sentences opening with the same words.
  const sentences: (Span & { text: string })[] = [];
  let s = 0;
  for (const m of text.matchAll(/[。！？]/g)) {
    sentences.push({ start: s, end: m.index!, text: text.slice(s, m.index!) });
    s = m.index! + 1;
  }
  const short = sentences.map((x) => {
    // 实现上述目标，必须坚持创新提质: the item is the last clause of a short sentence.
    const comma = Math.max(x.text.lastIndexOf('，'), x.text.lastIndexOf(','));
    const start = comma >= 0 ? x.start + comma + 1 : x.start;
    return { start, end: x.end, text: text.slice(start, x.end), whole: x };
  }).filter((x) => x.text.length >= 3 && x.text.length <= PARALLEL_MAX);
  const groups = new Map<string, typeof short>();
  for (const x of short) groups.set(x.text.slice(0, 2), [...(groups.get(x.text.slice(0, 2)) ?? []), x]);
  for (const group of groups.values()) {
    if (group.length < 3) continue;
    // The shared opening must be a real phrase (必须坚持), not one common character.
    let prefix = group[0].text;
    for (const g of group) while (!g.text.startsWith(prefix)) prefix = prefix.slice(0, -1);
    if (prefix.length < 2) continue;
    const first = group[0];
    const intro = first.start > first.whole.start ? text.slice(first.whole.start, first.start).replace(/[，,]$/, '') : prefix;
    out.push({ paragraphId: paragraph.id, intro, items: group.map((g) => ({ start: g.start, end: g.end, text: g.text })), kind: 'parallel' });
  }
  // 分号 items after a colon; after 主要是：/ 包括： the items may be whole sentences, up to the one
  // that looks back on them (对于这些问题…).
  for (const m of text.matchAll(/[：:]/g)) {
    const from = m.index! + 1;
    const stop = text.indexOf('。', from);
    let body = text.slice(from, stop < 0 ? text.length : stop);
    let parts = body.split(/[；;]/);
    if (parts.length < 3 && /(?:是|有|包括|表现为|表现在)$/.test(text.slice(0, m.index!))) {
      const back = /[。](?:对于?这些|对此|这些|针对)/.exec(text.slice(from));
      body = text.slice(from, back ? from + back.index : text.length).replace(/。$/, '');
      parts = body.split(/[。；;]/);
    }
    if (parts.length < 3) continue;
    let at = from;
    const items = parts.map((p) => {
      const item = { start: at, end: at + p.length, text: p.trim() };
      at += p.length + 1;
      return item;
    });
    out.push({ paragraphId: paragraph.id, intro: introBefore(text, m.index!), items, kind: 'semicolon' });
  }
  return out;
}

/** The words right before a list: the sentence (or clause) that introduces it. */
function introBefore(text: string, at: number): string {
  const head = text.slice(0, at).replace(/[：:，,。\s]+$/, '');
  const cut = Math.max(head.lastIndexOf('。'), head.lastIndexOf('；'));
  return head.slice(cut + 1).slice(-40);
}
