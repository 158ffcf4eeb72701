// Whose figure, and of which year: a figure's place and year are part of what it is. A
// sentence's figure belongs to the place and year named before it in the sentence (惠济区…
// 7%左右，卫东区…6.5%: each to its own place; 2023年增长6%，2024年目标7%左右: each to its
// year); with 分别 / respectively, figures after a list of places or years go to them in
// order. A year before 报告 names the report, not the figure (2024年政府工作报告提出…). A
// sentence that names no place is about the places the question asks about; one that names
// no year (nor 去年, 今年, 五年来 …) is read in the reports of the year the question asks
// about (a 2024 target in the report delivered in 2024, a 2023 outcome in the one of 2024).
import { englishPlaceName, placeForms } from '../../../retrieval/public.js';

export interface ScopeContext {
  /** Places the question asks about (canonical report names): what a sentence naming none is about. */
  places?: readonly string[];
  /** The years the reports the question asks about were delivered in, when it names a year. */
  reportYears?: readonly number[];
  /** Places that bind a figure when a sentence names them (the evidence's and the question's first). */
  known: readonly string[];
  /** Of `known`, those whose short forms (惠济, Huiji) are matched too; others only by their full name. */
  near: readonly string[];
}

export interface FigureScope {
  /** The figure is one of these places' (any); undefined: unchecked. */
  places?: string[];
  /** The figure is about one of these years; undefined: unchecked. */
  years?: number[];
  /** The figure comes from a report delivered in one of these years (2024年政府工作报告); undefined: unchecked. */
  reportYears?: number[];
}

interface Mention<T> {
  start: number;
  end: number;
  value: T;
}

/** Relative time: the year such a figure is about depends on the report it is read in. */
const RELATIVE_TIME =
  /上一?年|去年|前年|今年|明年|本年|当年|下一?年|同期|过去|近[一二两三四五六七八九十几]年|[一二两三四五六七八九十]年来|以来|年均|累计|十[一二三四五六七八九]五|\b(?:last|this|next|previous|past|coming)\s+(?:year|years|five)\b|\bannual(?:ly)?\b|\bon average\b/i;
const RESPECTIVELY = /分别|依次|respectively/i;

/** Reads the scope of each figure of a text, in the order given (the place names to look for are gathered once). */
export function scopeReader(ctx: ScopeContext): (text: string, figures: readonly { index: number; end: number }[]) => FigureScope[] {
  let forms: ScopeForms | undefined;
  return (text, figures) => {
    forms ??= placeFormsOf(ctx);
    return figureScopes(text, figures, ctx, forms);
  };
}

function figureScopes(text: string, figures: readonly { index: number; end: number }[], ctx: ScopeContext, forms: ScopeForms): FigureScope[] {
  if (figures.length === 0) return [];
  const places = placeMentions(text, forms);
  const years = yearMentions(text);
  const relative = [...text.matchAll(new RegExp(RELATIVE_TIME.source, 'gi'))].map((m) => m.index!);
  const placeScopes = bind(text, figures, places.filter((m) => !m.value.report).map((m) => ({ ...m, value: [m.value.place] })));
  const yearScopes = bind(
    text,
    figures,
    years.filter((m) => !m.value.report).map((m) => ({ ...m, value: m.value.years })),
    relative,
  );
  const reportYears = years.filter((m) => m.value.report);
  const sentenceNamesPlace = places.length > 0;
  const sentenceNamesTime = years.some((m) => !m.value.report) || relative.length > 0;
  return figures.map((f, i) => {
    const scope: FigureScope = {};
    const p = placeScopes[i];
    if (p) scope.places = p;
    else if (!sentenceNamesPlace && ctx.places?.length) scope.places = [...ctx.places];
    else if (sentenceNamesPlace) scope.places = [...new Set(places.map((m) => m.value.place))];
    const y = yearScopes[i];
    if (y) scope.years = y;
    const reports = reportYears.filter((m) => m.end <= f.index).flatMap((m) => m.value.years);
    if (reports.length) scope.reportYears = reports;
    else if (!sentenceNamesTime && ctx.reportYears?.length) scope.reportYears = [...ctx.reportYears];
    return scope;
  });
}

/**
 * What each figure is bound to by the mentions before it: those between it and the figure
 * before it, else the previous figure's. A relative-time word in that stretch unbinds (the
 * year is then unchecked). After 分别, a list of n mentions binds the figures that follow it in
 * order when they come in n equal groups (分别为412亿元、增长5.8%和390亿元、增长6%).
 */
function bind<T>(text: string, figures: readonly { index: number; end: number }[], mentions: Mention<T[]>[], unbinders: number[] = []): (T[] | undefined)[] {
  const out: (T[] | undefined)[] = [];
  let current: T[] | undefined;
  /** The figures bound to the current list, when it came with 分别. */
  let run: { list: T[][]; figures: number[] } | undefined;
  const closeRun = () => {
    if (run && run.list.length > 1 && run.figures.length % run.list.length === 0) {
      const per = run.figures.length / run.list.length;
      run.figures.forEach((fi, k) => (out[fi] = run!.list[Math.floor(k / per)]));
    }
    run = undefined;
  };
  let from = 0;
  figures.forEach((f, i) => {
    const here = mentions.filter((m) => m.start >= from && m.end <= f.index);
    const unbound = unbinders.some((at) => at >= from && at < f.index);
    if (here.length) {
      closeRun();
      const list = dedupe(here.map((m) => m.value));
      current = [...new Set(list.flat())];
      if (list.length > 1 && RESPECTIVELY.test(text.slice(here[here.length - 1].end, f.index))) run = { list, figures: [] };
    } else if (unbound) {
      closeRun();
      current = undefined;
    }
    run?.figures.push(i);
    out[i] = current;
    from = f.end;
  });
  closeRun();
  return out;
}

function dedupe<T>(lists: T[][]): T[][] {
  const seen = new Set<string>();
  return lists.filter((l) => {
    const key = JSON.stringify(l);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** 2024年, 2019—2023年, English 2024; `report` when it names a report (2024年政府工作报告, the 2024 report). */
function yearMentions(text: string): Mention<{ years: number[]; report: boolean }>[] {
  const out: Mention<{ years: number[]; report: boolean }>[] = [];
  const re = /(?<![\d.])((?:19|20)\d\d)(?:[ \t]*年?[ \t]*(?:[-—–~～至到]|to)[ \t]*((?:19|20)\d\d))?(?![\d.])/g;
  for (const m of text.matchAll(re)) {
    const end = m.index! + m[0].length;
    const after = text.slice(end, end + 16);
    const chinese = /^\s*年/.test(after);
    // 2024个, 2024亿元, 2024%: a count, not a year.
    if (!chinese && /^\s*[\u3400-\u9fff%％]/.test(after)) continue;
    const a = Number(m[1]);
    const b = m[2] ? Number(m[2]) : a;
    const years: number[] = [];
    for (let y = Math.min(a, b); y <= Math.max(a, b) && years.length < 50; y++) years.push(y);
    const report = /^\s*年?(?:度)?(?:的)?(?:政府)?(?:工作)?报告|^\s*(?:government\s+)?(?:work\s+)?report/i.test(after);
    out.push({ start: m.index!, end: end + (chinese ? after.indexOf('年') + 1 : 0), value: { years, report } });
  }
  return out;
}

interface PlaceForm {
  form: string;
  place: string;
  latin: boolean;
}

const formsMemo = new Map<string, PlaceForm[]>();
/** The ways a place is written in answers: its name and short forms, and in English its pinyin name. */
function formsOf(place: string, short: boolean): PlaceForm[] {
  const key = `${short ? 's' : 'f'}${place}`;
  let forms = formsMemo.get(key);
  if (!forms) {
    forms = [];
    const names = short ? placeForms(place) : [place];
    for (const f of names) if (f.length >= (short ? 2 : 3)) forms.push({ form: f, place, latin: false });
    if (short) {
      const english = englishPlaceName(place);
      const bare = english.split(' ')[0];
      for (const f of new Set([english, bare])) if (/^[A-Za-z][A-Za-z ]{3,}$/.test(f)) forms.push({ form: f.toLowerCase(), place, latin: true });
    }
    if (formsMemo.size > 20_000) formsMemo.clear();
    formsMemo.set(key, forms);
  }
  return forms;
}

/** Place forms by their first character (lower-case for Latin ones), for scanning a text once. */
interface PlaceFormIndex {
  forms: PlaceForm[];
  han: Map<string, number[]>;
  latin: Map<string, number[]>;
}

function indexForms(forms: PlaceForm[]): PlaceFormIndex {
  const index: PlaceFormIndex = { forms, han: new Map(), latin: new Map() };
  forms.forEach((f, i) => {
    const map = f.latin ? index.latin : index.han;
    const list = map.get(f.form[0]);
    if (list) list.push(i);
    else map.set(f.form[0], [i]);
  });
  return index;
}

/** The near places' every form (few, per answer), and every known place's full name (made once per set of known places). */
interface ScopeForms {
  near: PlaceFormIndex;
  known: PlaceFormIndex;
}

const knownMemo = new WeakMap<readonly string[], PlaceFormIndex>();
function placeFormsOf(ctx: ScopeContext): ScopeForms {
  let known = knownMemo.get(ctx.known);
  if (!known) knownMemo.set(ctx.known, (known = indexForms(ctx.known.flatMap((p) => formsOf(p, false)))));
  return { near: indexForms(ctx.near.flatMap((p) => formsOf(p, true))), known };
}

/** The places a sentence names, longest form first where they overlap (惠济区 over 惠济; a near place's forms before another's of the same length). */
function placeMentions(text: string, forms: ScopeForms): Mention<{ place: string; report: false }>[] {
  const lower = text.toLowerCase();
  // Every occurrence of every form, found from each character's candidates…
  const found: { f: PlaceForm; group: number; i: number; at: number }[] = [];
  const groups = [forms.near, forms.known];
  for (let at = 0; at < text.length; at++) {
    groups.forEach((index, group) => {
      for (const i of index.han.get(text[at]) ?? []) if (text.startsWith(index.forms[i].form, at)) found.push({ f: index.forms[i], group, i, at });
      for (const i of index.latin.get(lower[at]) ?? []) if (lower.startsWith(index.forms[i].form, at)) found.push({ f: index.forms[i], group, i, at });
    });
  }
  // …then taken longest first, each form's in text order, skipping overlaps.
  found.sort((a, b) => b.f.form.length - a.f.form.length || a.group - b.group || a.i - b.i || a.at - b.at);
  const taken: Mention<{ place: string; report: false }>[] = [];
  for (const { f, at } of found) {
    const end = at + f.form.length;
    if (f.latin && (/[a-z]/.test(lower[at - 1] ?? '') || /[a-z]/.test(lower[end] ?? ''))) continue;
    if (taken.some((m) => m.start < end && at < m.end)) continue;
    taken.push({ start: at, end, value: { place: f.place, report: false } });
  }
  return taken.sort((a, b) => a.start - b.start);
}
