// List questions answered from the section tree: the headings of the section
// asked about, each cited to its own paragraph.
import type { Evidence } from './Answerer.js';

export function composeListAnswer(evidence: Evidence[]): string | undefined {
  const byReport = new Map<string, Evidence[]>();
  for (const e of evidence) {
    const heading = headingOf(e.text);
    if (!heading) continue;
    byReport.set(e.reportId, [...(byReport.get(e.reportId) ?? []), e]);
  }
  const parts: string[] = [];
  for (const items of byReport.values()) {
    if (items.length < 2) continue;
    const first = items[0];
    const section = first.section.split(' › ')[0].replace(/^[一二三四五六七八九十]+、/, '');
    const lines = items.map((e) => `${headingOf(e.text)}[${e.marker}]`);
    // No count in the intro: a number there would be a figure without a source.
    parts.push(`${first.district}${first.year}年政府工作报告“${section}”部分包括以下方面：\n${lines.join('；\n')}。`);
  }
  return parts.length ? parts.join('\n\n') : undefined;
}

/** "（一）着力促进经济全面回升。坚持…" → "（一）着力促进经济全面回升" */
function headingOf(text: string): string | undefined {
  const m = /^([（(][一二三四五六七八九十]+[）)])([^。！？]*)/.exec(text);
  return m ? m[1] + m[2] : undefined;
}
