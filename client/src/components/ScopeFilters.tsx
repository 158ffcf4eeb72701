import { useMemo } from 'react';
import type { Filters } from '../../../server/api/schemas.js';
import type { ReportMeta } from '../../../retrieval/types.js';
import { reportYear, sortDistricts } from '../labels.js';

interface Props {
  reports: ReportMeta[];
  value: Filters;
  onChange: (next: Filters) => void;
  disabled?: boolean;
}

/** District and report-year selects that scope the next question. */
export function ScopeFilters({ reports, value, onChange, disabled }: Props) {
  const districts = useMemo(() => sortDistricts(reports.map((r) => r.district)), [reports]);
  const years = useMemo(
    () =>
      [...new Set(reports.filter((r) => !value.district || r.district === value.district).map(reportYear))].sort(
        (a, b) => b - a,
      ),
    [reports, value.district],
  );

  const setDistrict = (district: string) => {
    const next: Filters = {};
    if (district) next.district = district;
    // Keep the year only if the new district has a report for it.
    if (value.year !== undefined && reports.some((r) => (!district || r.district === district) && reportYear(r) === value.year)) {
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
      <label className="sr-only" htmlFor="scope-district">
        限定区
      </label>
      <select
        id="scope-district"
        className="select select-sm"
        value={value.district ?? ''}
        onChange={(e) => setDistrict(e.target.value)}
        disabled={disabled}
      >
        <option value="">全部区</option>
        {districts.map((d) => (
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
      {(value.district || value.year !== undefined) && (
        <button type="button" className="link-btn" onClick={() => onChange({})} disabled={disabled}>
          清除
        </button>
      )}
    </div>
  );
}
