// List questions about items written inside a paragraph ("必须坚持哪几条", "存在哪些问题和不足",
// "面临哪几方面困难"): the enumeration of the question's reports whose intro and items cover the
// question's words, when they cover them better than the section headings do.
import { DEFAULTS } from '../defaults.js';
import { questionWords } from './questionWords.js';
import { findEnumerations, type Enumeration } from '../lists/findEnumerations.js';
import { enumerationCoverage, matchEnumeration } from '../lists/matchEnumeration.js';
import type { Corpus, ParsedQuery, Report } from '../types.js';
import { readReportPart } from '../quantities/readReportPart.js';
import { sectionHeadings } from './sectionHeadings.js';

/** Words that ask for a list without saying of what. */
const LIST_FRAME = /^(?:哪几条|哪几|哪些|几条|几个|哪几个|几方面|几个方面|方面|条|说|是|有|报告|提出|主要|包括|什么|分别|哪|几)$/u;
/** A question asks for items: 哪些 / 哪几 / 有什么 / 几条. */
const ASKS_ITEMS = /哪些|哪几|有什么|几条|几个方面|几方面/u;

const byReport = new WeakMap<Report, Enumeration[]>();
function enumerationsOf(report: Report): Enumeration[] {
  let found = byReport.get(report);
  if (!found) byReport.set(report, (found = report.paragraphs.flatMap((p) => findEnumerations(p))));
  return found;
}

export function selectEnumeration(corpus: Corpus, query: ParsedQuery, question: string, reports: Report[]): { enumeration: Enumeration; coverage: number } | undefined {
  if (!(query.intent === 'list' || query.intent === 'open') || !ASKS_ITEMS.test(question) || reports.length > 20) return undefined;
  const folded = question.toLowerCase();
  const terms = [...new Set(questionWords(corpus, folded, query))].filter((t) => t.length > 1 && !LIST_FRAME.test(t) && !/^\d/.test(t));
  const words = terms.filter((t) => !terms.some((o) => o !== t && o.includes(t)));
  if (words.length === 0) return undefined;
  // The part of the report the question's year points to: the review for an outcome, the plan for a target.
  const fits = (r: Report, e: Enumeration) => {
    if (query.yearRole === 'any') return true;
    const part = readReportPart(corpus.paragraphById.get(e.paragraphId)?.sectionPath[0] ?? '', r.meta.reviewYear, r.meta.planYear);
    return part === undefined || (query.yearRole === 'target' ? part === 'plan' : part !== 'plan');
  };
  const best = matchEnumeration(reports.flatMap((r) => enumerationsOf(r).filter((e) => fits(r, e))), words);
  if (!best || best.coverage < DEFAULTS.evidence.minListCoverage) return undefined;
  // An open question ("科技创新取得了哪些成果") gets a list only when the list's intro says it is that list.
  if (query.intent === 'open' && enumerationCoverage({ ...best.enumeration, items: [] }, words) < DEFAULTS.evidence.minListCoverage) return undefined;
  if (query.intent === 'list') {
    // "工作重点有哪些方面": the section tree answers, unless the enumeration names the question better.
    const headings = sectionHeadings(question, reports, query);
    const asEnumeration: Enumeration = { paragraphId: '', intro: headings.map((p) => p.sectionPath[0] ?? '').join(' '), items: headings.map((p) => ({ start: 0, end: 0, text: p.text.slice(0, 40) })), kind: 'ordinal' };
    if (headings.length && enumerationCoverage(asEnumeration, words) >= best.coverage) return undefined;
  }
  return best;
}
