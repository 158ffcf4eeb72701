// List questions answered from the section tree: the headings of the section
// asked about, each cited to its own paragraph.
import { type Evidence, LIST_INTRO } from '../../../retrieval/public.js';
import { type AnswerLanguage, placeEn, possessive } from './english.js';

export function composeSectionListAnswer(evidence: Evidence[], lang: AnswerLanguage = 'zh'): string | undefined {
  const byReport = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const heading = headingOf(e.text);
    if (!heading) continue;
    byReport.set(e.reportId, [...(byReport.get(e.reportId) ?? []), e]);
  }
  const parts: string[] = [];
  for (const all of byReport.values()) {
    // A report that numbers its headings lists those: a lead sentence among them heads items inside one.
    const numbered = all.filter((e) => NUMBERED.test(e.text));
    const headed = numbered.length ? numbered : all;
    // One part of the report: the headings under the top section most of them share (a （二） of
    // another part is not one of this list's).
    const topOf = (e: Evidence) => e.section.split(' › ')[0];
    const count = (top: string) => headed.filter((e) => topOf(e) === top).length;
    const main = topOf(headed.reduce((a, b) => (count(topOf(b)) > count(topOf(a)) ? b : a)));
    const items = headed.filter((e) => topOf(e) === main);
    if (items.length < 2) continue;
    const first = items[0];
    const section = first.section.split(' › ')[0].replace(/^[一二三四五六七八九十]+、/, '');
    const lines = items.map((e) => `${headingOf(e.text)}[${e.marker}]`);
    // The report's own introduction (主要做了7个方面工作), cited, when it is in the evidence; no count
    // of our own: a number there would be a figure without a source.
    const introParagraph = evidence.find((e) => e.reportId === first.reportId && !headingOf(e.text) && LIST_INTRO.test(e.text));
    // Only the sentence that introduces the list (一年来，我们主要做了以下工作：), not the paragraph before it.
    const intro = introParagraph && { ...introParagraph, text: introParagraph.text.split(/(?<=[。！？!?])/u).pop()!.trim() };
    if (lang === 'en') {
      const said = intro ? ` (“${intro.text.replace(/[：:。]$/, '')}”[${intro.marker}])` : '';
      parts.push(`The part “${section}” of ${possessive(placeEn(first.place))} ${first.year} government work report${said} lists:\n${lines.join(';\n')}.`);
      continue;
    }
    const lead = intro ? `${intro.text.replace(/[：:。]$/, '')}[${intro.marker}]：` : '包括以下方面：';
    parts.push(`${first.place}${first.year}年政府工作报告“${section}”部分${intro ? '，' : ''}${lead}\n${lines.join('；\n')}。`);
  }
  return parts.length ? parts.join('\n\n') : undefined;
}

/**
 * A paragraph's own heading: numbered ("（一）着力促进经济全面回升。坚持…" → "（一）着力促进经济全面回升"),
 * or, in reports without numbers, a short lead sentence that its items follow ("做强口岸经济。一是…"
 * → "做强口岸经济"): the items' marker right after it says the sentence heads them.
 */
const NUMBERED = /^([（(][一二三四五六七八九十]+[）)])([^。！？]*)/;

function headingOf(text: string): string | undefined {
  const m = NUMBERED.exec(text);
  if (m) return m[1] + m[2];
  const lead = /^([^，,、；;：:。！？\d“”"]{4,16})。(?=一是|一要|一方面|首先|[（(]1[）)]|1[.．、]|①)/u.exec(text);
  return lead?.[1];
}
