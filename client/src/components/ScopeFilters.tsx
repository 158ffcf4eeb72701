import { useMemo } from 'react';
import type { Filters } from '../../../server/api/schemas.js';
import type { ReportMeta } from '../../../retrieval/browser.js';
import { placeNoun, reportYear, sortPlaces } from '../labels.js';

interface Props {
  reports: ReportMeta[];
  value: Filters;
  onChange: (next: Filters) => void;
  disabled?: boolean;
}

/** Place and report-year selects that scope the next question. */
export function ScopeFilters({ reports, value, onChange, disabled }: Props) {
  const places = useMemo(() => sortPlaces(reports.map((r) => r.place)), [reports]);
  const { noun } = placeNoun(places);
  const years = useMemo(
    () =>
      [...new Set(reports.filter((r) => !value.place || r.place === value.place).map(reportYear))].sort(
        (a, b) => b - a,
      ),
    [reports, value.place],
  );

  const setPlace = (place: string) => {
    const next: Filters = {};
    if (place) next.place = place;
    // Keep the year only if the new place has a report for it.
    if (value.year !== undefined && reports.some((r) => (!place || r.place === place) && reportYear(r) === value.year)) {
      next.year = value.year;
    }
    onChange(next);
  };
  const setYear = (year: string) => {
    const next: Filters = { ...value };
    if (year) next.year = Number(year);
    else delete next.year;
    onChange(next);
  };

  return (
    <div className="scope" role="group" aria-label="提问范围">
      <span className="scope-label" aria-hidden="true">
        范围
      </span>
      <label className="sr-only" htmlFor="scope-place">
        限定{noun}
      </label>
      <select
        id="scope-place"
        className="select select-sm"
        value={value.place ?? ''}
        onChange={(e) => setPlace(e.target.value)}
        disabled={disabled}
      >
        <option value="">全部{noun}</option>
        {places.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
      <label className="sr-only" htmlFor="scope-year">
        限定报告年份
      </label>
      <select
        id="scope-year"
        className="select select-sm"
        value={value.year !== undefined ? String(value.year) : ''}
        onChange={(e) => setYear(e.target.value)}
        disabled={disabled}
      >
        <option value="">全部年份</option>
        {years.map((y) => (
          <option key={y} value={y}>
            {y}年报告
          </option>
        ))}
      </select>
      {(value.place || value.year !== undefined) && (
        <button type="button" className="link-btn" onClick={() => onChange({})} disabled={disabled}>
          清除
        </button>
      )}
    </div>
  );
}
