// Pure: indicator rows → grouped bar chart data (place-year groups × kinds).

import type { IndicatorKind, IndicatorRow } from '../../retrieval/browser.js';
import { KIND_ORDER, sortPlaces } from './labels.js';

export type ChartMeasure = 'growth' | 'level';

export interface ChartBar {
  kind: IndicatorKind;
  /** The bar's height: a range's low end (5%—5.5% → 5). */
  value: number;
  /** A range's high end, in the chart's unit: labelled with the bar, never drawn as a figure of its own. */
  upper?: number;
  row: IndicatorRow;
}

export interface ChartGroup {
  place: string;
  year: number;
  bars: ChartBar[];
}

export interface ChartData {
  indicator: string;
  measure: ChartMeasure;
  unit: string;
  kinds: IndicatorKind[];
  groups: ChartGroup[];
}

const MONEY: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

function convert(value: number, from: string, to: string): number | undefined {
  if (from === to) return value;
  const a = MONEY[from];
  const b = MONEY[to];
  return a && b ? (value * a) / b : undefined;
}

export function buildChartData(rows: readonly IndicatorRow[], indicator: string, measure: ChartMeasure): ChartData {
  const picked = rows.filter((r) => r.indicator === indicator && r.measure === measure && r.value !== null);
  // The chart's unit: the most common one among the rows.
  const unitCount = new Map<string, number>();
  for (const r of picked) unitCount.set(r.unit, (unitCount.get(r.unit) ?? 0) + 1);
  const unit = [...unitCount.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? (measure === 'growth' ? '%' : '');

  const byGroup = new Map<string, ChartGroup>();
  for (const r of picked) {
    const value = convert(r.value as number, r.unit, unit);
    if (value === undefined) continue;
    const upper = r.upper === undefined ? undefined : convert(r.upper, r.unit, unit);
    const key = `${r.place}\u0000${r.year}`;
    let g = byGroup.get(key);
    if (!g) {
      g = { place: r.place, year: r.year, bars: [] };
      byGroup.set(key, g);
    }
    const existing = g.bars.find((b) => b.kind === r.kind);
    // Several rows of one kind (城镇/农村 …): prefer the one whose label is the indicator itself.
    if (!existing) g.bars.push({ kind: r.kind, value, upper, row: r });
    else if (existing.row.label !== indicator && r.label === indicator) Object.assign(existing, { value, upper, row: r });
  }

  const placeOrder = sortPlaces([...byGroup.values()].map((g) => g.place));
  const groups = [...byGroup.values()].sort(
    (a, b) => placeOrder.indexOf(a.place) - placeOrder.indexOf(b.place) || a.year - b.year,
  );
  for (const g of groups) g.bars.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
  const kinds = KIND_ORDER.filter((k) => groups.some((g) => g.bars.some((b) => b.kind === k)));
  return { indicator, measure, unit, kinds, groups };
}

/** Round axis ticks covering [min, max], always including 0. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  const lo = Math.min(0, min);
  const hi = Math.max(0, max);
  if (hi === lo) return [0, 1];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= end + step / 1e6; v += step) ticks.push(Number(v.toFixed(10)));
  return ticks;
}
