// Meta questions (who delivered a report, when, at which session, which city)
// answered from the metadata read off the report's cover, citing only the
// cover line that states what was asked.
import { coverFacetsOf, type Evidence, placeForms, type ReportMeta } from '../../../retrieval/public.js';

export function composeMetaAnswer(question: string, evidence: Evidence[]): string | undefined {
  const byReport = new Map<string, { meta: ReportMeta; cover: Evidence[] }>();
  for (const e of evidence) {
    if (e.section !== '封面') continue;
    const cur = byReport.get(e.reportId) ?? { meta: e.report, cover: [] };
    cur.cover.push(e);
    byReport.set(e.reportId, cur);
  }
  const facets = coverFacetsOf(question);
  const sentences = [...byReport.values()].map(({ meta, cover }) => {
    const [y, m, d] = meta.date ? meta.date.split('-').map(Number) : [meta.planYear];
    const on = meta.date ? `于${y}年${m}月${d}日` : '';
    const dateLine = cover.find((e) => /^[—－-]/.test(e.text));
    const speakerLine = cover.find((e) => e.text.includes(meta.speaker.name) && !/^[—－-]/.test(e.text));
    const cite = (...es: (Evidence | undefined)[]) => es.filter((e): e is Evidence => !!e).map((e) => `[${e.marker}]`).join('');
    const report = meta.title.includes(meta.place) ? `《${meta.title}》` : `${meta.place}${y}年的《${meta.title}》`;
    const speaker = meta.speaker.name ? `${meta.place}人民政府${meta.speaker.title}${meta.speaker.name}` : '';
    const place = meta.congress ? `${meta.city ?? ''}${meta.place}${meta.congress}` : '';
    if (facets.length === 1 && facets[0] === 'who' && speaker) return `${report}由${speaker}作${cite(speakerLine)}。`;
    if (facets.length === 1 && facets[0] === 'when') return meta.date ? `${report}作于${y}年${m}月${d}日${cite(dateLine)}。` : `报告中没有写明${report}的日期。`;
    if (facets.length === 1 && facets[0] === 'session' && place) return `${report}是在${place}上所作${cite(dateLine)}。`;
    if (facets.length === 1 && facets[0] === 'city') {
      // A city stated beside the place on the cover is cited there; one known from the division codes
      // is said to be so, citing a paragraph where the report names the city, if it does.
      if (meta.city && meta.sources?.city !== 'cover') {
        const inBody = (e: Evidence) => e.reportId === meta.id && e.section !== '封面';
        const stated = evidence.find((e) => inBody(e) && e.text.includes(meta.city! + meta.place));
        if (stated) return `${meta.place}属于${meta.city}${cite(stated)}。`;
        const naming = evidence.find((e) => inBody(e) && placeForms(meta.city!).some((f) => e.text.includes(f)));
        return naming
          ? `按行政区划，${meta.place}属于${meta.city}，报告中也写到${placeForms(meta.city).at(-1)}${cite(naming)}。`
          : `按行政区划，${meta.place}属于${meta.city}（报告本身没有写明所属的市）。`;
      }
      return meta.city ? `${meta.place}属于${meta.city}${cite(dateLine)}。` : `报告中没有写明${meta.place}所属的市。`;
    }
    const who = speaker ? `由${speaker}` : '';
    return `${report}${who}${on}${place ? `在${place}上` : ''}作出${cite(dateLine, speakerLine)}。`;
  });
  return sentences.length ? sentences.join('') : undefined;
}
