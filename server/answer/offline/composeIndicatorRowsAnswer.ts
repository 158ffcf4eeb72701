// Indicator questions answered from the extracted tables: one sentence per
// place, year and indicator, worded from the rows' own fields and cited to
// the paragraph that states each figure.
import { type Evidence, indicatorDef, type IndicatorRow, labelPart } from '../../../retrieval/public.js';
import { type AnswerLanguage, describeRowEn, rowLeadEn } from './english.js';

/**
 * The report's own label when it is a full name (城镇登记失业率, 公共财政一般预算收入: saying the
 * canonical name there would misstate what was measured); the canonical display name for GDP
 * and for shorthand labels such as GDP增速 or 经济增长.
 */
export function displayName(row: IndicatorRow): string {
  const display = indicatorDef(row.indicator)?.display ?? row.indicator;
  if (row.indicator === '地区生产总值' || row.label.length < 4 || /增速|增长|增幅|GDP/i.test(row.label)) return display;
  return row.label;
}

/** The clause after the subject: "的预期目标是增长7%左右", "为16.1亿元", "同比增长8.3%". */
export function describeFigure(row: IndicatorRow): string {
  if (row.value === null) {
    // Qualitative targets ("与经济增长同步") are best told in the report's own words.
    return `${row.kind === 'target' ? '的预期目标' : ''}是：“${row.quote}”`;
  }
  const q = row.qualifier === '同比' || row.qualifier === '保持' ? '' : row.qualifier;
  // A decline is stated as 下降 and its size; a range whole, as the report writes it (5%—5.5%).
  const decline = row.measure === 'growth' && row.value < 0;
  const figure = `${row.written ?? `${decline ? -row.value : row.value}${row.unit}`}${q}`;
  if (row.kind === 'target') {
    if (row.measure === 'growth') return `的预期目标是${decline ? '下降' : '增长'}${figure}`;
    return `的预期目标是${/以[下内]/.test(q) ? '控制在' : ''}${figure}`;
  }
  const pre = row.kind === 'estimate' ? '预计' : '';
  if (row.measure === 'growth') return `${pre}${row.qualifier === '同比' ? '同比' : ''}${decline ? '下降' : '增长'}${figure}`;
  return `${pre}为${figure}`;
}

export function describeRow(row: IndicatorRow): string {
  return `${row.place}${row.year}年${displayName(row)}${describeFigure(row)}`;
}

/**
 * "惠济区2024年地区生产总值（GDP）的预期目标是增长7%左右[1]。"
 * `districtOrder` keeps the order the question named places in.
 */
export function composeIndicatorRowsAnswer(rows: IndicatorRow[], evidence: Evidence[], placeOrder: string[] = [], lang: AnswerLanguage = 'zh'): string {
  const markerOf = new Map(evidence.map((e) => [e.paragraphId, e.marker]));
  const rank = (d: string) => (placeOrder.includes(d) ? placeOrder.indexOf(d) : placeOrder.length);
  const paragraphNo = (r: IndicatorRow) => Number(r.paragraphId.split(':p')[1]);
  // The reports' own order within a place-year (GDP first, as they list it); level before growth.
  const sorted = [...rows].sort(
    (a, b) =>
      rank(a.place) - rank(b.place) ||
      a.year - b.year ||
      paragraphNo(a) - paragraphNo(b) ||
      a.span.start - b.span.start ||
      (a.measure === b.measure ? 0 : a.measure === 'level' ? -1 : 1),
  );
  const groups = new Map<string, IndicatorRow[]>();
  for (const r of sorted) {
    // 城镇… and 农村… of one indicator: a sentence each, each named.
    const key = `${r.place}|${r.year}|${r.indicator}|${labelPart(r.indicator, r.label)}|${r.kind === 'target' ? 't' : 'a'}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const sentences: string[] = [];
  for (const group of groups.values()) {
    const head = group[0];
    if (lang === 'en') {
      // "Huiji District's 2024 target for GDP (gross regional product): growth of about 7% (“7%左右”)[1]."
      const clausesEn = group.map((r, i) => `${describeRowEn(r)}${!group[i + 1] || group[i + 1].paragraphId !== r.paragraphId ? `[${markerOf.get(r.paragraphId)}]` : ''}`);
      sentences.push(`${rowLeadEn(head)}: ${clausesEn.join(', ')}. `);
      continue;
    }
    const clauses = group.map((r, i) => {
      let clause = describeFigure(r);
      if (i > 0) clause = clause.replace(/^的/, '');
      const next = group[i + 1];
      // One marker per paragraph: repeat it only when the next clause comes from elsewhere.
      const cite = !next || next.paragraphId !== r.paragraphId ? `[${markerOf.get(r.paragraphId)}]` : '';
      return clause + cite;
    });
    sentences.push(`${head.place}${head.year}年${displayName(head)}${clauses.join('，')}。`);
  }
  return sentences.join('').trim();
}
