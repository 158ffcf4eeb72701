import { useState } from 'react';
import type { ReportSummary } from '../../../server/api/schemas.js';
import { deleteReport, errorMessage } from '../api.js';
import { formatDate, reportDisplayTitle, reportYear, speakerLine } from '../labels.js';
import { formatRoute } from '../route.js';
import { MetaEditor } from './MetaEditor.js';

interface Props {
  meta: ReportSummary;
  onAsk: (meta: ReportSummary) => void;
  /** An added report was corrected or deleted: the list is stale. */
  onChanged: () => void;
}

export function ReportCard({ meta, onAsk, onChanged }: Props) {
  const href = formatRoute({ view: 'report', reportId: meta.id });
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const added = meta.origin === 'added';

  const remove = async () => {
    if (!window.confirm(`删除报告“${meta.place} ${reportYear(meta)}”（${meta.sourceFile}）？删除后无法再就它提问。`)) return;
    setBusy(true);
    setError(undefined);
    try {
      await deleteReport(meta.id);
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <li className="report-card" data-report-id={meta.id}>
      <div className="report-card-head">
        <span className="report-card-place">{meta.place}</span>
        <span className="report-card-year">{reportYear(meta)}</span>
        {added && <span className="report-card-badge">已添加</span>}
      </div>
      <h2 className="report-card-title">
        <a href={href}>{reportDisplayTitle(meta)}</a>
      </h2>
      <dl className="report-card-meta">
        {(meta.city || meta.province) && (
          <>
            <dt>所属</dt>
            <dd>{[meta.province, meta.city].filter((p) => p && p !== meta.place).join(' · ') || '—'}</dd>
          </>
        )}
        <dt>日期</dt>
        <dd>{formatDate(meta.date)}</dd>
        {meta.congress && (
          <>
            <dt>会议</dt>
            <dd>{meta.congress}</dd>
          </>
        )}
        {speakerLine(meta) && (
          <>
            <dt>报告人</dt>
            <dd>{speakerLine(meta)}</dd>
          </>
        )}
        <dt>段落</dt>
        <dd>{meta.paragraphCount} 段</dd>
        {added && (
          <>
            <dt>文件</dt>
            <dd className="mono">{meta.sourceFile}</dd>
          </>
        )}
      </dl>
      {meta.warnings && meta.warnings.length > 0 && (
        <ul className="upload-warnings" aria-label="缺少的信息">
          {meta.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      {editing && (
        <MetaEditor
          meta={meta}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="report-card-actions">
        <a className="btn btn-sm" href={href}>
          阅读全文
        </a>
        <button type="button" className="btn-ghost btn-sm" onClick={() => onAsk(meta)}>
          就此报告提问
        </button>
        {added && !editing && (
          <button type="button" className="btn-ghost btn-sm" onClick={() => setEditing(true)} disabled={busy}>
            修正信息
          </button>
        )}
        {added && (
          <button type="button" className="btn-ghost btn-sm btn-danger" onClick={remove} disabled={busy}>
            {busy ? '删除中…' : '删除'}
          </button>
        )}
      </div>
    </li>
  );
}
