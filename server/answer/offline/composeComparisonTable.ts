// Comparisons of two or more places or years answered as a table: a row per place and
// year, a column per indicator and kind (GDP 预期目标, GDP 实际), each figure cited in its
// cell, and a row saying so for a place asked about that the reports give no figure for.
// Markdown, which the chat renders and the API returns as text; citation checks read each
// row with its column headers (verify/answerUnits.ts), so a cell's figure is read as the
// column's indicator.
import type { Evidence, IndicatorRow } from '../../../retrieval/public.js';
import { describeFigure, displayName } from './composeIndicatorRowsAnswer.js';
import { type AnswerLanguage, describeRowEn, indicatorEn, placeEn } from './english.js';

const KIND_ZH: Record<IndicatorRow['kind'], string> = { target: '预期目标', actual: '实际', estimate: '预计' };
const KIND_EN: Record<IndicatorRow['kind'], string> = { target: 'target', actual: 'outcome', estimate: 'estimate' };

export function composeComparisonTable(rows: IndicatorRow[], evidence: Evidence[], places: string[], lang: AnswerLanguage = 'zh'): string {
  const markerOf = new Map(evidence.map((e) => [e.paragraphId, e.marker]));
  const rank = (p: string) => (places.includes(p) ? places.indexOf(p) : places.length);
  const sorted = [...rows].sort((a, b) => rank(a.place) - rank(b.place) || a.year - b.year || (a.measure === b.measure ? 0 : a.measure === 'level' ? -1 : 1));
  const en = lang === 'en';
  const columnOf = (r: IndicatorRow) => (en ? `${indicatorEn(r)} ${KIND_EN[r.kind]}` : `${displayName(r)}${KIND_ZH[r.kind]}`);
  const columns = [...new Set(sorted.map(columnOf))];
  const lines = new Map<string, { place: string; year: number; cells: Map<string, IndicatorRow[]> }>();
  for (const r of sorted) {
    const key = `${r.place}|${r.year}`;
    const line = lines.get(key) ?? { place: r.place, year: r.year, cells: new Map() };
    line.cells.set(columnOf(r), [...(line.cells.get(columnOf(r)) ?? []), r]);
    lines.set(key, line);
  }
  const clean = (s: string) => s.replace(/\|/g, '｜').replace(/\n/g, ' ');
  const figureOf = (r: IndicatorRow) => (en ? describeRowEn(r) : describeFigure(r).replace(/^的预期目标是|^为|^是：/u, ''));
  const cellOf = (group: IndicatorRow[] | undefined) =>
    group
      ? group.map((r, i) => `${figureOf(r)}${!group[i + 1] || group[i + 1].paragraphId !== r.paragraphId ? `[${markerOf.get(r.paragraphId)}]` : ''}`).join(en ? ', ' : '，')
      : '—';
  const header = en ? ['Place', 'Year', ...columns] : ['地方', '年份', ...columns];
  const body = [...lines.values()].map((l) => [en ? placeEn(l.place) : l.place, en ? String(l.year) : `${l.year}年`, ...columns.map((c) => cellOf(l.cells.get(c)))]);
  const none = places
    .filter((p) => !rows.some((r) => r.place === p))
    .map((p) => [en ? placeEn(p) : p, '', ...columns.map(() => (en ? 'not found in the reports' : '报告中没有给出'))]);
  const line = (cells: string[]) => `| ${cells.map(clean).join(' | ')} |`;
  return [line(header), `|${header.map(() => ' --- ').join('|')}|`, ...[...body, ...none].map(line)].join('\n');
}
