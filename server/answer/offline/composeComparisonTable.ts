// Comparisons of two or more places or years answered as a table: one row per place and
// year, each figure cited in its cell, a row saying so for a side the reports give no
// figure for. Markdown, which the chat renders and the API returns as text.
import type { Evidence, IndicatorRow } from '../../../retrieval/public.js';
import { describeFigure, displayName } from './composeIndicatorRowsAnswer.js';
import { type AnswerLanguage, describeRowEn, indicatorEn, placeEn } from './english.js';

const KIND_ZH: Record<IndicatorRow['kind'], string> = { target: '预期目标', actual: '实际', estimate: '预计' };
const KIND_EN: Record<IndicatorRow['kind'], string> = { target: 'target', actual: 'outcome', estimate: 'estimate' };

/** A Markdown table of `rows` (several places or years), with a row for each place asked about that has none. */
export function composeComparisonTable(rows: IndicatorRow[], evidence: Evidence[], places: string[], lang: AnswerLanguage = 'zh'): string {
  const markerOf = new Map(evidence.map((e) => [e.paragraphId, e.marker]));
  const rank = (p: string) => (places.includes(p) ? places.indexOf(p) : places.length);
  const sorted = [...rows].sort((a, b) => rank(a.place) - rank(b.place) || a.year - b.year || (a.measure === b.measure ? 0 : a.measure === 'level' ? -1 : 1));
  // One row per place, year, indicator and kind; level and growth of one statement share it.
  const lines = new Map<string, IndicatorRow[]>();
  for (const r of sorted) {
    const key = `${r.place}|${r.year}|${r.indicator}|${r.kind}`;
    lines.set(key, [...(lines.get(key) ?? []), r]);
  }
  const cell = (s: string) => s.replace(/\|/g, '｜').replace(/\n/g, ' ');
  const missing = places.filter((p) => !rows.some((r) => r.place === p));
  if (lang === 'en') {
    const body = [...lines.values()].map((group) => {
      const head = group[0];
      const figures = group.map((r, i) => `${describeRowEn(r)}${!group[i + 1] || group[i + 1].paragraphId !== r.paragraphId ? `[${markerOf.get(r.paragraphId)}]` : ''}`).join(', ');
      return `| ${placeEn(head.place)} | ${head.year} | ${cell(indicatorEn(head))} | ${KIND_EN[head.kind]} | ${cell(figures)} |`;
    });
    const none = missing.map((p) => `| ${placeEn(p)} | | | | not found in the reports |`);
    return ['| Place | Year | Indicator | Kind | Figure |', '| --- | --- | --- | --- | --- |', ...body, ...none].join('\n');
  }
  const body = [...lines.values()].map((group) => {
    const head = group[0];
    const figures = group
      .map((r, i) => `${describeFigure(r).replace(/^的预期目标是|^为|^是：/u, '')}${!group[i + 1] || group[i + 1].paragraphId !== r.paragraphId ? `[${markerOf.get(r.paragraphId)}]` : ''}`)
      .join('，');
    return `| ${head.place} | ${head.year}年 | ${cell(displayName(head))} | ${KIND_ZH[head.kind]} | ${cell(figures)} |`;
  });
  const none = missing.map((p) => `| ${p} | | | | 报告中没有给出 |`);
  return ['| 地方 | 年份 | 指标 | 类型 | 数值 |', '| --- | --- | --- | --- | --- |', ...body, ...none].join('\n');
}
