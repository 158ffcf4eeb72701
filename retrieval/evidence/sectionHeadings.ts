// List questions ("重点工作有哪些", "2023年做了哪几个方面的工作") are answered by the
// section tree, not by word overlap: the headings of the section asked about.
import type { Paragraph, Report } from '../types.js';

/** A section's own introduction to its headings: 2023年,我们主要做了7个方面工作。/ 重点做好以下六个方面工作： */
export const LIST_INTRO = /(?:以下|方面|[一二三四五六七八九十\d]+项)[^，,。]{0,6}工作[：:。]?$/;

/** Headings of the section a list question asks about: the plan's tasks, or the review's achievements. */
export function sectionHeadings(question: string, reports: Report[]): Paragraph[] {
  const wantsReview = /回顾|做了|完成了|成绩|成效|去年|过去/.test(question);
  const wantsSelf = /自身建设|政府建设/.test(question);
  const out: Paragraph[] = [];
  for (const r of reports) {
    const top = r.sections;
    const section =
      (wantsSelf && top.find((s) => /自身建设/.test(s.title))) ||
      (wantsReview && top.find((s) => /回顾/.test(s.title))) ||
      top.find((s) => /重点|安排|任务/.test(s.title) && s.children.length > 0) ||
      [...top].sort((a, b) => b.children.length - a.children.length)[0];
    if (!section) continue;
    const byId = new Map(r.paragraphs.map((p) => [p.id, p]));
    if (section.children.length) {
      for (const c of section.children) out.push(byId.get(c.paragraphId)!);
    } else {
      const start = byId.get(section.paragraphId)!.index;
      out.push(...r.paragraphs.filter((p) => p.index > start && p.sectionId === `${section.id}` && p.lead));
    }
  }
  return out;
}
