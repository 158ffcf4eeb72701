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
        {meta.city && (
          <>
            <dt>城市</dt>
            <dd>{meta.city}</dd>
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
