import { useState } from 'react';
import type { MetaOverrides } from '../../../retrieval/browser.js';
import type { ReportSummary } from '../../../server/api/schemas.js';
import { DATE_FORMS, parseDateInput } from '../../../server/api/parseDateInput.js';
import { errorMessage, patchReport } from '../api.js';
import { formatDate } from '../labels.js';

/** The fields a user can correct, with the labels the form shows. */
const FIELDS = [
  ['place', '地方（如 澄川区、某某县、某某市）'],
  ['city', '所属城市'],
  ['province', '所属省份'],
  ['date', '报告日期（如 2019年1月15日）'],
  ['planYear', '计划年份'],
  ['reviewYear', '回顾年份'],
  ['speakerName', '报告人姓名'],
  ['speakerTitle', '报告人职务'],
  ['title', '标题'],
] as const;
type Field = (typeof FIELDS)[number][0];

function valueOf(meta: ReportSummary, field: Field): string {
  if (field === 'speakerName') return meta.speaker.name;
  if (field === 'speakerTitle') return meta.speaker.title;
  // Shown as people write dates; any of the accepted forms may be typed back.
  if (field === 'date') return meta.date ? formatDate(meta.date) : '';
  const v = meta[field];
  return v === undefined ? '' : String(v);
}

/** Form to correct an added report's metadata; saved through PATCH as its sidecar. */
export function MetaEditor({ meta, onSaved, onCancel }: { meta: ReportSummary; onSaved: (meta: ReportSummary) => void; onCancel: () => void }) {
  const [values, setValues] = useState<Record<Field, string>>(
    () => Object.fromEntries(FIELDS.map(([f]) => [f, valueOf(meta, f)])) as Record<Field, string>,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const changed: Record<string, string | number> = {};
    for (const [f] of FIELDS) {
      const v = values[f].trim();
      if (!v || v === valueOf(meta, f)) continue;
      if (f === 'date') {
        const iso = parseDateInput(v);
        if (!iso) return setError(`报告日期无法识别，请写成 ${DATE_FORMS}`);
        if (iso !== meta.date) changed.date = iso;
      } else changed[f] = f === 'planYear' || f === 'reviewYear' ? Number(v) : v;
    }
    if (Object.keys(changed).length === 0) return onCancel();
    setBusy(true);
    setError(undefined);
    try {
      const { report } = await patchReport(meta.id, changed as MetaOverrides);
      onSaved(report);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="meta-editor" onSubmit={save} aria-label={`修正“${meta.place}”报告的信息`}>
      {FIELDS.map(([f, label]) => (
        <label key={f} className="meta-field">
          <span>{label}</span>
          <input
            name={f}
            value={values[f]}
            inputMode={f === 'planYear' || f === 'reviewYear' ? 'numeric' : undefined}
            onChange={(e) => setValues((v) => ({ ...v, [f]: e.target.value }))}
          />
        </label>
      ))}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="meta-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
          {busy ? '保存中…' : '保存'}
        </button>
        <button type="button" className="btn-ghost btn-sm" onClick={onCancel} disabled={busy}>
          取消
        </button>
      </div>
    </form>
  );
}
