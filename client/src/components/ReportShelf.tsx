import type { ReportListResponse, ReportSummary } from '../../../server/api/schemas.js';
import type { AsyncState } from '../hooks.js';
import { sortPlaces } from '../labels.js';
import { AddReports } from './AddReports.js';
import { LoadError } from './LoadError.js';
import { ReportCard } from './ReportCard.js';

interface Props {
  state: AsyncState<ReportListResponse> & { reload: () => void; refresh: () => void };
  onAsk: (meta: ReportSummary) => void;
}

export function ReportShelf({ state, onAsk }: Props) {
  const reports = state.data?.reports ?? [];
  const order = sortPlaces(reports.map((r) => r.place));
  const sorted = [...reports].sort(
    (a, b) => order.indexOf(a.place) - order.indexOf(b.place) || (b.date ?? '').localeCompare(a.date ?? ''),
  );
  return (
    <div className="page">
      <div className="page-inner">
        <header className="page-head">
          <h1>报告</h1>
          <p className="page-sub">已收录的政府工作报告。打开任一报告可按章节阅读原文，回答中的引用也会定位到这里。</p>
        </header>
        {state.data?.upload?.enabled && (
          <AddReports extensions={state.data.upload.extensions} maxBytes={state.data.upload.maxBytes} onAdded={state.refresh} />
        )}
        {state.status === 'loading' && <p className="muted">正在加载报告列表…</p>}
        {state.status === 'error' && <LoadError title="报告列表加载失败" message={state.error} onRetry={state.reload} />}
        {state.data && state.data.errors.length > 0 && (
          <div className="load-warnings" role="status">
            <p className="load-warnings-title">以下文件未能加载</p>
            <ul>
              {state.data.errors.map((e) => (
                <li key={e.file}>
                  <span className="mono">{e.file}</span>：{e.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
        {state.status === 'ready' && reports.length === 0 && <p className="muted">暂无已收录的报告。</p>}
        <ul className="report-grid">
          {sorted.map((r) => (
            <ReportCard key={r.id} meta={r} onAsk={onAsk} onChanged={state.refresh} />
          ))}
        </ul>
      </div>
    </div>
  );
}
