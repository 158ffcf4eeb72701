// What the corpus covers, for answers that must say the reports don't contain something.
import type { Corpus } from '../../retrieval/loadCorpus.js';
import type { ParsedQuery } from '../../retrieval/types.js';

export function describeCoverage(corpus: Corpus): string {
  const byDistrict = new Map<string, number[]>();
  for (const r of corpus.reports) {
    byDistrict.set(r.meta.district, [...(byDistrict.get(r.meta.district) ?? []), Number(r.meta.date.slice(0, 4))]);
  }
  const list = [...byDistrict].map(([d, ys]) => `${d}（${ys.sort().join('、')}年）`).join('、');
  return `现有报告为：${list}的政府工作报告。`;
}

export function composeNoEvidence(corpus: Corpus, query: ParsedQuery, question: string): string {
  const coverage = describeCoverage(corpus);
  if (query.unknownPlace) return `报告中没有找到关于${query.unknownPlace}的内容：现有报告不包括${query.unknownPlace}。${coverage}`;
  const who = query.districts.join('、');
  if (query.noMatchingReport && query.year) {
    return `报告中没有找到${who}${query.year}年的相关内容：没有一份报告${query.yearRole === 'target' ? '设定' : '回顾'}了${who}${query.year}年的情况。${coverage}`;
  }
  const topic = query.indicator ? `${who}${query.year ? `${query.year}年` : ''}${query.indicator}的具体数据` : `“${question.slice(0, 40)}”的相关内容`;
  return `报告中没有找到${topic}。${coverage}`;
}
