// Figure answers from quantity records: each record's statement in the report's own words
// ("积极推进199个重点项目建设"), with its place and year, cited to its paragraph.
import { type Evidence, planPeriodOf, type QuantityRecord } from '../../../retrieval/public.js';
import { type AnswerLanguage, placeEn, possessive } from './english.js';

/** List markers and connectives that open a statement but say nothing: 一是, （二）, 其中, 同时. */
const OPENING_RE = /^(?:[，,、；;：:\s]|[一二三四五六七八九十]+是|（[一二三四五六七八九十\d]+）|\([一二三四五六七八九十\d]+\)|[①-⑳]|其中|同时|此外|另外)+/;

/**
 * 由“十二五”末的29.1亿元增长到50.1亿元: a change from one year's figure to another's. Its words say
 * which year each figure is of; a year in the lead would claim both for one.
 */
const CHANGE_TO_RE = /[由从][^，,。；;]*\d[^，,。；;]*(?:到|至)\s*$/;

export function statementText(record: QuantityRecord, paragraphText: string): string {
  const whole = paragraphText.slice(record.statement.start, record.statement.end).replace(OPENING_RE, '').trim();
  // A multi-year figure whose subject is carried over other years' figures (地区生产总值由107.7亿元增至
  // 157.5亿元，是2011年的1.8倍，年均增长10.6%): the subject and the figure's own clause, so no other
  // year's figure is claimed for the period.
  if (record.kind !== 'cumulative') return whole;
  const clauseStart = Math.max(paragraphText.lastIndexOf('，', record.span.start), paragraphText.lastIndexOf(',', record.span.start)) + 1;
  const subjectEnd = paragraphText.indexOf(record.subject, record.statement.start);
  const between = subjectEnd >= 0 ? paragraphText.slice(subjectEnd + record.subject.length, clauseStart) : '';
  // Only over figures of other years: a year named (是2011年的1.8倍) or a change from one (由107.7亿元增至…).
  if (record.subject && subjectEnd >= 0 && clauseStart > subjectEnd + record.subject.length && /\d{4}年|[由从][^，,。；;]*\d[^，,。；;]*(?:增至|增长到|提高到|到|至)/.test(between)) {
    return `${record.subject}${paragraphText.slice(clauseStart, record.statement.end).trim()}`;
  }
  return whole;
}

/** "惠济区2024年的安排：积极推进199个重点项目建设[1]，年度完成投资155亿元以上[1]。" */
export function composeFigureAnswer(records: QuantityRecord[], evidence: Evidence[], lang: AnswerLanguage = 'zh'): string {
  const byParagraph = new Map(evidence.map((e) => [e.paragraphId, e]));
  const groups = new Map<string, QuantityRecord[]>();
  for (const r of records) {
    const key = `${r.place}|${r.years.join(',')}|${r.kind === 'target' ? 't' : 'a'}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const sentences: string[] = [];
  for (const group of groups.values()) {
    const head = group[0];
    // Five years of one plan are named as the reports name them: “十三五”时期.
    const plan = head.years.length > 1 ? planPeriodOf(head.years[0], head.years.at(-1)!) : undefined;
    const year = plan ? `“${plan.name}”时期` : head.years.length > 1 ? `${head.years[0]}—${head.years.at(-1)}年` : `${head.years[0]}年`;
    const years = head.years.length > 1 ? `${head.years[0]}–${head.years.at(-1)}` : `${head.years[0]}`;
    const what = head.kind === 'target' ? 'plan' : head.kind === 'estimate' ? 'estimate' : 'outcome';
    const change = group.some((r) => {
      const e = byParagraph.get(r.paragraphId);
      return e !== undefined && CHANGE_TO_RE.test(e.text.slice(r.statement.start, r.span.start));
    });
    const when = change ? '' : year;
    // English: the statement stays in the report's words, quoted, after an English lead.
    const lead =
      lang === 'en'
        ? `${possessive(placeEn(head.place))} government work report${change ? '' : `, ${years}`} (${what})`
        : head.kind === 'target'
          ? `${head.place}${when}的安排是`
          : head.kind === 'estimate'
            ? `${head.place}${when}预计`
            : `${head.place}${when}`;
    // Level and growth of one statement (…157.5亿元，同比增长7.1%) share its start: quote the longest once.
    const byStart = new Map<string, { said: string; marker: number }>();
    for (const r of group) {
      const e = byParagraph.get(r.paragraphId);
      if (!e) continue;
      // The lead already says 预计 for an estimate.
      const said = head.kind === 'estimate' ? statementText(r, e.text).replace(/^预计/, '') : statementText(r, e.text);
      const key = `${r.paragraphId}:${r.statement.start}`;
      const cur = byStart.get(key);
      if (!cur || said.length > cur.said.length) byStart.set(key, { said, marker: e.marker });
    }
    const clauses = [...byStart.values()].map((c) => (lang === 'en' ? `“${c.said}”[${c.marker}]` : `${c.said}[${c.marker}]`));
    if (clauses.length) sentences.push(lang === 'en' ? `${lead}: ${clauses.join('; ')}. ` : `${lead}：${clauses.join('；')}。`);
  }
  return sentences.join('').trim();
}
