import { useEffect, useState } from 'react';
import type { Filters } from '../../../server/api/schemas.js';
import { fetchReports } from '../api.js';
import { useAsync, useHashRoute } from '../hooks.js';
import { formatRoute } from '../route.js';
import { placeNoun, reportYear } from '../labels.js';
import { AppHeader } from './AppHeader.js';
import { ChatView } from './ChatView.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { IndicatorView } from './IndicatorView.js';
import { ReportShelf } from './ReportShelf.js';
import { ReportView } from './ReportView.js';

const TITLES = { chat: '问答', reports: '报告', report: '报告', indicators: '指标' } as const;

export function App() {
  const [route, navigate] = useHashRoute();
  const reports = useAsync((signal) => fetchReports(signal), []);
  const [scope, setScope] = useState<Filters>({});
  const places = placeNoun((reports.data?.reports ?? []).map((r) => r.place));

  useEffect(() => {
    document.title = route.view === 'chat' ? '报告问答' : `${TITLES[route.view]} · 报告问答`;
  }, [route.view]);

  const askAbout = (place: string, year: number) => {
    setScope({ place, year });
    navigate({ view: 'chat' });
    requestAnimationFrame(() => document.getElementById('question')?.focus());
  };

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        跳到主要内容
      </a>
      <AppHeader route={route} placeNoun={places.noun} />
      <main id="main" className="app-main" tabIndex={-1}>
        <ErrorBoundary resetKey={formatRoute(route)}>
        {reports.status === 'error' && route.view === 'chat' && (
          <p className="banner" role="alert">
            报告列表加载失败：{reports.error}
            <button type="button" className="link-btn" onClick={reports.reload}>
              重试
            </button>
          </p>
        )}
        <ChatView
          active={route.view === 'chat'}
          reports={reports.data?.reports ?? []}
          scope={scope}
          onScopeChange={setScope}
        />
        {route.view === 'reports' && (
          <ReportShelf state={reports} onAsk={(m) => askAbout(m.place, reportYear(m))} />
        )}
        {route.view === 'report' && (
          <ReportView
            key={route.reportId}
            reportId={route.reportId}
            paragraphId={route.paragraphId}
            navigate={navigate}
            onAsk={askAbout}
          />
        )}
        {route.view === 'indicators' && <IndicatorView filters={route.filters} navigate={navigate} places={places} />}
        </ErrorBoundary>
      </main>
    </div>
  );
}
