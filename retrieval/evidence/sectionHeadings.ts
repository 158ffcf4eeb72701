// List questions ("重点工作有哪些", "2023年做了哪几个方面的工作", "要抓哪七个方面") are answered
// by the section tree, not by word overlap with the body: the headings of the section the
// question names. Reports hold several lists of headings (the review's achievements, a
// five-year plan's tasks, the year's work, the government's own conduct), so each
// candidate section is weighed by what the question says about it: its words in the
// section's title or in its headings, the number of items it asks for (七个方面, 十二大工程),
// the year and part it points to, and whether it asks about a multi-year plan or the
// government itself.
import { parseNumeral } from '../quantities/parseNumeral.js';
import type { Paragraph, ParsedQuery, Report, Section } from '../types.js';

/** A section's own introduction to its headings: 2023年,我们主要做了7个方面工作。/ 重点做好以下六个方面工作： */
export const LIST_INTRO = /(?:以下|方面|[一二三四五六七八九十\d]+项)[^，,。]{0,6}工作[：:。]?$/;

/** Words that ask about the past year's work rather than the coming one's. */
const ASKS_REVIEW = /回顾|做了|完成了|成绩|成效|去年|过去|取得/;
/** A section of a multi-year plan or review: 十四五时期主要目标任务, 过去五年工作回顾. */
const MULTI_YEAR = /十[一二三四五六七八九]五|五年|时期/;
const SELF = /自身建设|政府建设/;
/** "哪七个方面", "八方面", "十二大工程", "10件实事": the number of items the question expects. */
const ITEM_COUNT = /([一二两三四五六七八九十]{1,3}|\d{1,2})(?:个|项|件|大|条|方面|类|块)/u;

/** Headings of the section a list question asks about, in each report. */
export function sectionHeadings(question: string, reports: Report[], query?: Pick<ParsedQuery, 'yearRole'>): Paragraph[] {
  const out: Paragraph[] = [];
  for (const r of reports) {
    const section = bestSection(question, r, query);
    if (!section) continue;
    const byId = new Map(r.paragraphs.map((p) => [p.id, p]));
    if (section.children.length) {
      for (const c of section.children) out.push(byId.get(c.paragraphId)!);
    } else {
      const start = byId.get(section.paragraphId)!.index;
      out.push(...r.paragraphs.filter((p) => p.index > start && p.sectionId === section.id && p.lead));
    }
  }
  return out;
}

function bestSection(question: string, r: Report, query?: Pick<ParsedQuery, 'yearRole'>): Section | undefined {
  const candidates = [...r.sections, ...r.sections.flatMap((s) => s.children.filter((c) => c.children.length >= 2))];
  if (candidates.length === 0) return undefined;
  const asked = questionGrams(question, r);
  const count = itemCount(question);
  const wantsReview = ASKS_REVIEW.test(question) || query?.yearRole === 'actual';
  const wantsMultiYear = MULTI_YEAR.test(question);
  const wantsSelf = SELF.test(question);
  const partOf = (s: Section) => r.paragraphs.find((p) => p.id === s.paragraphId)?.part;
  const score = (s: Section): number => {
    let n = 0;
    n += shared(asked, grams(s.title));
    // Words the headings share (每项都"聚焦…", 都是"…工程") name the list as well as its title does.
    const childTitles = s.children.map((c) => grams(c.title));
    if (childTitles.length) n += [...asked].filter((g) => childTitles.filter((t) => t.has(g)).length * 2 >= childTitles.length).length * 2;
    if (count !== undefined) n += s.children.length === count ? 4 : -1;
    const review = partOf(s) === 'review' || /回顾/.test(s.title);
    n += wantsReview === review ? 2 : 0;
    // 十四五时期主要目标任务 is the period's list; 十三五时期和2020年工作回顾 is the year's too.
    if (MULTI_YEAR.test(s.title) && !/\d{4}年/.test(s.title)) n += wantsMultiYear ? 2 : -2;
    if (SELF.test(s.title)) n += wantsSelf ? 4 : -2;
    if (s.children.length === 0) n -= 1;
    return n;
  };
  let best = candidates[0];
  let bestScore = -Infinity;
  for (const s of candidates) {
    const sc = score(s);
    // Equal weight: the longer list (a section of headings over one of loose paragraphs).
    if (sc > bestScore || (sc === bestScore && s.children.length > best.children.length)) {
      best = s;
      bestScore = sc;
    }
  }
  return best;
}

function itemCount(question: string): number | undefined {
  const m = ITEM_COUNT.exec(question);
  if (!m) return undefined;
  const n = parseNumeral(m[1]);
  return n !== undefined && n >= 2 ? n : undefined;
}

/** Character pairs of the Han text of `s`. */
function grams(s: string): Set<string> {
  const out = new Set<string>();
  for (const run of s.match(/\p{Script=Han}+/gu) ?? []) for (let i = 0; i + 2 <= run.length; i++) out.add(run.slice(i, i + 2));
  return out;
}

/** The question's character pairs, without the report's place name, years and numbers. */
function questionGrams(question: string, r: Report): Set<string> {
  const place = r.meta.place;
  const bare = question.replaceAll(place, ' ').replaceAll(place.slice(0, -1), ' ').replace(/\d{4}年/g, ' ');
  return grams(bare);
}

function shared(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const g of a) if (b.has(g)) n++;
  return n;
}
