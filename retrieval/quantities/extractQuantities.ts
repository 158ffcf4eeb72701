// Every number in every clause of a report → a typed quantity record.
//
// Paragraph by paragraph: the report part (review / five-year review / plan) from the section
// title; clause by clause: the numbers (findNumberTokens), each with its subject read on both
// sides (readSubject), its measure (classifyMeasure), qualifiers written around it, the kind
// (target / actual / estimate / cumulative) from the part and cue words, and the year(s).
// A figure with no subject of its own (…157.5亿元，同比增长7.1% / 总量居全市第4位) takes the
// previous figure's subject in the same sentence. 分别 binds each figure to its own subject.
import type { Paragraph, ReportMeta } from '../types.js';
import { classifyMeasure } from './classifyMeasure.js';
import { findNumberTokens, type NumberToken } from './findNumberTokens.js';
import type { QuantityKind, QuantityRecord, ReportPart } from './QuantityRecord.js';
import { readReportPart } from './readReportPart.js';
import { isGenericSubject, readLeftSubject, readRightSubject } from './readSubject.js';
import { splitClauses, type Clause } from './splitClauses.js';

export interface QuantityInput {
  meta: Pick<ReportMeta, 'id' | 'district' | 'reviewYear' | 'planYear'>;
  paragraphs: Pick<Paragraph, 'id' | 'text' | 'sectionPath' | 'isHeading'>[];
}

/** Qualifiers that hold for the whole clause wherever they are written (累计实施…重点项目526项). */
const CLAUSE_QUALIFIERS = ['同比', '同口径', '可比价', '累计', '年均', '预计', '力争'];
/** Qualifiers that only hold right before the number (约5000万元, 不低于8%). */
const ADJACENT_QUALIFIERS = ['约', '近', '超过', '不低于', '不少于', '不超过', '保持', '突破'];
const TARGET_PARAGRAPH_RE = /预期(?:目标|指标)(?:是|为)|主要(?:预期)?目标(?:是|为)/;
const MULTI_YEAR_RE = /五年来|过去五年|过去的五年|年均|十[二三四]五(?:期间|以来)|[两三四五]年来/;
const COUNTER_UNITS = new Set(['个', '家', '项', '所', '座', '条', '户', '件', '套', '台', '辆', '处', '场', '栋', '批', '支', '架', '宗', '笔', '间', '张', '名', '人', '万人', '次', '人次', '万户']);
const YEAR_RE = /(?<!\d)((?:19|20)\d{2})年/g;

export function extractQuantities(input: QuantityInput): QuantityRecord[] {
  const { id: reportId, district, reviewYear, planYear } = input.meta;
  const records: QuantityRecord[] = [];
  let part: ReportPart = 'cover';
  for (const para of input.paragraphs) {
    const text = para.text;
    const fromSection = para.sectionPath.length ? readReportPart(para.sectionPath[0], reviewYear, planYear) : undefined;
    if (fromSection) part = fromSection;
    else if (para.sectionPath.length) part = part === 'cover' ? 'review' : part;
    if (para.isHeading) continue;
    const paraPart: ReportPart = TARGET_PARAGRAPH_RE.test(text) ? 'plan' : part;
    if (paraPart === 'cover') continue;
    const paragraphMultiYear = paraPart === 'fiveYear' || (paraPart === 'review' && /^(五年来|过去的?五年)/.test(text));

    const clauses = splitClauses(text);
    const tokens = findNumberTokens(text);
    let sentence = -1;
    let sentenceRecords: QuantityRecord[] = [];
    let estimate = false;
    for (const clause of clauses) {
      if (clause.sentence !== sentence) {
        sentence = clause.sentence;
        sentenceRecords = [];
        estimate = false;
      }
      const sentenceStart = clauses.find((c) => c.sentence === clause.sentence)!.start;
      const ctext = text.slice(clause.start, clause.end);
      // 预计全年…，…: the estimate carries through the sentence.
      if (/预计/.test(ctext)) estimate = true;
      const inClause = tokens.filter((t) => t.start >= clause.start && t.end <= clause.end);
      const respectively = ctext.indexOf('分别');
      const bound = respectively >= 0 ? bindRespectively(text, clause, clause.start + respectively, inClause, sentenceRecords) : { subjects: new Map<NumberToken, string>(), near: '' };

      inClause.forEach((tok, k) => {
        const segStart = k > 0 ? inClause[k - 1].end : clause.start;
        const leftRaw = text.slice(segStart, tok.start);
        let subject = bound.subjects.get(tok) ?? readLeftSubject(leftRaw);
        const right = readRightSubject(text.slice(tok.end, k + 1 < inClause.length ? inClause[k + 1].start : clause.end));
        // 新增43个起降点: a short verb before, the noun after; 6个省重点项目和24个市重点项目: the noun after.
        if (!bound.subjects.has(tok) && COUNTER_UNITS.has(tok.unit) && right) subject = subject.length <= 4 ? `${subject}${right}` : right;
        const near = subject && leftRaw.lastIndexOf(subject) >= 0 ? leftRaw.slice(leftRaw.lastIndexOf(subject) + subject.length) : leftRaw;
        let inherited = false;
        if (!bound.subjects.has(tok) && /^[占比]/.test(subject) && sentenceRecords.length) {
          // 完成投资148.5亿元，占年度投资目标的105%: a share of the previous figure.
          subject = `${sentenceRecords[sentenceRecords.length - 1].subject}${subject}`;
          inherited = true;
        } else if (!bound.subjects.has(tok) && isGenericSubject(subject) && sentenceRecords.length) {
          // 同比增长7.1% / 总量居全市第4位: the previous figure's subject.
          const prev = sentenceRecords[sentenceRecords.length - 1];
          subject = subject && !/^(同比|分别|均|较|比|其|其中)$/.test(subject) ? `${prev.subject}${subject}` : prev.subject;
          inherited = true;
        }
        const reading = classifyMeasure(tok, bound.subjects.has(tok) ? bound.near : inherited ? leftRaw : near || leftRaw, subject);

        const upTo = text.slice(sentenceStart, tok.start);
        const qualifiers = [...tok.qualifiers];
        const clauseLeft = text.slice(clause.start, tok.start);
        for (const q of CLAUSE_QUALIFIERS) if (clauseLeft.includes(q) && !qualifiers.includes(q)) qualifiers.push(q);
        const adjacent = leftRaw.replace(/[为达到在了\s]+$/, '');
        for (const q of ADJACENT_QUALIFIERS) if (adjacent.endsWith(q) && !qualifiers.includes(q)) qualifiers.push(q);
        if (reading.decline) qualifiers.push('下降');

        const explicitYears = [...upTo.matchAll(YEAR_RE)].map((m) => Number(m[1]));
        const multiYear = paragraphMultiYear || MULTI_YEAR_RE.test(upTo) || (paraPart === 'review' && /累计/.test(clauseLeft) && /五年|以来/.test(upTo));
        let kind: QuantityKind;
        if (paraPart === 'plan') kind = 'target';
        else if (multiYear) kind = 'cumulative';
        else if (estimate || /预计/.test(clauseLeft)) kind = 'estimate';
        else kind = 'actual';
        let years: number[];
        const lastYear = explicitYears.at(-1);
        if (kind === 'cumulative') years = lastYear && lastYear !== reviewYear ? [lastYear] : range(reviewYear - 4, reviewYear);
        else if (kind === 'target') {
          years = [lastYear && lastYear >= planYear ? lastYear : planYear];
          // A plan paragraph recalling last year's outcome (2023年…完成).
          if (lastYear !== undefined && lastYear < planYear) {
            kind = 'actual';
            years = [lastYear];
          }
        } else years = [lastYear !== undefined && lastYear <= reviewYear ? lastYear : reviewYear];

        const rec: QuantityRecord = {
          reportId,
          paragraphId: para.id,
          district,
          part: paraPart,
          kind,
          years,
          value: tok.value,
          unit: tok.unit,
          written: tok.written,
          qualifiers,
          measure: reading.measure,
          subject,
          comparison: reading.comparison,
          span: { start: tok.start, end: tok.end },
          clause: { start: clause.start, end: clause.end },
        };
        records.push(rec);
        sentenceRecords.push(rec);
      });
    }
  }
  return records;
}

/**
 * 城镇和农村居民人均可支配收入分别增长4.5%和7.2% → 城镇居民人均可支配收入, 农村居民人均可支配收入.
 * 新增城镇就业3540人、农村劳动力转移就业244人，分别占年度任务的126%、152% → each share bound to
 * the figure it is the share of.
 */
function bindRespectively(
  text: string,
  clause: Clause,
  at: number,
  tokens: NumberToken[],
  previous: QuantityRecord[],
): { subjects: Map<NumberToken, string>; near: string } {
  const figures = tokens.filter((t) => t.start > at);
  const out = new Map<NumberToken, string>();
  const near = text.slice(at + 2, figures[0]?.start ?? at + 2);
  const result = { subjects: out, near };
  if (figures.length < 2) return result;
  const between = readLeftSubject(near);
  const before = text.slice(clause.start, at);
  const parts = readLeftSubject(before).split(/和|、|及|与|以及/).filter(Boolean);
  if (parts.length === figures.length) {
    const last = parts[parts.length - 1];
    figures.forEach((f, i) => {
      const p = parts[i];
      // A short part shares the last part's head noun: 城镇 + (农村)居民人均可支配收入.
      const subject = i < parts.length - 1 && p.length * 2 <= last.length ? p + last.slice(p.length) : p;
      out.set(f, `${subject}${between}`);
    });
    return result;
  }
  if (parts.length <= 1 && previous.length >= figures.length) {
    const subjects = previous.slice(-figures.length).map((r) => r.subject);
    figures.forEach((f, i) => out.set(f, `${subjects[i]}${between}`));
  }
  return result;
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let y = a; y <= b; y++) out.push(y);
  return out;
}
