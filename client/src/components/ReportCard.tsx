import type { ReportMeta } from '../../../retrieval/types.js';
import { formatDate, reportDisplayTitle, reportYear, speakerLine } from '../labels.js';
import { formatRoute } from '../route.js';

export function ReportCard({ meta, onAsk }: { meta: ReportMeta; onAsk: (meta: ReportMeta) => void }) {
  const href = formatRoute({ view: 'report', reportId: meta.id });
  return (
    <li className="report-card">
      <div className="report-card-head">
        <span className="report-card-district">{meta.district}</span>
        <span className="report-card-year">{reportYear(meta)}</span>
      </div>
      <h2 className="report-card-title">
        <a href={href}>{reportDisplayTitle(meta)}</a>
      </h2>
      <dl className="report-card-meta">
        {(meta.city || meta.province) && (
          <>
            <dt>所属</dt>
            <dd>{[meta.province, meta.city].filter((p) => p && p !== meta.district).join(' · ') || '—'}</dd>
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
      </dl>
      {meta.warnings && meta.warnings.length > 0 && (
        <ul className="report-card-warnings" aria-label="未能从报告中读出">
          {meta.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="report-card-actions">
        <a className="btn btn-sm" href={href}>
          阅读全文
        </a>
        <button type="button" className="btn-ghost btn-sm" onClick={() => onAsk(meta)}>
          就此报告提问
        </button>
      </div>
    </li>
  );
}
