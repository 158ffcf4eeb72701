// Meta questions (who delivered a report, when, at which session) answered
// from the metadata read off the report's cover, cited to the cover lines.
import type { ReportMeta } from '../../retrieval/types.js';
import type { Evidence } from './Answerer.js';

export function composeMetaAnswer(evidence: Evidence[]): string | undefined {
  const byReport = new Map<string, { meta: ReportMeta; markers: number[] }>();
  for (const e of evidence) {
    if (e.section !== '封面') continue;
    const cur = byReport.get(e.reportId) ?? { meta: e.report, markers: [] };
    cur.markers.push(e.marker);
    byReport.set(e.reportId, cur);
  }
  const sentences = [...byReport.values()].map(({ meta, markers }) => {
    const [y, m, d] = meta.date.split('-').map(Number);
    const where = meta.congress ? `在${meta.city ?? ''}${meta.district}${meta.congress}上` : '';
    const who = meta.speaker.name ? `由${meta.district}人民政府${meta.speaker.title}${meta.speaker.name}` : '';
    return `${meta.district}${y}年的《${meta.title}》${who}于${y}年${m}月${d}日${where}作出${markers.map((n) => `[${n}]`).join('')}。`;
  });
  return sentences.length ? sentences.join('') : undefined;
}
