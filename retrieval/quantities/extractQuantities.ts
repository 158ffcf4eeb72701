// Every number in every clause of a report → a typed quantity record.
//
// Paragraph by paragraph: the report part (review / five-year review / plan) from the section
// title (or, without sections, from the top-level heading lines in order); clause by clause:
// the numbers (quantitiesIn), each with its subject read on both sides (readSubject), its
// measure (classifyMeasure), the qualifiers written around it, the kind (target / actual /
// estimate / cumulative) from the part and cue words, and the year(s). A figure with no subject
// of its own (…157.5亿元，同比增长7.1% / 总量居全市第4位) takes the previous figure's subject in
// the same sentence. A list of figures binds each to its own subject (bindFigureLists). Figure-less targets
// (居民收入与经济增长同步) become records with value null.
import type { Paragraph, QuantityKind, QuantityRecord, ReportMeta, ReportPart } from '../types.js';
import { bindFigureLists } from './bindFigureLists.js';
import { classifyMeasure } from './classifyMeasure.js';
import { quantitiesIn, type Figure } from './findFigures.js';
import { foldFigures } from './foldFigures.js';
import { planPeriod } from './planPeriod.js';
import { readReportPart } from './readReportPart.js';
import { CONDITION_RE, isGenericSubject, readLeftSubject, readRightSubject, subjectStart } from './readSubject.js';
import { splitClauses } from './splitClauses.js';
import { measureOf } from './units.js';

export interface QuantityInput {
  meta: Pick<ReportMeta, 'id' | 'place' | 'reviewYear' | 'planYear'>;
  paragraphs: (Pick<Paragraph, 'id' | 'text' | 'sectionPath'> & { isHeading?: boolean })[];
}

/** Qualifiers that hold for the whole clause wherever they are written (累计实施…重点项目526项). */
const CLAUSE_QUALIFIERS = ['同比', '同口径', '可比价', '累计', '年均', '预计', '力争'];
/** Qualifiers that only hold right before the number (约5000万元, 不低于8%). */
const ADJACENT_QUALIFIERS = ['约', '近', '超过', '不低于', '不少于', '不超过', '保持', '突破'];
const TARGET_PARAGRAPH_RE = /预期(?:目标|指标)(?:是|为)|主要(?:预期)?目标(?:是|为)/;
/** A plan sentence about a five-year period rather than the coming year. */
const PLAN_PERIOD_RE = /十[一二三四五六]五(?:时期|期间|末)|今后五年|未来五年/u;
const MULTI_YEAR_RE = /五年来|过去五年|过去的五年|年均|十[二三四]五(?:期间|以来)|[两三四五]年来/;
const YEAR_RE = /(?<!\d)((?:19|20)\d{2})年/g;
const TOP_HEADING_RE = /^[一二三四五六七八九十]+、/;
/** 居民人均可支配收入与地区生产总值同步增长 / 居民收入与经济增长基本同步. */
const SYNC_RE = /(?:预计)?(?:与|和|同)(?:经济增长|经济发展|地区生产总值|生产总值|GDP|经济)(?:增长)?(?:基本|协调)?同步(?:增长)?/;
/** A clause without figures longer than this starts a new topic: later figures do not inherit across it. */
const CHAIN_BREAK_CHARS = 10;
/** 增长14.44%(年度目标7%左右), 完成12亿元（年初计划10亿元）: the year's target, in brackets right after its outcome. */
const STATED_TARGET_RE = /^[，,]?\s*[（(]\s*(?:年度|年初|全年|本年|市定|省定|上级下达)?(?:预期)?(?:目标|计划)(?:任务)?[为是：:]?\s*$/u;
/**
 * A level a multi-year review says was reached (全省地区生产总值突破2万亿元、达到23562亿元): the
 * level at the period's end, not a sum over its years, unless the clause says it adds up (累计, 新增).
 */
const REACHED_RE = /达到|突破|增长到|提高到|提升到|增至|跃升至|跃升到|迈上|超过/;
const SUMMED_RE = /累计|共计|总计|合计|年均|新增/;

export function extractQuantities(input: QuantityInput): QuantityRecord[] {
  const { id: reportId, place: place, reviewYear, planYear } = input.meta;
  const records: QuantityRecord[] = [];
  let part: ReportPart = 'cover';
  for (const para of input.paragraphs) {
    // Analysed folded (traditional and full-width forms), quoted as written.
    const text = foldFigures(para.text);
    const fromSection = para.sectionPath.length ? readReportPart(para.sectionPath[0], reviewYear, planYear) : undefined;
    if (fromSection) part = fromSection;
    else if (para.sectionPath.length && part === 'cover') part = 'review';
    // Without sections from the ingester, top-level heading lines mark the parts in order.
    if (TOP_HEADING_RE.test(text) && text.length <= 40 && !/[。；;]/.test(text)) {
      part = readReportPart(text, reviewYear, planYear) ?? (part === 'cover' ? 'review' : part);
      continue;
    }
    if (para.isHeading) continue;
    // The 预期目标 paragraph opens the plan: what follows it plans too, until a heading says otherwise.
    if (TARGET_PARAGRAPH_RE.test(text)) part = 'plan';
    const paraPart: ReportPart = part === 'cover' && para.sectionPath.length === 0 ? 'review' : part;
    const paragraphMultiYear = paraPart === 'fiveYear' || (paraPart === 'review' && /^(五年来|过去的?五年)/.test(text));

    const clauses = splitClauses(text);
    const tokens = quantitiesIn(text);
    const sentenceStarts = new Map<number, number>();
    for (const c of clauses) if (!sentenceStarts.has(c.sentence)) sentenceStarts.set(c.sentence, c.start);
    let next = 0;
    let sentence = -1;
    let roots: QuantityRecord[] = [];
    /** The records of the last list of figures bound each to its own subject (城镇…, 农村…). */
    let group: QuantityRecord[] = [];
    /** 固定资产投资，同比增长2.6%: a short clause naming only a subject, for the figures after it. */
    let pending: { subject: string; start: number } | undefined;
    let estimate = false;
    for (const clause of clauses) {
      if (clause.sentence !== sentence) {
        sentence = clause.sentence;
        roots = [];
        group = [];
        pending = undefined;
        estimate = false;
      }
      const sentenceStart = sentenceStarts.get(clause.sentence)!;
      const ctext = text.slice(clause.start, clause.end);
      // 预计全年…，…: an estimate carries through the sentence until a clause says 完成/实现.
      if (/预计/.test(ctext)) estimate = true;
      else if (/完成|实现|达到/.test(ctext)) estimate = false;
      // Tokens are in text order: take this clause's from where the last clause stopped.
      while (next < tokens.length && tokens[next].start < clause.start) next++;
      const inClause: Figure[] = [];
      for (let k = next; k < tokens.length && tokens[k].start < clause.end; k++) if (tokens[k].end <= clause.end) inClause.push(tokens[k]);
      const base = { reportId, paragraphId: para.id, place, part: paraPart };
      const kindOf = (upTo: string, clauseLeft: string): { kind: QuantityKind; years: number[] } => {
        // A year compared with (是2011年的1.8倍, 比2020年增长) is not the year a figure is about.
        const explicit = [...upTo.matchAll(YEAR_RE)].filter((m) => !/(?:比|较|是|为|相当于)$/.test(upTo.slice(0, m.index))).map((m) => Number(m[1]));
        const last = explicit.at(-1);
        const multiYear = paragraphMultiYear || MULTI_YEAR_RE.test(upTo) || (paraPart === 'review' && /累计/.test(clauseLeft) && /五年|以来/.test(upTo));
        if (paraPart === 'plan') {
          // A five-year plan's goal (“十四五”时期…年均增长8%左右, 今后五年…): several years, not the plan year's target.
          if (/年均|累计/.test(clauseLeft) || PLAN_PERIOD_RE.test(upTo)) return { kind: 'cumulative', years: planYears(upTo) ?? range(planYear, planYear + 4) };
          // A plan paragraph recalling last year's outcome (2023年…完成).
          if (last !== undefined && last < planYear) return { kind: 'actual', years: [last] };
          return { kind: 'target', years: [last ?? planYear] };
        }
        if (multiYear) return { kind: 'cumulative', years: last && last !== reviewYear ? [last] : range(reviewYear - 4, reviewYear) };
        const years = [last !== undefined && last <= reviewYear ? last : reviewYear];
        return { kind: estimate || /预计/.test(clauseLeft) ? 'estimate' : 'actual', years };
      };

      if (inClause.length === 0) {
        const sync = SYNC_RE.exec(ctext);
        if (sync) {
          // Each of 人均GDP、全员劳动生产率、人均可支配收入 is to grow in step.
          const subjects = readLeftSubject(ctext.slice(0, sync.index)).split('、').filter(Boolean);
          const at = clause.start + sync.index;
          const { kind, years } = kindOf(text.slice(sentenceStart, at), text.slice(clause.start, at));
          for (const subject of subjects) {
            const from = clause.start + Math.max(0, ctext.indexOf(subject));
            records.push({
              ...base, kind, years, value: null, unit: '', written: para.text.slice(at + (sync[0].startsWith('预计') ? 2 : 0), at + sync[0].length), qualifiers: ['同步'], measure: 'growth', subject, link: '',
              comparison: false, span: { start: at + (sync[0].startsWith('预计') ? 2 : 0), end: at + sync[0].length }, statement: { start: from, end: at + sync[0].length },
            });
          }
        }
        if (clause.end - clause.start > CHAIN_BREAK_CHARS) {
          roots = [];
        }
        const named = readLeftSubject(ctext);
        pending = !sync && named && clause.end - clause.start <= CHAIN_BREAK_CHARS ? { subject: named, start: clause.start } : undefined;
        continue;
      }
      const respectively = ctext.indexOf('分别');
      const lists = bindFigureLists(text, clause, respectively >= 0 ? clause.start + respectively : -1, inClause, roots, group);
      const byFigure = new Map<Figure, QuantityRecord>();

      inClause.forEach((tok, k) => {
        const segStart = subjectStart(text, k > 0 ? inClause[k - 1].end : clause.start, tok.start);
        const leftRaw = text.slice(segStart, tok.start);
        const binding = lists.bound.get(tok);
        const isBound = binding !== undefined;
        let subject = binding?.subject ?? readLeftSubject(leftRaw);
        const right = readRightSubject(text.slice(tok.end, k + 1 < inClause.length ? inClause[k + 1].start : clause.end));
        // 新增43个起降点: a short verb before, the noun after; 6个省重点项目和24个市重点项目: the noun after.
        let statementEnd = tok.end;
        // A rank (第3位) counts nothing: its noun is not the one after it.
        if (!isBound && !tok.ordinal && measureOf(tok.unit) === 'count' && right) {
          subject = subject.length <= 4 ? `${subject}${right}` : right;
          // The statement runs on to the noun it counts: 推进199个重点项目建设.
          const at = text.indexOf(right, tok.end);
          if (at >= 0 && at <= tok.end + 1) statementEnd = at + right.length;
        }
        const at = subject && !isBound ? leftRaw.lastIndexOf(subject.slice(0, 4)) : -1;
        // 全年实现地区生产总值157.5亿元: a short lead-in without figures belongs to the statement.
        let statementStart = binding ? binding.statementStart : at >= 0 && (at > 12 || /\d/.test(leftRaw.slice(0, at))) ? segStart + at : segStart;
        let link = at >= 0 ? leftRaw.slice(at + Math.min(subject.length, leftRaw.length - at)) : leftRaw;
        if (subject && leftRaw.includes(subject)) link = leftRaw.slice(leftRaw.lastIndexOf(subject) + subject.length);
        // The figure a subject-less one belongs to: the last one in the sentence with a subject of its own
        // (…7800万美元，占年目标的107%，同比增长12.5%: the growth is of 实际利用外资, not of the share).
        // 总投资约3亿元的100个老旧小区: the figure before 的 describes this one; the statement holds both.
        const own = records.at(-1);
        if (!isBound && leftRaw.trim() === '的' && own && own.paragraphId === para.id && own.span.end === tok.start - 1) statementStart = own.statement.start;
        const prev: Pick<QuantityRecord, 'subject' | 'statement'> | undefined =
          roots.at(-1) ?? (pending && { subject: pending.subject, statement: { start: pending.start, end: pending.start } });
        let inherited = false;
        // 增长14.44%(年度目标7%左右): the year's target for the figure just before, stated beside its outcome.
        const last = records.at(-1);
        const besideTarget =
          !isBound && last && last.paragraphId === para.id && last.unit === tok.unit && STATED_TARGET_RE.test(leftRaw) && text.slice(last.span.end, tok.start) === leftRaw;
        /** 城乡居民人均可支配收入25195元和8812元，均增长8.6%: one figure for each subject of the list before it. */
        let shared: QuantityRecord[] = [];
        if (besideTarget) {
          subject = last.subject;
          statementStart = last.statement.start;
          // The statement closes its bracket.
          if (/^\s*[）)]/.test(text.slice(tok.end))) statementEnd = text.indexOf(text.slice(tok.end).trimStart()[0], tok.end) + 1;
          inherited = true;
        } else if (!isBound && prev && /^[占比]/.test(subject)) {
          // 完成投资148.5亿元，占年度投资目标的105%: a share of the previous figure, stated with it.
          subject = `${prev.subject}${subject}`;
          statementStart = prev.statement.start;
          inherited = true;
        } else if (!isBound && prev && isGenericSubject(subject)) {
          // 同比增长7.1% / 总量居全市第4位: the previous figure's subject.
          // An aspect word stays (增速, 总量); a year compared with (是2011年) does not.
          const aspect = subject && !/^(同比|分别|均|较|比|其|其中)$/.test(subject) && !/\d{4}年|上年|去年|前年|同期/.test(subject) ? subject : '';
          subject = `${prev.subject}${aspect}`;
          statementStart = prev.statement.start;
          link = leftRaw;
          inherited = true;
          if (group.length >= 2 && records.at(-1) === group.at(-1) && inClause.length === 1 && /[均都]/.test(leftRaw)) shared = group;
        }
        const reading = classifyMeasure(tok, binding ? binding.near : inherited ? leftRaw : link || leftRaw, subject);
        const clauseLeft = text.slice(clause.start, tok.start);
        const qualifiers = [...tok.qualifiers];
        for (const q of CLAUSE_QUALIFIERS) if (clauseLeft.includes(q) && !qualifiers.includes(q)) qualifiers.push(q);
        const adjacent = leftRaw.replace(/[为达到在了\s]+$/, '');
        for (const q of ADJACENT_QUALIFIERS) if (adjacent.endsWith(q) && !qualifiers.includes(q)) qualifiers.push(q);
        if (reading.decline) qualifiers.push('下降');
        const condition = CONDITION_RE.exec(leftRaw);
        if (condition) qualifiers.push(condition[0]);
        let { kind, years } = kindOf(text.slice(sentenceStart, tok.start), clauseLeft);
        if (besideTarget) {
          kind = 'target';
          years = last.years;
        } else if (paraPart !== 'plan') {
          // 由A增长到B: A is the level at the start (the year written with it, else the year before the
          // period), B at its end; 达到X in a five-year review: the level at its end.
          const multi = kind === 'cumulative';
          if (lists.from.has(tok)) {
            kind = 'actual';
            years = [lists.from.get(tok) ?? (multi ? reviewYear - 5 : reviewYear - 1)];
          } else if (lists.to.has(tok)) {
            kind = 'actual';
            years = [lists.to.get(tok) ?? reviewYear];
          } else if (multi && (reading.measure === 'level' || reading.measure === 'perCapita') && REACHED_RE.test(leftRaw) && !SUMMED_RE.test(clauseLeft)) {
            kind = 'actual';
            years = years.length === 1 ? years : [reviewYear];
          }
        }
        const rec: QuantityRecord = {
          ...base,
          kind,
          years,
          value: tok.ratio ? null : tok.value,
          unit: tok.unit,
          written: para.text.slice(tok.start, tok.end),
          qualifiers,
          measure: besideTarget ? last.measure : reading.measure,
          subject,
          link: (binding ? binding.near : link).trim(),
          comparison: reading.comparison,
          span: { start: tok.start, end: tok.end },
          statement: { start: statementStart, end: statementEnd },
        };
        // A range (5%—5.5%): its high end; `written` holds the whole.
        if (tok.upper !== undefined) rec.upper = tok.upper;
        if (shared.length) {
          const aspect = rec.subject.slice(prev!.subject.length);
          for (const r of shared) records.push({ ...rec, subject: `${r.subject}${aspect}`, statement: { start: r.statement.start, end: statementEnd } });
        } else records.push(rec);
        byFigure.set(tok, rec);
        if (!inherited) roots.push(rec);
      });
      const bound = lists.groups.at(-1);
      if (bound) group = bound.map((f) => byFigure.get(f)!);
      pending = undefined;
    }
  }
  return records;
}

/** The years of a five-year plan named in the text: 十三五 → 2016–2020. */
function planYears(text: string): number[] | undefined {
  const plan = planPeriod(text);
  return plan && range(plan.from, plan.to);
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let y = a; y <= b; y++) out.push(y);
  return out;
}
