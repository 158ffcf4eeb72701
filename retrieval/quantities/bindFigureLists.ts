// Figures written as a list (29911元和9710元, 4.3%、5.5%) and whose subject each one is. A list
// after 分别 takes, in order, the subjects listed before it (城镇和农村居民…, 一般公共预算收入、
// 税收收入), the subjects a compound names (城乡居民… → 城镇居民…, 农村居民…: splitPairedSubject), or
// the figures before it (…310人，分别占年度任务的131%). Without 分别, a list after a compound is
// bound the same way (城乡居民人均可支配收入25195元和8812元), and a list with no subject of its own
// takes those of the list bound just before it (…分别达到29911元和9710元，增长6.9%和9.6%).
// 由A增长到B / 从A1和A2分别提高到B1和B2: the A are levels at the start, the B at the end.
import type { QuantityRecord } from '../types.js';
import type { Figure } from './findFigures.js';
import { planPeriod } from './planPeriod.js';
import { isGenericSubject, readLeftSubject } from './readSubject.js';
import type { Clause } from './splitClauses.js';
import { splitPairedSubject } from './splitPairedSubject.js';

export interface FigureBinding {
  subject: string;
  /** The words between the subjects and the figure (分别达到, 增长): what the figure is read as. */
  near: string;
  /** Where the figure's statement starts: where its subject is written. */
  statementStart: number;
}

export interface ClauseBindings {
  bound: Map<Figure, FigureBinding>;
  /** Lists bound each figure to its own subject, in order: a later list may take their subjects. */
  groups: Figure[][];
  /** 由A增长到B: A, with the year written with it (从2021年的…, 由“十二五”末的…) when there is one. */
  from: Map<Figure, number | undefined>;
  /** …and B, with the year written with it (提高到2025年的…) when there is one. */
  to: Map<Figure, number | undefined>;
}

/** Only a joining word between two figures of one list. */
const JOINER = /^\s*(?:和|、|与|及|以及)\s*$/;
/** Between a list of start levels and the list of end levels: 增长到, 分别提高到, 提高到2025年的. */
const TO_RE = /^\s*(?:分别|均)?(?:增长|提高|提升|增加|上升|扩大|下降|降低|减少|缩小|跃升|攀升|增|降|升)?(?:到|至)(?:((?:19|20)\d{2})年(?:底|末)?)?的?\s*$/;
const FROM_RE = /[从由]/;
const YEAR_RE = /((?:19|20)\d{2})年/;
const SPLIT_RE = /和|、|及|与|以及/;

/**
 * `respectively` is where 分别 stands in `text` (-1 when the clause has none); `roots` the figures of
 * the sentence so far that have subjects of their own; `lastGroup` the records of the last list bound.
 */
export function bindFigureLists(
  text: string,
  clause: Clause,
  respectively: number,
  figures: Figure[],
  roots: readonly QuantityRecord[],
  lastGroup: readonly QuantityRecord[],
): ClauseBindings {
  const out: ClauseBindings = { bound: new Map(), groups: [], from: new Map(), to: new Map() };
  if (figures.length === 0) return out;
  const lists = figureLists(text, figures);

  // 由A增长到B: the list before 到 holds start levels, the one after it end levels.
  for (let i = 0; i + 1 < lists.length; i++) {
    const [a, b] = [lists[i], lists[i + 1]];
    const to = TO_RE.exec(text.slice(a.at(-1)!.end, b[0].start));
    const before = text.slice(i > 0 ? lists[i - 1].at(-1)!.end : clause.start, a[0].start);
    const fromAt = before.search(FROM_RE);
    if (a.length !== b.length || !to || fromAt < 0) continue;
    const since = before.slice(fromAt);
    const fromYear = YEAR_RE.exec(since)?.[1];
    // 由“十二五”末的…: the last year of that plan.
    const fromPeriod = /末/.test(since) ? planPeriod(since)?.to : undefined;
    a.forEach((f) => out.from.set(f, fromYear ? Number(fromYear) : fromPeriod));
    b.forEach((f) => out.to.set(f, to[1] ? Number(to[1]) : undefined));
  }

  if (respectively >= 0) {
    const after = figures.filter((f) => f.start > respectively);
    if (after.length < 2) return out;
    const near = text.slice(respectively + 2, after[0].start);
    const head = text.slice(clause.start, Math.min(respectively, figures[0].start));
    const subjects = listSubjects(readLeftSubject(head), after.length) ?? fromRoots(readLeftSubject(head), roots, after.length);
    if (!subjects) return out;
    const between = readLeftSubject(near);
    const bind = (list: Figure[], words: string) => list.forEach((f, i) => out.bound.set(f, { subject: `${subjects[i]}${between}`, near: words, statementStart: clause.start }));
    bind(after, near);
    out.groups.push(after);
    // 从2021年的46503元和16935元分别提高到…: the start levels are of the same subjects.
    const starts = lists.find((l) => l.length === after.length && l.every((f) => out.from.has(f)) && l.at(-1)!.end <= respectively);
    if (starts) bind(starts, text.slice(clause.start + head.length, starts[0].start));
    return out;
  }

  let previousEnd = clause.start;
  for (const list of lists) {
    const headStart = previousEnd;
    previousEnd = list.at(-1)!.end;
    if (list.length < 2) continue;
    const head = text.slice(headStart, list[0].start);
    const named = readLeftSubject(head);
    const paired = splitPairedSubject(named);
    if (paired?.length === list.length) {
      // 城乡居民人均可支配收入25195元和8812元.
      const at = head.lastIndexOf(named);
      const near = at >= 0 ? head.slice(at + named.length) : '';
      const statementStart = headStart + Math.max(0, at);
      list.forEach((f, i) => out.bound.set(f, { subject: paired[i], near, statementStart }));
      out.groups.push(list);
    } else if (isGenericSubject(named) && lastGroup.length === list.length) {
      // …分别达到29911元和9710元，增长6.9%和9.6%: the growth of each, in the same order.
      list.forEach((f, i) => out.bound.set(f, { subject: lastGroup[i].subject, near: head, statementStart: lastGroup[i].statement.start }));
      out.groups.push(list);
    }
  }
  return out;
}

/** The figures of a clause in lists: runs joined only by 和/、/与/及, of one unit. */
function figureLists(text: string, figures: Figure[]): Figure[][] {
  const lists: Figure[][] = [[figures[0]]];
  for (let i = 1; i < figures.length; i++) {
    const [a, b] = [figures[i - 1], figures[i]];
    if (JOINER.test(text.slice(a.end, b.start)) && a.unit === b.unit) lists.at(-1)!.push(b);
    else lists.push([b]);
  }
  return lists;
}

/**
 * The subjects named before a 分别 list of `n` figures: as many listed (城镇和农村居民人均可支配收入 →
 * 城镇居民人均可支配收入, 农村居民人均可支配收入: a short item shares the last one's head noun), or a
 * compound naming `n` (城乡居民人均可支配收入).
 */
function listSubjects(named: string, n: number): string[] | undefined {
  const parts = named.split(SPLIT_RE).filter(Boolean);
  if (parts.length === n) {
    const last = parts[n - 1];
    return parts.map((p, i) => (i < n - 1 && p.length * 2 <= last.length ? p + last.slice(p.length) : p));
  }
  if (parts.length === 1) {
    const paired = splitPairedSubject(parts[0]);
    if (paired?.length === n) return paired;
  }
  return undefined;
}

/** A 分别 list with no subject before it (…，分别占年度任务的126%、152%): those of the figures before it. */
function fromRoots(named: string, roots: readonly QuantityRecord[], n: number): string[] | undefined {
  if (!isGenericSubject(named) || roots.length < n) return undefined;
  return roots.slice(-n).map((r) => r.subject);
}
