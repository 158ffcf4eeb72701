// List questions answered from an enumeration in running text: its intro in the report's words,
// then every item, each cited to the paragraph it is written in.
import type { Evidence } from '../../../retrieval/public.js';
import { type AnswerLanguage, placeEn, possessive } from './english.js';

export function composeEnumerationAnswer(evidence: Evidence[], lang: AnswerLanguage = 'zh'): string | undefined {
  const e = evidence.find((x) => x.list && x.list.items.length > 0);
  if (!e?.list) return undefined;
  const intro = e.list.intro.replace(/^[，,、\s]+|[，,、：:\s]+$/g, '');
  const items = e.list.items.map((i) => `${i.text.replace(/^[，,、：:\s]+|[，,、：:\s]+$/g, '')}[${e.marker}]`);
  if (lang === 'en') return `${possessive(placeEn(e.place))} ${e.year} government work report${intro ? ` (“${intro}”)` : ''} lists:\n${items.join(';\n')}.`;
  return `根据${e.place}${e.year}年政府工作报告，${intro ? `${intro}：` : ''}\n${items.join('；\n')}。`;
}
