// Citation enforcement, unit by unit (each sentence, table row or heading that states a fact
// must be supported by what it cites):
// - the answer is read under its Markdown (answerUnits.ts): **7%左右** is 7%左右, a heading or
//   a table's header row states no fact unless it holds a figure, a table row is a sentence
//   whose cells are checked under their column headers;
// - markers in any accepted style are normalised to [n]; every [n] must name a given source;
// - a factual sentence must cite something (connectives and honest refusals are not factual);
// - every figure, in Arabic or Chinese numerals, must stand in a cited paragraph of a report of
//   the place and year the sentence gives it (figureScope.ts), in a clause about the same
//   subject as the sentence's — or recompute from cited figures (差额, 百分点, 倍数, 合计, 占比)
//   within the rounding it is written with;
// - a refusal is wrong when the evidence holds an indicator row that answers the question.
// Each unit is checked once, as soon as it is complete (createDraftVerifier), so a streamed
// answer is verified in time linear in its length. A unit that fails is removed (and
// reported); the caller decides whether a failed draft gets a repair round or is replaced by
// the offline answer.
import { NORMAL_MARKER } from '../../api/citationMarkers.js';
import type { RemovedClaim } from '../../api/schemas.js';
import {
  describeSubject,
  type Evidence,
  INDICATORS,
  type QuantityRecord,
  sameSubject,
  samePlace,
  type Subject,
  subjectReader,
} from '../../../retrieval/public.js';
import { indicatorLine } from '../llm/buildPrompt.js';
import { type AnswerUnit, createAnswerReader } from './answerUnits.js';
import { type FigureScope, scopeReader } from './figureScope.js';
import { type CheckedFigure, figuresIn, figuresInSource, normaliseForFigures } from './figures.js';

/** What a figure is about: retrieval's subject reader, knowing the indicators by name (GDP → 地区生产总值). */
const { subjectAt } = subjectReader(INDICATORS);
/** A figure's span for the subject reader. */
const span = (f: CheckedFigure) => ({ start: f.index, end: f.end });

export interface Verification {
  ok: boolean;
  /** The draft with markers normalised, failing units and unknown markers removed. */
  text: string;
  /** Human-readable problems, also what the model is told in a repair round. */
  problems: string[];
  removed: RemovedClaim[];
  /** Markers that remain in `text`, in order of first appearance. */
  markers: number[];
}

/** What the question asks about, and what the corpus knows, for checking whose figure a figure is. */
export interface VerifyContext {
  /** Places the question asks about: what a sentence naming none is about. */
  places?: readonly string[];
  /** The years the reports the question asks about were delivered in (it named a year): where a sentence naming no year reads its figures. */
  reportYears?: readonly number[];
  /** Every place a report of the corpus is about: named in a sentence, they bind its figures. */
  knownPlaces?: readonly string[];
  /** Every quantity record of a paragraph: the years each of its figures is about. */
  recordsOf?: (paragraphId: string) => readonly QuantityRecord[];
}

/** One unit of a draft and what the checks found. */
export interface CheckedUnit {
  unit: AnswerUnit;
  /** No problem found. */
  ok: boolean;
  /** The unit stays in the answer (one whose only problem was a marker naming no source stays without it). */
  keep: boolean;
  /** Failed only for want of a citation: forgiven in an answer that honestly finds nothing. */
  uncited?: boolean;
  problems: string[];
  removed?: RemovedClaim;
  /** The unit's body with markers naming no source taken out. */
  body: string;
}

export interface DraftVerifier {
  /** More of the draft; returns its units completed by it, each checked once. */
  push(delta: string): CheckedUnit[];
  /** The draft is complete; returns the units still open, checked. */
  end(): CheckedUnit[];
  /** The verification of the whole draft (after end()). */
  result(): Verification;
  /** Everything pushed so far. */
  readonly text: string;
}

/** An honest "the reports don't say": not a claim about the reports' content. */
export const REFUSAL = /没有找到|未找到|未提及|没有提到|没有提及|未涉及|没有涉及|无法回答|没有相关|未给出|没有给出|没有写明|未写明|未载明|没有说明|未说明|not (?:found|mentioned|contain)/i;

/** Computation words: a figure with one of these may be derived rather than quoted. */
const COMPUTED = /差|高出|高于|低于|多出|少于|相比|比.{0,8}[高低多少]|百分点|倍|合计|共计|总计|总和|之和|加起来|占|比重|比例/;

/** Connectives, lead-ins and refusals state no fact of the reports. */
export function isFactual(sentence: string): boolean {
  const bare = sentence.replace(NORMAL_MARKER, '').trim();
  if (REFUSAL.test(bare)) return false;
  if (/[：:]$/.test(bare)) return false;
  const content = bare.replace(/[\s\p{P}\p{S}]/gu, '');
  if (content.length <= 6) return false;
  if (content.length <= 16 && /如下|以下|具体来看|具体而言|综上|总的来看|总体来看|供参考|需要说明/.test(content)) return false;
  // Chat courtesies: about the conversation, not the reports.
  if (content.length <= 30 && /^(希望.*帮助|如(需|有).*(进一步|更多|其他|问题)|欢迎继续|请问还有)/.test(content)) return false;
  return true;
}

const NO_PLACES: readonly string[] = [];

const marks = (ns: number[]) => ns.map((n) => `[${n}]`).join('');

/** Checks a whole draft. */
export function verifyCitations(draft: string, evidence: Evidence[], context: VerifyContext = {}): Verification {
  const verifier = createDraftVerifier(evidence, context);
  verifier.push(draft);
  verifier.end();
  return verifier.result();
}

/** Checks a draft as it arrives: each unit once, when it is complete. */
export function createDraftVerifier(evidence: Evidence[], context: VerifyContext = {}): DraftVerifier {
  const byMarker = new Map(evidence.map((e) => [e.marker, e]));
  const places = [...new Set(evidence.map((e) => e.place))];
  const near = [...new Set([...(context.places ?? []), ...places])];
  const scopesOf = scopeReader({ places: context.places, reportYears: context.reportYears, near, known: context.knownPlaces ?? NO_PLACES });
  const reader = createAnswerReader();
  const checked: CheckedUnit[] = [];
  let text = '';
  let anyMarker = false;
  let anyRefusal = false;
  let ended = false;

  const check = (unit: AnswerUnit): CheckedUnit => {
    const sentence = unit.text;
    const shown = (unit.prefix + unit.body).trim();
    const cited = [...sentence.matchAll(NORMAL_MARKER)].map((m) => Number(m[1]));
    if (cited.length) anyMarker = true;
    if (REFUSAL.test(sentence)) anyRefusal = true;
    const unknown = [...new Set(cited.filter((n) => !byMarker.has(n)))];
    const problems: string[] = [];
    let body = unit.body;
    let clean = sentence;
    let removed: RemovedClaim | undefined;
    if (unknown.length) {
      problems.push(`引用${marks(unknown)}不对应任何提供的段落（只有${marks(evidence.map((e) => e.marker))}）：“${shown}”`);
      removed = { sentence: shown, reason: `引用${marks(unknown)}不存在` };
      const known = (m: string, n: string) => (byMarker.has(Number(n)) ? m : '');
      clean = clean.replace(NORMAL_MARKER, known);
      body = body.replace(NORMAL_MARKER, known);
    }
    const passed = (): CheckedUnit => ({ unit, ok: problems.length === 0, keep: true, problems, body, ...(removed ? { removed } : {}) });
    const failed = (reason: string, uncited = false): CheckedUnit => ({ unit, ok: false, keep: false, uncited, problems, body, removed: { sentence: shown, reason } });
    if (unit.role === 'structure') return passed();
    const valid = [...new Set(cited.filter((n) => byMarker.has(n)))];
    const figures = figuresIn(clean);
    // A heading or a table's header row names what follows; it states a fact only with a figure.
    const titles = unit.role === 'heading' || unit.role === 'tableHeader';
    if (figures.length === 0) {
      if (valid.length === 0 && !titles && isFactual(clean)) {
        problems.push(`这句话陈述了事实却没有引用来源，请标注所依据的资料编号或删去：“${shown}”`);
        return failed('陈述事实但无引用', problems.length === 1);
      }
      return passed();
    }
    if (valid.length === 0) {
      problems.push(`这句话给出了数字却没有引用来源：“${shown}”`);
      return failed('含数字但无引用');
    }
    const failures = checkFigures(clean, figures, valid.map((n) => byMarker.get(n)!), places, scopesOf(normaliseForFigures(clean), figures), context);
    if (failures.length) {
      for (const f of failures) problems.push(`${f.problem}：“${shown}”`);
      return failed(failures.map((f) => f.reason).join('；'));
    }
    return passed();
  };

  const take = (units: AnswerUnit[]) => {
    const out = units.map(check);
    checked.push(...out);
    return out;
  };

  return {
    push(delta) {
      text += delta;
      return take(reader.push(delta));
    },
    end() {
      if (ended) return [];
      ended = true;
      return take(reader.end());
    },
    result() {
      if (!ended) this.end();
      // A refusal's other sentences say what the reports cover, not what they state.
      const refusal = !anyMarker && anyRefusal;
      const forgiven = (c: CheckedUnit) => refusal && c.uncited === true;
      const kept = (c: CheckedUnit) => c.keep || forgiven(c);
      const problems: string[] = [];
      const removed: RemovedClaim[] = [];
      for (const c of checked) {
        if (forgiven(c)) continue;
        problems.push(...c.problems);
        if (c.removed) removed.push(c.removed);
      }
      const out = assemble(checked, kept);
      const markers = [...new Set([...out.matchAll(NORMAL_MARKER)].map((m) => Number(m[1])))];
      if (markers.length === 0 && REFUSAL.test(out)) {
        // "报告中没有找到" while a given source holds a row that answers the question.
        const answering = evidence.flatMap((e) => e.rows.filter((r) => r.value !== null).map((r) => ({ e, r })));
        if (answering.length) {
          const rows = answering.slice(0, 3).map(({ e, r }) => `资料[${e.marker}]中的“${indicatorLine(r)}”`);
          problems.push(`回答说报告中没有找到，但${rows.join('、')}回答了这个问题：请依据它作答并标注编号。`);
          removed.push({ sentence: out, reason: '资料中有答案，却回答没有找到' });
        }
      }
      return { ok: problems.length === 0, text: out, problems, removed, markers };
    },
    get text() {
      return text;
    },
  };
}

/**
 * The kept units, line by line: a line whose units all failed goes whole (a table row, a list
 * item), a kept unit keeps its line's prefix and line break, and a table left without rows
 * loses its header too.
 */
function assemble(checked: CheckedUnit[], kept: (c: CheckedUnit) => boolean): string {
  const rowsKept = new Map<number, number>();
  for (const c of checked) if (c.unit.role === 'tableRow' && kept(c)) rowsKept.set(c.unit.table!, (rowsKept.get(c.unit.table!) ?? 0) + 1);
  const keep = (c: CheckedUnit) => kept(c) && (c.unit.table === undefined || c.unit.role === 'tableRow' || (rowsKept.get(c.unit.table) ?? 0) > 0);
  let out = '';
  for (let i = 0; i < checked.length; ) {
    let j = i;
    while (j < checked.length && checked[j].unit.line === checked[i].unit.line) j++;
    const line = checked.slice(i, j);
    const bodies = line.filter(keep);
    if (bodies.length) out += line[0].unit.prefix + bodies.map((c) => c.body).join('') + line[line.length - 1].unit.newline;
    i = j;
  }
  return out.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

interface FigureFailure {
  problem: string;
  reason: string;
}

interface Occurrence {
  marker: number;
  source: Evidence;
  /** Where the figure stands in the source's normalised text. */
  index: number;
  subject: Subject;
  /** 左右, 以上 … written after the figure in the paragraph, or ''. */
  qualifier: string;
}

/** Qualifiers are part of a figure: 7%以上 is not 7%左右. */
const QUALIFIER = /^\s*(左右|以上|以内|以下|上下|之间|多|余)/;
/** Wordings of one meaning: 10余家 = 10多家, 3%以下 = 3%以内, 7%上下 = 7%左右. */
const SAME_QUALIFIER: Record<string, string> = { 余: '多', 以下: '以内', 上下: '左右' };
/** The qualifier of a figure: 多/余 before its unit (10余家), else what follows the unit (7%左右). */
function qualifierOf(text: string, f: CheckedFigure): string {
  const end = f.index + f.text.length;
  const q = f.approximate || (QUALIFIER.exec(text.slice(end, end + 4))?.[1] ?? '');
  return SAME_QUALIFIER[q] ?? q;
}

/**
 * Each figure of a sentence against the cited paragraphs: present, from a report of the place
 * and year the sentence gives it, about the same subject — or computed.
 */
function checkFigures(sentence: string, figures: CheckedFigure[], sources: Evidence[], places: string[], scopes: FigureScope[], context: VerifyContext): FigureFailure[] {
  const norm = normaliseForFigures(sentence).replace(/\[\d+\]/g, (m) => ' '.repeat(m.length));
  const spans = figures.map(span);
  const cited = marks(sources.map((s) => s.marker));
  const failures: FigureFailure[] = [];
  const supported: CheckedFigure[] = [];
  const missing: CheckedFigure[] = [];
  const unbound: { figure: CheckedFigure; subject: Subject; found: Occurrence[] }[] = [];

  for (const [i, f] of figures.entries()) {
    const all = occurrences(f.value, sources, places);
    // A qualifier the sentence states must be the paragraph's (omitting it is allowed).
    const qualifier = qualifierOf(norm, f);
    const found = qualifier ? all.filter((o) => !o.qualifier || o.qualifier === qualifier) : all;
    if (all.length && !found.length) {
      const theirs = [...new Set(all.map((o) => `${f.text}${o.qualifier}`))].join('、');
      failures.push({
        problem: `数字 ${f.text}${qualifier} 的限定词与所引段落${cited}不符（原文为 ${theirs}）`,
        reason: `数字 ${f.text}${qualifier} 的限定词与所引段落不符`,
      });
      continue;
    }
    if (found.length === 0) {
      missing.push(f);
      continue;
    }
    // 1月23日: a date's parts have no indicator to be bound to.
    if (/^[月日号]/.test(norm.slice(f.index + f.text.length))) {
      supported.push(f);
      continue;
    }
    // Whose figure: a report of the place and year the sentence gives it.
    const scope = scopes[i] ?? {};
    const fitting = found.filter((o) => misfit(o, f, scope, context) === undefined);
    if (fitting.length === 0) {
      const why = misfit(found[0], f, scope, context)!;
      failures.push({ problem: `数字 ${f.text} ${why.problem}`, reason: `数字 ${f.text} ${why.reason}` });
      continue;
    }
    const subject = subjectAt(norm, span(f), spans, places);
    if (fitting.some((o) => sameSubject(subject, o.subject))) supported.push(f);
    else unbound.push({ figure: f, subject, found: fitting });
  }

  const stillMissing = missing.filter((f) => !recomputes(f, norm, supported, sources, places));
  if (stillMissing.length) {
    const list = [...new Set(stillMissing.map((f) => f.text))].join('、');
    failures.push({ problem: `数字 ${list} 不在所引用的段落${cited}中`, reason: `数字 ${list} 与所引段落不符` });
  }
  for (const u of unbound) {
    const theirs = [...new Set(u.found.map((o) => `段落[${o.marker}]中的${u.figure.text}说的是“${describeSubject(o.subject)}”`))].slice(0, 2).join('，');
    failures.push({
      problem: `数字 ${u.figure.text} 说的是“${describeSubject(u.subject)}”，但${theirs}，不是同一指标`,
      reason: `数字 ${u.figure.text} 在所引段落中属于另一指标`,
    });
  }
  return failures;
}

/**
 * Why a figure's occurrence in a source is not the figure the sentence states, or undefined
 * when it is: the source's report is of another place, delivered in another year than the
 * report the sentence names, or the figure there is about another year.
 */
function misfit(o: Occurrence, f: CheckedFigure, scope: FigureScope, context: VerifyContext): { problem: string; reason: string } | undefined {
  const e = o.source;
  if (scope.places && !scope.places.some((p) => samePlace(p, e.place))) {
    const named = scope.places.join('、');
    return { problem: `出自${e.place}的报告（段落[${o.marker}]），但这句话说的是${named}`, reason: `出自${e.place}的报告，不是${named}的数字` };
  }
  if (scope.reportYears && !scope.reportYears.includes(e.year)) {
    return { problem: `出自${e.year}年的报告（段落[${o.marker}]），但这句话说的是${scope.reportYears.join('、')}年的报告`, reason: `出自${e.year}年的报告` };
  }
  if (scope.years) {
    const years = yearsOfFigure(e, o.index, f.value, context);
    if (years && !years.some((y) => scope.years!.includes(y))) {
      const theirs = years.length > 2 ? `${years[0]}—${years[years.length - 1]}` : years.join('、');
      return { problem: `在段落[${o.marker}]中是${theirs}年的数字，但这句话说的是${scope.years.join('、')}年`, reason: `是${theirs}年的数字，不是${scope.years.join('、')}年的` };
    }
  }
  return undefined;
}

/**
 * The years a figure of a source is about: from the quantity record of that value nearest to
 * where it stands (records carry the years each figure is about: a 2024 report's plan speaks
 * of 2024, its review of 2023, 五年来 of five), else from the part of the report it is in;
 * undefined when nothing says.
 */
function yearsOfFigure(e: Evidence, index: number, value: number, context: VerifyContext): number[] | undefined {
  const records: { value: number | null; years: readonly number[]; span: { start: number } }[] = [
    ...(context.recordsOf?.(e.paragraphId) ?? e.quantities ?? []),
    ...e.rows.map((r) => ({ value: r.value, years: [r.year], span: r.span })),
  ];
  let best: { years: readonly number[]; distance: number } | undefined;
  for (const r of records) {
    if (r.value === null || Math.abs(r.value - value) > 1e-9 || r.years.length === 0) continue;
    const distance = Math.abs(r.span.start - index);
    if (!best || distance < best.distance) best = { years: r.years, distance };
  }
  if (best) return [...best.years];
  const meta = e.report as Partial<Evidence['report']> | undefined;
  if (e.part === 'plan' && meta?.planYear !== undefined) return [meta.planYear];
  if (e.part === 'review' && meta?.reviewYear !== undefined) return [meta.reviewYear];
  return undefined;
}

const normalised = new Map<string, string>();
/** Source paragraphs recur across requests: normalise each once (bounded). */
function normalisedSource(text: string): string {
  let n = normalised.get(text);
  if (n === undefined) {
    if (normalised.size > 5000) normalised.clear();
    n = normaliseForFigures(text);
    normalised.set(text, n);
  }
  return n;
}

/** Where a value stands in the cited paragraphs, with the subject of each clause holding it. */
function occurrences(value: number, sources: Evidence[], places: string[]): Occurrence[] {
  const out: Occurrence[] = [];
  for (const s of sources) {
    const norm = normalisedSource(s.text);
    const all = figuresInSource(s.text);
    const spans = all.map(span);
    for (const f of all) {
      if (Math.abs(f.value - value) < 1e-9) out.push({ marker: s.marker, source: s, index: f.index, subject: subjectAt(norm, span(f), spans, places), qualifier: qualifierOf(norm, f) });
    }
  }
  return out;
}

/**
 * A derived figure (高出1个百分点, 是上年的2倍, 合计, 占比) passes when it recomputes, within
 * the rounding it is written with, from figures of the cited paragraphs: the sentence's own
 * supported figures when it states two or more, else those plus the cited figures about the
 * sentence's subjects.
 */
function recomputes(f: CheckedFigure, sentence: string, supported: CheckedFigure[], sources: Evidence[], places: string[]): boolean {
  if (!COMPUTED.test(sentence)) return false;
  let operands = supported.map((s) => s.value);
  if (operands.length < 2) {
    const subjects = supported.map((s) => subjectAt(sentence, span(s), supported.map(span), places));
    subjects.push(subjectAt(sentence, span(f), [], places));
    for (const s of sources) {
      const norm = normalisedSource(s.text);
      const all = figuresInSource(s.text).filter((x) => !/^(19|20)\d\d$/.test(x.number));
      const spans = all.map(span);
      for (const x of all) {
        const subject = subjectAt(norm, span(x), spans, places);
        if (subjects.some((sub) => sameSubject(sub, subject))) operands.push(x.value);
      }
    }
    operands = [...new Set(operands)].slice(0, 40);
  }
  const tolerance = 0.5 * 10 ** -f.decimals + 1e-9;
  const close = (v: number) => Number.isFinite(v) && Math.abs(v - f.value) <= tolerance;
  if (operands.length >= 2 && close(operands.reduce((a, b) => a + b, 0))) return true;
  for (let i = 0; i < operands.length; i++) {
    for (let j = 0; j < operands.length; j++) {
      if (i === j) continue;
      const [a, b] = [operands[i], operands[j]];
      if (close(a - b) || close(a + b) || (b !== 0 && (close(a / b) || close((a / b) * 100)))) return true;
    }
  }
  return false;
}
