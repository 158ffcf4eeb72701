import { useMemo, useState } from 'react';
import type { IndicatorKind } from '../../../retrieval/browser.js';
import { errorMessage, fetchIndicators, indicatorsCsvPath } from '../api.js';
import { downloadFromApi } from '../download.js';
import { useAsync, useElementWidth } from '../hooks.js';
import { buildChartData, type ChartMeasure } from '../indicatorChart.js';
import { KIND_LABEL, KIND_ORDER, placeNoun, sortPlaces } from '../labels.js';
import type { IndicatorFilters, Route } from '../route.js';
import { IndicatorChart } from './IndicatorChart.js';
import { IndicatorTable } from './IndicatorTable.js';
import { FilterSelect } from './FilterSelect.js';
import { Icon } from './Icon.js';
import { LoadError } from './LoadError.js';

interface Props {
  filters: IndicatorFilters;
  navigate: (route: Route, opts?: { replace?: boolean }) => void;
  /** What the loaded places are called (区, 县, 市, 省, 地方): labels follow the levels loaded. */
  places?: ReturnType<typeof placeNoun>;
}

const PREFERRED = '地区生产总值';

export function IndicatorView({ filters, navigate, places: names = placeNoun([]) }: Props) {
  // One request for the whole table: filtering and the chart work on it locally.
  const state = useAsync((signal) => fetchIndicators({}, signal), []);
  const all = state.data?.rows ?? [];

  const setFilters = (next: IndicatorFilters) => navigate({ view: 'indicators', filters: next }, { replace: true });
  const update = <K extends keyof IndicatorFilters>(key: K, value: IndicatorFilters[K] | undefined) => {
    const next = { ...filters };
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
    setFilters(next);
  };

  const places = useMemo(() => sortPlaces(all.map((r) => r.place)), [all]);
  const years = useMemo(() => [...new Set(all.map((r) => r.year))].sort((a, b) => b - a), [all]);
  const indicators = useMemo(() => {
    const names = state.data?.indicators.length ? state.data.indicators : [...new Set(all.map((r) => r.indicator))];
    return names.filter((n) => all.some((r) => r.indicator === n));
  }, [state.data, all]);

  const rows = useMemo(() => {
    const order = (name: string) => {
      const i = indicators.indexOf(name);
      return i === -1 ? indicators.length : i;
    };
    return all
      .filter(
        (r) =>
          (!filters.place || r.place === filters.place) &&
          (filters.year === undefined || r.year === filters.year) &&
          (!filters.indicator || r.indicator === filters.indicator) &&
          (!filters.kind || r.kind === filters.kind),
      )
      .sort(
        (a, b) =>
          places.indexOf(a.place) - places.indexOf(b.place) ||
          b.year - a.year ||
          order(a.indicator) - order(b.indicator) ||
          KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
      );
  }, [all, filters, places, indicators]);

  const [chartPick, setChartPick] = useState<string | undefined>(undefined);
  const [measurePick, setMeasurePick] = useState<ChartMeasure>('growth');
  const chartIndicator =
    chartPick ?? filters.indicator ?? (indicators.includes(PREFERRED) ? PREFERRED : indicators[0]) ?? PREFERRED;
  const measures = useMemo(() => {
    const ms = new Set(all.filter((r) => r.indicator === chartIndicator && r.value !== null).map((r) => r.measure));
    return (['growth', 'level'] as const).filter((m) => ms.has(m));
  }, [all, chartIndicator]);
  const measure: ChartMeasure = measures.includes(measurePick) ? measurePick : (measures[0] ?? 'growth');
  const chart = useMemo(() => buildChartData(all, chartIndicator, measure), [all, chartIndicator, measure]);

  const [chartWidth, chartBox] = useElementWidth<HTMLDivElement>();

  const anyFilter = !!(filters.place || filters.year !== undefined || filters.indicator || filters.kind);
  const [csvError, setCsvError] = useState<string>();
  const exportCsv = async () => {
    setCsvError(undefined);
    try {
      await downloadFromApi(indicatorsCsvPath(filters), '指标.csv');
    } catch (err) {
      setCsvError(errorMessage(err));
    }
  };

  return (
    <div className="page">
      <div className="page-inner page-wide">
        <header className="page-head">
          <h1>指标</h1>
          <p className="page-sub">从各报告中抽取的目标、实际与预计数值。每条都附原文，可跳转到所在段落核对。</p>
        </header>

        {state.status === 'loading' && <p className="muted">正在加载指标…</p>}
        {state.status === 'error' && <LoadError title="指标加载失败" message={state.error} onRetry={state.reload} />}

        {state.status === 'ready' && (
          <>
            <section className="card chart-card" aria-labelledby="chart-title">
              <div className="chart-head">
                <h2 id="chart-title">各{names.short}对比</h2>
                <div className="chart-controls">
                  <label className="field-inline">
                    <span>指标</span>
                    <select
                      className="select select-sm"
                      value={chartIndicator}
                      onChange={(e) => setChartPick(e.target.value)}
                    >
                      {indicators.map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </label>
                  {measures.length > 1 && (
                    <div className="segmented" role="radiogroup" aria-label="口径">
                      {measures.map((m) => (
                        <button
                          key={m}
                          type="button"
                          role="radio"
                          aria-checked={measure === m}
                          className={measure === m ? 'is-on' : ''}
                          onClick={() => setMeasurePick(m)}
                        >
                          {m === 'growth' ? '增速' : '总量'}
                        </button>
                      ))}
                    </div>
                  )}
                </div>
              </div>
              {chart.groups.length > 0 ? (
                <>
                  <ul className="legend" aria-hidden="true">
                    {chart.kinds.map((k) => (
                      <li key={k}>
                        <span className={`legend-swatch kind-${k}`} />
                        {KIND_LABEL[k]}
                      </li>
                    ))}
                  </ul>
                  <div className="chart-scroll" ref={chartBox}>
                    <IndicatorChart data={chart} fitWidth={chartWidth} placeShort={names.short} />
                  </div>
                </>
              ) : (
                <p className="muted">该指标没有可绘制的数值。</p>
              )}
            </section>

            <section className="card" aria-labelledby="table-title">
              <div className="table-head">
                <h2 id="table-title">指标明细</h2>
                <span className="muted">
                  共 {rows.length} 条{anyFilter && all.length !== rows.length ? `（全部 ${all.length} 条）` : ''}
                </span>
                <button type="button" className="btn btn-sm table-export" onClick={exportCsv} disabled={rows.length === 0} title="下载当前筛选下的指标明细，可用 Excel、WPS 打开">
                  <Icon name="download" size={14} />
                  导出 CSV
                </button>
              </div>
              {csvError && (
                <p className="form-error" role="alert">
                  导出失败：{csvError}
                </p>
              )}
              <div className="filters" role="group" aria-label="筛选指标">
                <FilterSelect
                  label={names.noun}
                  value={filters.place ?? ''}
                  options={places.map((d) => ({ value: d, label: d }))}
                  onChange={(v) => update('place', v || undefined)}
                />
                <FilterSelect
                  label="年份"
                  value={filters.year !== undefined ? String(filters.year) : ''}
                  options={years.map((y) => ({ value: String(y), label: `${y}年` }))}
                  onChange={(v) => update('year', v ? Number(v) : undefined)}
                />
                <FilterSelect
                  label="指标"
                  value={filters.indicator ?? ''}
                  options={indicators.map((n) => ({ value: n, label: n }))}
                  onChange={(v) => update('indicator', v || undefined)}
                />
                <FilterSelect
                  label="类型"
                  value={filters.kind ?? ''}
                  options={KIND_ORDER.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
                  onChange={(v) => update('kind', (v || undefined) as IndicatorKind | undefined)}
                />
                {anyFilter && (
                  <button type="button" className="link-btn filters-clear" onClick={() => setFilters({})}>
                    清除筛选
                  </button>
                )}
              </div>
              {rows.length > 0 ? (
                <IndicatorTable rows={rows} placeNoun={names.noun} />
              ) : (
                <p className="muted empty-rows">没有符合条件的指标。</p>
              )}
            </section>
          </>
        )}
      </div>
    </div>
  );
}
