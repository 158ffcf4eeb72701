// The indicator tables are a view of the quantity records: a record becomes a row when
// its subject (with the words joining it to the number: GDP增速, 经济增长) names a canonical
// indicator (vocabulary.ts), it states the indicator's own figure (not a rank, a comparison,
// a share of something else or a multi-year figure), for the year its report reviews or plans.
import type { IndicatorKind, IndicatorRow, QuantityRecord } from '../types.js';
import { AFTER_QUALIFIERS } from '../quantities/findFigures.js';
import { INDICATORS, type IndicatorDef, labelPart } from './vocabulary.js';
import { SELF_REFERENCE } from '../places/selfReferences.js';

export interface ReportYears {
  reviewYear: number;
  planYear: number;
}

const LABELS = INDICATORS.flatMap((def) => def.labels.map((label) => ({ label, def }))).sort((a, b) => b.label.length - a.label.length);
const BY_LABEL = new Map(LABELS.map((l) => [l.label, l]));
/** The qualifier a row shows, most telling first: 7%左右 says more than 同比. */
const QUALIFIER_ORDER = ['同步', '左右', '以上', '以内', '以下', '上下', '多', '余', '保持', '不低于', '不少于', '超过', '突破', '约', '近', '同比'];
/** Plan periods (十四五) are not the plan year. */
const PLAN_PERIOD_RE = /十[二三四五]五/;

/** A range record's figure without the qualifiers written after it (5%—5.5%左右 → 5%—5.5%): the row keeps those apart. */
function rangeWritten(written: string): string {
  let out = written;
  for (let q = AFTER_QUALIFIERS.find((x) => out.endsWith(x)); q; q = AFTER_QUALIFIERS.find((x) => out.endsWith(x))) out = out.slice(0, -q.length);
  return out;
}

function isRateIndicator(def: IndicatorDef): boolean {
  return def.levelUnits.length > 0 && def.levelUnits.every((u) => u === '%');
}

/** The vocabulary label the subject ends in (the label may run on into the linking words: GDP + 增速). */
function labelOf(fullSubject: string, link: string): { label: string; def: IndicatorDef } | undefined {
  // 城镇新增就业人数 / 地区生产总值总量: a word naming the measure after the label; 地区生产总值（GDP）:
  // the label's abbreviation in brackets after it.
  const subject = fullSubject.replace(/[（(][^（）()]{1,12}[）)]$/, '').replace(/(?:人数|总量|规模|数量|总数|金额)$/, '');
  const combined = subject + link;
  for (const entry of LABELS) {
    let at = combined.indexOf(entry.label);
    while (at >= 0) {
      const end = at + entry.label.length;
      if (at < subject.length && end >= subject.length && inScope(entry, subject.slice(0, at))) return entry;
      at = combined.indexOf(entry.label, at + 1);
    }
  }
  return undefined;
}

/** Words before a scope-only label that keep it the indicator: a place (泉州市, 全市, 本区), 地区, 国内, a year. */
const SCOPE_BEFORE = new RegExp(`(?:^|${SELF_REFERENCE}|[省市区县旗州盟]|地区|国内|全年|年度|全口径|\\d{4}年)$`, 'u');

function inScope(entry: { label: string; def: IndicatorDef }, before: string): boolean {
  return !entry.def.scopeOnly?.includes(entry.label) || SCOPE_BEFORE.test(before);
}

/**
 * 实际到位外资8478万美元、内资36亿元: a short item of a 、-list shares the modifier of the item
 * before it (实际到位 + 内资), so it names the indicator that phrase names.
 */
function ellipticalLabel(subject: string, prev: QuantityRecord | undefined, between: string): { label: string; def: IndicatorDef } | undefined {
  if (!prev || subject.length > 3 || !/^[、，,]?$/.test(between)) return undefined;
  for (let k = prev.subject.length - 1; k >= 1; k--) {
    const hit = BY_LABEL.get(prev.subject.slice(0, k) + subject);
    if (hit) return { label: subject, def: hit.def };
  }
  return undefined;
}

/** 突破2000亿元、达到2286亿元: the threshold passed, then the level reached; the level is the figure. */
function passedBeforeReached(rec: QuantityRecord, next: QuantityRecord | undefined): boolean {
  const threshold = (r: QuantityRecord) => r.qualifiers.includes('突破') || r.qualifiers.includes('超过');
  return (
    threshold(rec) &&
    next !== undefined &&
    !threshold(next) &&
    next.paragraphId === rec.paragraphId &&
    next.statement.start === rec.statement.start &&
    next.subject === rec.subject &&
    next.measure === rec.measure
  );
}

export function indicatorsFromQuantities(records: QuantityRecord[], text: (paragraphId: string) => string, years: ReportYears): IndicatorRow[] {
  const rows: IndicatorRow[] = [];
  const seen = new Set<string>();
  // A multi-year review states the level its period ends at (由107.7亿元增至157.5亿元): the reviewed
  // year's figure, but the year's own statement of it comes first wherever the report puts it.
  const multiYear = new Set(records.filter((r) => r.kind === 'cumulative').map((r) => r.paragraphId));
  const order = [...records.keys()].sort((a, b) => Number(multiYear.has(records[a].paragraphId)) - Number(multiYear.has(records[b].paragraphId)) || a - b);
  for (const i of order) {
    const rec = records[i];
    if (passedBeforeReached(rec, records[i + 1])) continue;
    if (rec.comparison || rec.kind === 'cumulative') continue;
    const para = text(rec.paragraphId);
    const quote = para.slice(rec.statement.start, rec.statement.end);
    if (PLAN_PERIOD_RE.test(quote)) continue;
    const prev = i > 0 && records[i - 1].paragraphId === rec.paragraphId ? records[i - 1] : undefined;
    const found = labelOf(rec.subject, rec.link) ?? ellipticalLabel(rec.subject, prev, prev ? para.slice(prev.span.end, rec.statement.start) : '');
    if (!found) continue;
    const { def, label } = found;
    const kind = rec.kind as IndicatorKind;
    const year = rec.years[0];
    // A target is the plan year's, or the reviewed year's when the review restates it beside its outcome (增长14.44%(年度目标7%左右)).
    const ownYear = kind === 'target' ? year === years.planYear || (year === years.reviewYear && rec.part === 'review') : year === years.reviewYear;
    if (rec.years.length !== 1 || !ownYear) continue;

    let measure: 'level' | 'growth';
    if (isRateIndicator(def)) {
      // 失业率5.5% is a level; 研发经费投入增长10% is not the intensity; 居民消费价格涨幅3% is the indicator itself.
      if (rec.unit !== '%') continue;
      if (rec.measure === 'growth' && !(rec.subject + rec.link).includes(def.name)) continue;
      if (!['rate', 'share', 'level', 'growth'].includes(rec.measure)) continue;
      measure = 'level';
    } else if (rec.measure === 'growth') {
      if (rec.value !== null && rec.unit !== '%') continue;
      measure = 'growth';
    } else if (['level', 'count', 'perCapita'].includes(rec.measure)) {
      if (!def.levelUnits.includes(rec.unit)) continue;
      measure = 'level';
    } else continue;

    // 城镇… and 农村… are rows of their own: each part of an indicator is a figure of its own.
    const key = `${def.name}|${kind}|${year}|${measure}|${labelPart(def.name, label)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const decline = rec.qualifiers.includes('下降');
    const sign = decline && measure === 'growth' ? -1 : 1;
    rows.push({
      place: rec.place,
      reportId: rec.reportId,
      year,
      kind,
      indicator: def.name,
      label,
      value: rec.value === null ? null : sign * rec.value,
      // A range is stated whole, as written: 5%—5.5%, not its low end.
      ...(rec.upper !== undefined ? { upper: sign * rec.upper, written: rangeWritten(rec.written) } : {}),
      unit: rec.unit,
      qualifier: QUALIFIER_ORDER.find((q) => rec.qualifiers.includes(q)) ?? '',
      measure,
      paragraphId: rec.paragraphId,
      span: rec.statement,
      quote,
    });
  }
  return rows;
}
