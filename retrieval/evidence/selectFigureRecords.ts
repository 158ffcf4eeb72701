// Figure questions answered from the quantity records: each ask of the question ("要推进多少个
// 重点项目，年度投资目标是多少") is matched against record subjects by its content words, among
// the records of the right reports, part and year; the best record answers it when it covers
// enough of the question. When the best record is the one an indicator row was read from, the
// row answers instead (its wording is better), so the indicator tables stay the fast path.
import { DEFAULTS } from '../defaults.js';
import { indicatorDef } from '../indicators/vocabulary.js';
import type { Corpus, IndicatorRow, ParsedQuery, QuantityKind, QuantityRecord, Report } from '../types.js';
import { matchQuantities, type MatchTerm, type QuantityMatch } from '../quantities/matchQuantities.js';
import { ASKS_FIGURE } from '../query/measureWords.js';
import { splitAsks } from '../query/splitAsks.js';
import { newestReportPerPlace } from './newestReportPerPlace.js';
import { questionWords } from './questionWords.js';

/** Words that frame a figure question without naming what is counted. */
const FIGURE_FRAME = new Set([
  '多少', '几', '是', '为', '目标', '计划', '预期', '打算', '要', '增长', '增速', '增幅', '总量', '占比', '比重', '完成',
  '实现', '达到', '是否', '了', '的', '呢', '吗', '什么', '有', '量化', '全年', '年度目标', '排名', '第几', '多少钱', '多少亿',
  '数', '达', '能', '会', '将', '准备', '个', '家', '项', '人', '亿元', '万元', '年', '共', '一共', '总共', '分别', '可以', '实际', '人次', '多少人', '多少个', '三个', '两个', '各区', '对比', '一下', '比较',
  // How much of a thing, not which thing: 钾肥产量 is asked of 钾肥 (reports write 生产钾肥…万吨).
  '产量', '数量',
  // The basis of a change, not its subject: 同比增长 is a growth of whatever is named.
  '同比', '环比', '比上年', '较上年',
  // Which way, not of what: 涨了还是跌了; how far, as 达到 asks it: 十四五末到了多少.
  '还是', '到了',
]);

/** Words that say when (去年, 同一年, 十三五期间) — query understanding has turned them into a year or period already. */
const TIME_WORD = /^(?:去年|今年|明年|前年|当年|同年|同一年|同一|一年|那年|上年|本年|全年|十[一二三四五六]五|十[一二三四五六]|[一二三四五六]五|期间|时期|期末|末)$/u;

export interface FigureSelection {
  /** Records that answer asks no indicator row answers, in ask order. */
  records: QuantityRecord[];
  /** Whether the indicator rows answer (some ask's best record is a row's). */
  useRows: boolean;
  /** Whether the question asks for a figure at all. */
  asksFigure: boolean;
  /** Whether some ask found a record (or row) stating its figure. */
  answered?: boolean;
}

/** `context` is the previous user turn, for follow-ups that name no subject ("2024年的目标是多少？"). */
export function selectFigureRecords(
  corpus: Corpus,
  query: ParsedQuery,
  question: string,
  reports: Report[],
  rows: IndicatorRow[],
  context?: string,
): FigureSelection {
  const none = { records: [], useRows: rows.length > 0, asksFigure: false };
  if (!['target', 'actual', 'compare'].includes(query.intent) || corpus.quantities.length === 0) return none;
  // Comparisons side by side come from the tables; records answer them only when no row does.
  if (query.intent === 'compare' && rows.length) return none;
  const candidates = candidateRecords(corpus, query, question, reports);
  const text = new Map<string, string>();
  const sentenceOf = (r: QuantityRecord) => {
    const para = corpus.paragraphById.get(r.paragraphId)?.text ?? '';
    const key = `${r.paragraphId}:${r.span.start}`;
    let s = text.get(key);
    if (s === undefined) {
      const before = para.lastIndexOf('。', r.span.start);
      const after = para.indexOf('。', r.span.end);
      s = para.slice(before + 1, after < 0 ? para.length : after);
      text.set(key, s);
    }
    return s;
  };
  // A row's span is its record's statement.
  const statementKey = (paragraphId: string, span: { start: number; end: number }) => `${paragraphId}:${span.start}:${span.end}`;
  const rowKeys = new Set(rows.map((r) => statementKey(r.paragraphId, r.span)));
  const isRow = (m: QuantityMatch) => rowKeys.has(statementKey(m.record.paragraphId, m.record.statement));

  const records: QuantityRecord[] = [];
  let useRows = false;
  let answered = false;
  let previousTerms: MatchTerm[] = context && !query.indicator ? termsOf(corpus, query, context, rows) : [];
  const asks = splitAsks(question);
  for (const ask of asks) {
    let terms = termsOf(corpus, query, ask.text, rows);
    // "增长多少" after "GDP是多少": the same subject.
    if (terms.length === 0) terms = previousTerms;
    previousTerms = terms;
    if (terms.length === 0) continue;
    const matches = matchQuantities(candidates, terms, sentenceOf, { measures: ask.measures, comparisons: ask.measures?.includes('rank') });
    // Of equally good records, the one next to the figure the previous ask found (推进199个重点项目建设,
    // 年度完成投资155亿元: one topic, one sentence).
    const near = records.at(-1);
    const top = matches.filter((m) => m.coverage === matches[0]?.coverage);
    const best = (near && top.find((m) => m.record.paragraphId === near.paragraphId)) || matches[0];
    const rowMatch = matches.find(isRow);
    if (!best || best.coverage < DEFAULTS.evidence.minFigureCoverage) {
      // The question's words name more than the indicator does (税收收入 is not 居民收入): no row answers.
      // (A row's record among the candidates that matched nothing covers nothing.)
      const rowCoverage = rowMatch?.coverage ?? (candidates.some((r) => rowKeys.has(statementKey(r.paragraphId, r.statement))) ? 0 : undefined);
      if (rows.length && !(rowCoverage !== undefined && rowCoverage < DEFAULTS.evidence.minFigureCoverage)) useRows = true;
      continue;
    }
    // A row states the same figure at least as well: the table answers this ask — unless the
    // statement gives a share with it, which no row holds (then the statement answers, whole).
    const shares = rowMatch && !ask.measures ? candidates.filter((r) => companionOf(rowMatch.record, r)) : [];
    if (rowMatch && rowMatch.coverage >= best.coverage && !shares.some((r) => r.measure === 'share')) {
      useRows = true;
      answered = true;
      continue;
    }
    if (rowMatch && rowMatch.coverage >= best.coverage) {
      for (const r of [rowMatch.record, ...shares]) if (!records.includes(r)) records.push(r);
      answered = true;
      continue;
    }
    // 是多少 for something the report gives level and growth, or level and share, for: all, from the
    // same statement (民生支出354.02亿元，占公共财政预算支出74%: the share is of the amount asked).
    const others = ask.measures ? [] : candidates.filter((r) => companionOf(best.record, r));
    for (const r of [best.record, ...others]) if (!records.includes(r)) records.push(r);
    answered = true;
  }
  return { records, useRows, asksFigure: true, answered };
}

/** A figure of the same statement as `best`, of its subject, measured another way (its growth, its share). */
function companionOf(best: QuantityRecord, r: QuantityRecord): boolean {
  return (
    r !== best &&
    r.paragraphId === best.paragraphId &&
    r.statement.start === best.statement.start &&
    r.subject.startsWith(best.subject) &&
    r.measure !== best.measure &&
    !r.comparison
  );
}

/** The records a figure question may be answered from: its reports, the part and year it asks about. */
function candidateRecords(corpus: Corpus, query: ParsedQuery, question: string, reports: Report[]): QuantityRecord[] {
  // No year named: each place's newest report speaks for it.
  const ids = new Set((query.year === undefined ? newestReportPerPlace(reports) : reports).map((r) => r.meta.id));
  const multiYear = /五年|累计|年均|以来|十[二三四五]五/.test(question);
  const kindsOf = (role: ParsedQuery['yearRole']): QuantityKind[] => [
    ...(role === 'target' ? ['target' as const] : role === 'actual' ? ['actual' as const, 'estimate' as const] : ['target' as const, 'actual' as const, 'estimate' as const]),
    ...(multiYear ? ['cumulative' as const] : []),
  ];
  // Each year with what the question wants of it (2009年实际… 2010年目标), else the one role for the one year.
  const wanted = query.yearRoles ?? [{ year: query.year, role: query.yearRole }];
  // 十三五期间: the multi-year figures of that period, not of the one before it.
  const inPeriod = (r: QuantityRecord) => !query.period || r.years.some((y) => y >= query.period!.from && y <= query.period!.to);
  return corpus.quantities.filter(
    (r) =>
      ids.has(r.reportId) &&
      inPeriod(r) &&
      wanted.some(
        (w) => kindsOf(w.role).includes(r.kind) && (w.year === undefined || r.years.includes(w.year) || (multiYear && r.kind === 'cumulative')),
      ),
  );
}

/** Content words of one ask, longest first; the indicator the question names is covered by its labels. */
function termsOf(corpus: Corpus, query: ParsedQuery, text: string, rows: IndicatorRow[]): MatchTerm[] {
  const folded = text.toLowerCase();
  const mention = query.indicatorMention?.toLowerCase();
  const tokens = questionWords(corpus, folded, query, FIGURE_FRAME)
    // Chinese words only: the records are Chinese, and English frame words (what, is, for) would dilute.
    // (几家, 多少个: the asking itself, not what is asked of.)
    .filter((t) => !FIGURE_FRAME.has(t) && !TIME_WORD.test(t) && /[\u4e00-\u9fff]/.test(t) && t.length > 1 && !(t.length <= 3 && ASKS_FIGURE.test(t)));
  // An alias inside a longer word of the question (收入 in 税收收入, 投资 in 项目投资) does not name
  // the indicator: the longer word is what is asked about.
  const swallowed = mention !== undefined && tokens.some((t) => t !== mention && t.includes(mention));
  const inMention = (t: string) => !swallowed && mention !== undefined && folded.includes(mention) && mention.includes(t);
  const words = [...new Set(tokens)].filter((t) => !inMention(t) && !tokens.some((o) => o !== t && o.includes(t) && !inMention(o)));
  const terms: MatchTerm[] = words.map((w) => ({ term: w, parts: tokens.filter((t) => t !== w && w.includes(t) && (!swallowed || t !== mention)) }));
  // The head: the word right after 多少/几 (改造多少个老旧小区), else the one right before it (签约额多少).
  const ask = /多少|几/.exec(folded);
  if (ask && terms.length > 1) {
    const after = terms.map((t) => ({ t, at: folded.indexOf(t.term, ask.index) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at)[0];
    const before = terms.map((t) => ({ t, at: folded.lastIndexOf(t.term, ask.index) })).filter((x) => x.at >= 0 && x.at < ask.index).sort((a, b) => b.at - a.at)[0];
    const head = after && after.at - ask.index <= 3 ? after.t : before?.t ?? after?.t;
    if (head) {
      head.head = true;
      // The phrase the figure is asked of: the head and the words written against it (出生 + 人口).
      const at = (t: MatchTerm) => folded.indexOf(t.term);
      const phrase = [head];
      for (let grew = true; grew; ) {
        grew = false;
        for (const t of terms) {
          // An indicator's name says all of the subject: the phrase does not run on past it (十三五期间 + GDP).
          if (phrase.includes(t) || at(t) < 0 || phrase.some((p) => p.synonyms)) continue;
          const joined = (a: MatchTerm, b: MatchTerm) => at(b) >= at(a) + a.term.length && /^的?$/u.test(folded.slice(at(a) + a.term.length, at(b)));
          const touches = phrase.some((p) => joined(t, p) || joined(p, t));
          if (touches) {
            phrase.push(t);
            grew = true;
          }
        }
      }
      for (const t of phrase) t.phrase = true;
    }
  }
  if (mention && query.indicator && !swallowed && (folded.includes(mention) || terms.length === 0)) {
    // The indicators asked, and the family members whose rows answer a generic mention (财政收入 → 财政总收入).
    const names = [...new Set([...(query.indicators ?? [query.indicator]), ...rows.map((r) => r.indicator)])];
    // A label that also names a sibling statistic (失业率 of 登记失业率) covers only a question that is itself that generic.
    const siblingLabels = (n: string) => (indicatorDef(n)?.family ?? []).flatMap((f) => [f, ...(indicatorDef(f)?.labels ?? [])]);
    const specific = (n: string, label: string) => !siblingLabels(n).some((s) => s.includes(label)) || siblingLabels(n).some((s) => s.includes(mention));
    // 农村居民人均可支配收入 asked: 城镇居民人均可支配收入 is a sibling wording, not a synonym.
    const sibling = (n: string, label: string) => mention !== n && mention.includes(n) && label.includes(n) && label !== n && label !== mention && !mention.includes(label);
    const synonyms = names.flatMap((n) => [n, ...(indicatorDef(n)?.labels ?? []).filter((l) => specific(n, l) && !sibling(n, l))]);
    terms.unshift({ term: mention, synonyms, inSubject: true });
  }
  return terms;
}

