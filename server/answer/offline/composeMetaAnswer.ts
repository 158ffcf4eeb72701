// Questions about a report itself (who delivered it, when, at which session, which city)
// answered from the fields ingestion read off its cover, each cited to the paragraph it
// was read from (meta.readFrom). A field the text does not state is said to be missing,
// never filled with a default or left as an empty slot.
import { coverFacetsOf, type CoverFacet, type Evidence, placeForms, type ReportMeta } from '../../../retrieval/public.js';
import { type AnswerLanguage, congressEn, dateEn, placeEn, possessive } from './english.js';

export function composeMetaAnswer(question: string, evidence: Evidence[], lang: AnswerLanguage = 'zh'): string | undefined {
  const reports = new Map<string, ReportMeta>();
  for (const e of evidence) if (e.section === '封面' || isReadFrom(e)) reports.set(e.reportId, e.report);
  // A report with no cover lines at all (the text starts at 各位代表) still answers: by saying what it does not state.
  if (reports.size === 0) for (const e of evidence) if (!hasCoverLines(e.report)) reports.set(e.reportId, e.report);
  if (reports.size === 0) return undefined;
  const asked = coverFacetsOf(question);
  const sentences = [...reports.values()].map((meta) => (lang === 'en' ? describeReportEn(meta, asked, evidence) : describeReport(meta, asked, evidence)));
  return sentences.join(lang === 'en' ? ' ' : '');
}

function hasCoverLines(meta: ReportMeta): boolean {
  const read = meta.readFrom ?? {};
  return read.speaker !== undefined || read.date !== undefined || read.congress !== undefined;
}

function isReadFrom(e: Evidence): boolean {
  return Object.values(e.report.readFrom ?? {}).includes(e.paragraphId);
}

/** One report's facets: those asked, or who, when and where when the question asks about the report as a whole. */
function describeReport(meta: ReportMeta, asked: CoverFacet[], evidence: Evidence[]): string {
  const lineOf = (field: keyof NonNullable<ReportMeta['readFrom']>) => evidence.find((e) => e.paragraphId === meta.readFrom?.[field]);
  const cite = (e: Evidence | undefined) => (e ? `[${e.marker}]` : '');
  const year = meta.date ? Number(meta.date.slice(0, 4)) : meta.planYear;
  const report = `${meta.place}${year}年的政府工作报告`;
  const facets = asked.length ? asked : (['who', 'when', 'session'] as CoverFacet[]);

  if (facets.length === 1 && facets[0] === 'city') return describeCity(meta, lineOf('date') ?? lineOf('congress'), evidence);

  const parts: string[] = [];
  const missing: string[] = [];
  const speakerLine = lineOf('speaker');
  if (facets.includes('who')) {
    if (meta.speaker.name && speakerLine) parts.push(`由${meta.speaker.title}${meta.speaker.name}${cite(speakerLine)}`);
    else missing.push(meta.speaker.name ? `作报告的人（原文没有这一行，元数据中填写的是${meta.speaker.title}${meta.speaker.name}）` : '作报告的人');
  }
  const dateLine = lineOf('date');
  const wantsDate = facets.includes('when');
  if (wantsDate) {
    if (meta.date && dateLine) {
      const [y, m, d] = meta.date.split('-').map(Number);
      parts.push(`于${y}年${m}月${d}日${facets.includes('session') && lineOf('congress') === dateLine ? '' : cite(dateLine)}`);
    } else missing.push('作报告的日期');
  }
  const congressLine = lineOf('congress');
  if (facets.includes('session')) {
    if (meta.congress && congressLine) parts.push(`在${meta.city ?? ''}${meta.place}${meta.congress}上${cite(congressLine)}`);
    else missing.push('是在哪次会议上作的');
  }
  const told = parts.length ? `${report}${parts.join('')}作出。` : '';
  const notTold = missing.length ? `报告中没有写明${report}${missing.join('、')}。` : '';
  return told + notTold;
}

/** The same facts in English; names and titles as the report writes them. */
function describeReportEn(meta: ReportMeta, asked: CoverFacet[], evidence: Evidence[]): string {
  const lineOf = (field: keyof NonNullable<ReportMeta['readFrom']>) => evidence.find((e) => e.paragraphId === meta.readFrom?.[field]);
  const cite = (e: Evidence | undefined) => (e ? `[${e.marker}]` : '');
  const year = meta.date ? Number(meta.date.slice(0, 4)) : meta.planYear;
  const report = `${possessive(placeEn(meta.place))} ${year} government work report`;
  const facets = asked.length ? asked : (['who', 'when', 'session'] as CoverFacet[]);
  if (facets.length === 1 && facets[0] === 'city') {
    return meta.city ? `${placeEn(meta.place)} belongs to ${placeEn(meta.city)} (${meta.city}).` : `The report does not state which city ${placeEn(meta.place)} belongs to: not found.`;
  }
  const parts: string[] = [];
  const missing: string[] = [];
  // The date first: its figures are read against the line they stand in, before any name.
  const dateLine = lineOf('date');
  if (facets.includes('when')) {
    if (meta.date && dateLine) parts.push(`on ${dateEn(meta.date)}${cite(dateLine)}`);
    else missing.push('the date');
  }
  const speakerLine = lineOf('speaker');
  if (facets.includes('who')) {
    if (meta.speaker.name && speakerLine) parts.push(`by ${titleEn(meta.speaker.title)} ${meta.speaker.name}${cite(speakerLine)}`);
    else missing.push('who delivered it');
  }
  const congressLine = lineOf('congress');
  if (facets.includes('session')) {
    if (meta.congress && congressLine) parts.push(`at ${congressEn(meta.congress, meta.place)}${congressLine === dateLine && facets.includes('when') ? '' : cite(congressLine)}`);
    else missing.push('the session');
  }
  const told = parts.length ? `${report} was delivered ${parts.join(' ')}.` : '';
  const gaps = missing.join(', ');
  const notTold = gaps ? ` ${gaps[0].toUpperCase()}${gaps.slice(1)} of ${report}: not found in the report.` : '';
  return (told + notTold).trim();
}

/**
 * Which city a place belongs to: cited where the report writes the city beside the place; when
 * only the division codes say it, said so, citing a paragraph where the report names the city.
 */
function describeCity(meta: ReportMeta, coverLine: Evidence | undefined, evidence: Evidence[]): string {
  if (!meta.city) return `报告中没有写明${meta.place}所属的市。`;
  if (meta.sources?.city === 'cover' && coverLine) return `${meta.place}属于${meta.city}[${coverLine.marker}]。`;
  const inBody = (e: Evidence) => e.reportId === meta.id && e.section !== '封面';
  const stated = evidence.find((e) => inBody(e) && e.text.includes(meta.city! + meta.place));
  if (stated) return `${meta.place}属于${meta.city}[${stated.marker}]。`;
  const naming = evidence.find((e) => inBody(e) && placeForms(meta.city!).some((f) => e.text.includes(f)));
  return naming
    ? `按行政区划，${meta.place}属于${meta.city}，报告中也写到${placeForms(meta.city).at(-1)}[${naming.marker}]。`
    : `按行政区划，${meta.place}属于${meta.city}（报告本身没有写明所属的市）。`;
}

/** The speaker's office in English as official translations give it (代/代理: acting); an office not listed stays as written. */
const HEAD_EN: Readonly<Record<string, string>> = {
  省: 'Governor',
  市: 'Mayor',
  州: 'Prefecture Governor',
  盟: 'League Head',
  区: 'District Head',
  县: 'County Head',
  旗: 'Banner Head',
};

function titleEn(title: string): string {
  const head = /^(代理|代)?([省市州盟区县旗])长$/u.exec(title);
  if (head) return `${head[1] ? 'Acting ' : ''}${HEAD_EN[head[2]]}`;
  return /主席$/u.test(title) ? 'Chairman' : title;
}
