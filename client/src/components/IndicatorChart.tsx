import { type ChartBar, type ChartData, niceTicks } from '../indicatorChart.js';
import { KIND_LABEL } from '../labels.js';

const HEIGHT = 280;
const TOP = 28;
const BOTTOM = 58;
const LEFT = 48;
const RIGHT = 12;
const BAR_GAP = 4;

function fmt(v: number): string {
  const r = Math.abs(v) >= 100 ? Math.round(v) : Number(v.toFixed(2));
  return String(r);
}

/** A bar's figure; a range (5%—5.5%) keeps both ends, as the report wrote it. */
function barLabel(b: ChartBar): string {
  return b.upper === undefined ? fmt(b.value) : `${fmt(b.value)}—${fmt(b.upper)}`;
}

/** Grouped bars: one group per place-year, one bar per kind (目标 / 预计 / 实际). */
export function IndicatorChart({ data, fitWidth = 0, placeShort = '地' }: { data: ChartData; fitWidth?: number; placeShort?: string }) {
  const { groups, kinds, unit } = data;
  if (groups.length === 0) return null;

  const values = groups.flatMap((g) => g.bars.map((b) => b.value));
  const ticks = niceTicks(Math.min(...values), Math.max(...values), 5);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const plotH = HEIGHT - TOP - BOTTOM;
  const y = (v: number) => TOP + ((hi - v) / (hi - lo || 1)) * plotH;

  // Fill the available width, but never squeeze a group below minSlot (the box scrolls instead).
  const maxBars = Math.max(...groups.map((g) => g.bars.length));
  const minSlot = Math.max(40, maxBars * 20 + 22);
  const width = Math.max(300, Math.floor(fitWidth), LEFT + RIGHT + groups.length * minSlot);
  const slot = (width - LEFT - RIGHT) / groups.length;
  const bar = Math.max(16, Math.min(34, (slot * 0.62 - (kinds.length - 1) * BAR_GAP) / kinds.length));
  const bands: { place: string; from: number; to: number }[] = [];
  groups.forEach((g, i) => {
    const last = bands[bands.length - 1];
    if (last && last.place === g.place) last.to = i;
    else bands.push({ place: g.place, from: i, to: i });
  });
  const measureName = data.measure === 'growth' ? '增速' : '总量';
  const title = `${data.indicator}${measureName}（${unit || '无单位'}）：各${placeShort}各年份${kinds.map((k) => KIND_LABEL[k]).join('、')}对比`;
  const summary = groups
    .map((g) => `${g.place}${g.year}年 ${g.bars.map((b) => `${KIND_LABEL[b.kind]}${barLabel(b)}${unit}`).join('，')}`)
    .join('；');

  return (
    <svg
      className="chart"
      viewBox={`0 0 ${width} ${HEIGHT}`}
      width={width}
      height={HEIGHT}
      role="img"
      aria-label={`${title}。${summary}`}
      preserveAspectRatio="xMinYMin meet"
    >
      <title>{title}</title>
      <desc>{summary}</desc>
      {/* y axis: gridlines and tick labels */}
      {ticks.map((t) => (
        <g key={t}>
          <line
            x1={LEFT}
            x2={width - RIGHT}
            y1={y(t)}
            y2={y(t)}
            className={t === 0 ? 'chart-zero' : 'chart-grid'}
          />
          <text x={LEFT - 8} y={y(t)} className="chart-tick" textAnchor="end" dominantBaseline="middle">
            {fmt(t)}
          </text>
        </g>
      ))}
      <text x={12} y={TOP - 14} className="chart-unit">
        {unit ? `单位：${unit}` : ''}
      </text>
      {groups.map((g, gi) => {
        const cx = LEFT + slot * (gi + 0.5);
        // The bars a group has, centred on the group; the legend tells the kinds apart.
        const total = g.bars.length * bar + (g.bars.length - 1) * BAR_GAP;
        return (
          <g key={`${g.place}-${g.year}`}>
            {g.bars.map((b, bi) => {
              const x = cx - total / 2 + bi * (bar + BAR_GAP);
              const top = Math.min(y(b.value), y(0));
              const h = Math.max(1, Math.abs(y(b.value) - y(0)));
              return (
                <g key={b.kind}>
                  <rect x={x} y={top} width={bar} height={h} rx={3} className={`chart-bar kind-${b.kind}`}>
                    <title>{`${g.place}${g.year}年${KIND_LABEL[b.kind]}：${b.row.quote}`}</title>
                  </rect>
                  <text
                    x={x + bar / 2}
                    y={b.value >= 0 ? top - 6 : top + h + 13}
                    className="chart-value"
                    textAnchor="middle"
                  >
                    {barLabel(b)}
                  </text>
                </g>
              );
            })}
            <text x={cx} y={HEIGHT - BOTTOM + 18} className="chart-sublabel" textAnchor="middle">
              {g.year}
            </text>
          </g>
        );
      })}
      {/* One label per place, under the run of its groups. */}
      {bands.map((b) => (
        <g key={b.place}>
          <line
            x1={LEFT + slot * b.from + 8}
            x2={LEFT + slot * (b.to + 1) - 8}
            y1={HEIGHT - BOTTOM + 28}
            y2={HEIGHT - BOTTOM + 28}
            className="chart-band"
          />
          <text
            x={LEFT + slot * ((b.from + b.to + 1) / 2)}
            y={HEIGHT - BOTTOM + 46}
            className="chart-label"
            textAnchor="middle"
          >
            {b.place}
          </text>
        </g>
      ))}
    </svg>
  );
}
