// Sources that disagree: two reports for one place and year that state one figure
// differently (retrieval's disagreeingFigures). An answer that uses either must not quote one
// as if it were the only word: the evidence gets the other report's paragraph too (so the
// answerer sees both and can cite both), and an answer citing either, unless it already says
// they differ while citing both, ends with a note that names both reports and cites each.
import { type Corpus, deliveredYear, disagreeingFigures, type Evidence, type FigureDisagreement, samePlaceOf } from '../../../retrieval/public.js';
import { NORMAL_MARKER } from '../../api/citationMarkers.js';
import { answerUnits } from './answerUnits.js';
import { indicatorEn, placeEn } from '../offline/english.js';

/** Paragraphs of disagreeing reports added to one question's evidence, at most. */
const MAX_RIVAL_PARAGRAPHS = 4;

/** Saying that sources differ, in either language. */
const SAYS_DIFFER = /不一致|不同|有出入|有差异|存在差异|矛盾|冲突|differ|conflict|inconsisten|disagree/i;

const KIND_ZH: Record<string, string> = { target: '目标', actual: '实际', estimate: '预计', cumulative: '累计' };
const KIND_EN: Record<string, string> = { target: 'target', actual: 'outcome', estimate: 'estimate', cumulative: 'cumulative' };

/**
 * The evidence, with the paragraphs of other reports of the same place and year that state one
 * of its figures differently appended (numbered after it).
 */
export function withRivalSources(corpus: Corpus, evidence: Evidence[]): Evidence[] {
  const rows = evidence.flatMap((e) => e.rows);
  const records = evidence.flatMap((e) => e.quantities ?? []);
  if (rows.length === 0 && records.length === 0) return evidence;
  const metas = [...new Map(evidence.filter((e) => e.report?.place).map((e) => [e.reportId, e.report])).values()];
  const others = corpus.reports.filter((r) => !metas.some((m) => m.id === r.meta.id) && metas.some((m) => m.planYear === r.meta.planYear && samePlaceOf(m, r.meta)));
  if (others.length === 0) return evidence;
  const ids = new Set(others.map((r) => r.meta.id));
  const metaOf = (id: string) => corpus.reportById.get(id)?.meta;
  const disagreements = disagreeingFigures(
    [...rows, ...corpus.indicators.filter((r) => ids.has(r.reportId))],
    [...records, ...(records.length ? corpus.quantities.filter((q) => ids.has(q.reportId)) : [])],
    metaOf,
  );
  const own = new Set<unknown>([...rows, ...records]);
  const out = [...evidence];
  for (const d of disagreements) {
    if (!d.statements.some((s) => own.has(s.row ?? s.record))) continue;
    for (const s of d.statements) {
      if (out.some((e) => e.paragraphId === s.paragraphId) || out.length >= evidence.length + MAX_RIVAL_PARAGRAPHS) continue;
      const paragraph = corpus.paragraphById.get(s.paragraphId);
      const report = corpus.reportById.get(s.reportId);
      if (!paragraph || !report) continue;
      out.push({
        marker: Math.max(...out.map((e) => e.marker)) + 1,
        paragraphId: paragraph.id,
        reportId: report.meta.id,
        place: report.meta.place,
        year: deliveredYear(report.meta),
        section: paragraph.part === 'cover' ? '封面' : paragraph.sectionPath.join(' › ') || '封面',
        text: paragraph.text,
        ...(paragraph.original ? { original: paragraph.original } : {}),
        ...(paragraph.part ? { part: paragraph.part } : {}),
        page: paragraph.page,
        passage: s.span,
        matched: [s.span],
        rows: s.row ? [s.row] : [],
        ...(s.record ? { quantities: [s.record] } : {}),
        report: report.meta,
      });
    }
  }
  return out;
}

/** The disagreements among the evidence's own figures, each with the marker of every statement. */
export function evidenceDisagreements(evidence: Evidence[]): { disagreement: FigureDisagreement; markers: number[] }[] {
  const metas = new Map(evidence.filter((e) => e.report?.place).map((e) => [e.reportId, e.report]));
  const found = disagreeingFigures(
    evidence.flatMap((e) => e.rows),
    evidence.flatMap((e) => e.quantities ?? []),
    (id) => metas.get(id),
  );
  return found.map((disagreement) => ({
    disagreement,
    markers: disagreement.statements.map((s) => evidence.find((e) => e.paragraphId === s.paragraphId)!.marker),
  }));
}

/**
 * The note an answer (verified text, evidence markers) needs: for every disagreement it cites a
 * side of, the reports and what each states, each cited — '' when it cites none, or already says
 * so in a sentence citing every side.
 */
export function conflictNote(answer: string, evidence: Evidence[], language: 'zh' | 'en'): string {
  const cited = new Set([...answer.matchAll(NORMAL_MARKER)].map((m) => Number(m[1])));
  if (cited.size === 0) return '';
  const disagreements = evidenceDisagreements(evidence).filter(({ markers }) => markers.some((m) => cited.has(m)));
  if (disagreements.length === 0) return '';
  const units = answerUnits(answer).map((u) => u.text);
  const notes: string[] = [];
  for (const { disagreement: d, markers } of disagreements) {
    const acknowledged = units.some((t) => SAYS_DIFFER.test(t) && markers.every((m) => t.includes(`[${m}]`)));
    if (acknowledged) continue;
    const sides = d.statements.map((s, i) => {
      const e = evidence.find((x) => x.marker === markers[i])!;
      return { id: s.reportId, quote: e.text.slice(s.span.start, s.span.end).trim(), marker: markers[i] };
    });
    const years = d.years.length > 1 ? `${d.years[0]}—${d.years[d.years.length - 1]}` : String(d.years[0]);
    if (language === 'en') {
      const row = d.statements.find((s) => s.row)?.row;
      const what = row ? indicatorEn(row) : `“${d.what}”`;
      notes.push(
        `Note: the sources differ. The ${d.reportYear} reports of ${placeEn(d.place)} give different figures for ${what}, ${years} ${KIND_EN[d.kind] ?? ''}: `.replace(' :', ':') +
          sides.map((s) => `report ${s.id} says “${s.quote}” [${s.marker}]`).join(', ') + '.',
      );
    } else {
      notes.push(
        `注意：资料来源不一致。${d.place}${d.reportYear}年的报告对${d.what}（${years}年${KIND_ZH[d.kind] ?? ''}）说法不同：` +
          sides.map((s) => `报告 ${s.id} 为“${s.quote}”[${s.marker}]`).join('，') + '。',
      );
    }
  }
  return notes.join('\n\n');
}
