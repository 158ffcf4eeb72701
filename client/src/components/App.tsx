import { useCallback, useEffect, useRef, useState } from 'react';
import type { Filters } from '../../../server/api/schemas.js';
import { fetchHealth, fetchReports } from '../api.js';
import { newConversationId, type Conversation } from '../conversationStore.js';
import { useAsync, useHashRoute, useNarrow } from '../hooks.js';
import { formatRoute, type SearchParams } from '../route.js';
import { placeNoun, reportYear } from '../labels.js';
import { useConversations } from '../useConversations.js';
import { AppHeader } from './AppHeader.js';
import { ChatSession } from './ChatSession.js';
import { ConversationSidebar } from './ConversationSidebar.js';
import { DegradedBanner } from './DegradedBanner.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { IndicatorView } from './IndicatorView.js';
import { ReportShelf } from './ReportShelf.js';
import { ReportView } from './ReportView.js';
import { SearchView } from './SearchView.js';

const TITLES = { chat: '问答', reports: '报告', report: '报告', indicators: '指标', search: '检索测试' } as const;

export function App() {
  const [route, navigate] = useHashRoute();
  const reports = useAsync((signal) => fetchReports(signal), []);
  const health = useAsync((signal) => fetchHealth(signal), []);
  const [scope, setScope] = useState<Filters>({});
  const places = placeNoun((reports.data?.reports ?? []).map((r) => r.place));
  const conversations = useConversations();

  // The conversation the chat shows: the one the address names, else a new one (listed once it has a question).
  const [chatId, setChatId] = useState(() => (route.view === 'chat' && route.conversationId) || newConversationId());
  const [saved, setSaved] = useState<Set<string>>(() => new Set());
  // #/chat without an id keeps the conversation the chat has open (a new one after 新对话).
  useEffect(() => {
    if (route.view === 'chat' && route.conversationId) setChatId(route.conversationId);
  }, [route]);
  const routeRef = useRef(route);
  routeRef.current = route;

  useEffect(() => {
    document.title = route.view === 'chat' ? '报告问答' : `${TITLES[route.view]} · 报告问答`;
  }, [route.view]);

  const narrowSidebar = useNarrow(1279);
  const [sidebarOpen, setSidebarOpen] = useState(false);

  const askAbout = (place: string, year: number) => {
    setScope({ place, year });
    navigate(saved.has(chatId) ? { view: 'chat', conversationId: chatId } : { view: 'chat' });
    requestAnimationFrame(() => document.getElementById('question')?.focus());
  };

  const onSaved = useCallback(
    (conv: Conversation) => {
      conversations.refresh();
      setSaved((prev) => (prev.has(conv.id) ? prev : new Set(prev).add(conv.id)));
      // A new conversation gets its address once it is kept, so a reload or a bookmark returns to it.
      const r = routeRef.current;
      // A link's question is asked once: the address then names the conversation only.
      if (r.view === 'chat' && (r.conversationId !== conv.id || r.ask || r.answerId)) navigate({ view: 'chat', conversationId: conv.id }, { replace: true });
    },
    [conversations.refresh, navigate],
  );

  const startNew = useCallback(() => {
    setChatId(newConversationId());
    setSidebarOpen(false);
    navigate({ view: 'chat' });
  }, [navigate]);

  const explain = useCallback((params: SearchParams) => navigate({ view: 'search', params }), [navigate]);

  const chatActive = route.view === 'chat';
  const chatHref = saved.has(chatId) ? { view: 'chat' as const, conversationId: chatId } : { view: 'chat' as const };

  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => {
        e.preventDefault();
        document.getElementById('main')?.focus();
      }}>
        跳到主要内容
      </a>
      <AppHeader route={route} placeNoun={places.noun} chatRoute={chatHref} />
      <main id="main" className="app-main" tabIndex={-1}>
        <DegradedBanner health={health.data} />
        <ErrorBoundary resetKey={formatRoute(route)}>
        {reports.status === 'error' && chatActive && (
          <p className="banner" role="alert">
            报告列表加载失败：{reports.error}
            <button type="button" className="link-btn" onClick={reports.reload}>
              重试
            </button>
          </p>
        )}
        <div className={`chat-layout${narrowSidebar ? ' is-narrow' : ''}${sidebarOpen ? ' sidebar-open' : ''}`} hidden={!chatActive}>
          {(!narrowSidebar || sidebarOpen) && (
            <ConversationSidebar
              list={conversations.list}
              currentId={chatId}
              lasting={conversations.lasting}
              onNew={startNew}
              onRename={async (id, title) => {
                await conversations.store?.rename(id, title);
                conversations.refresh();
              }}
              onRemove={async (id) => {
                await conversations.store?.remove(id);
                conversations.refresh();
                if (id === chatId) startNew();
              }}
              onPicked={() => setSidebarOpen(false)}
            />
          )}
          {narrowSidebar && sidebarOpen && <div className="sidebar-scrim" onClick={() => setSidebarOpen(false)} aria-hidden="true" />}
          <ChatSession
            key={chatId}
            conversationId={chatId}
            listedTitle={conversations.list.find((s) => s.id === chatId)?.title}
            store={conversations.store}
            active={chatActive}
            reports={reports.data?.reports ?? []}
            scope={scope}
            onScopeChange={setScope}
            onSaved={onSaved}
            answerId={route.view === 'chat' && route.conversationId === chatId ? route.answerId : undefined}
            ask={route.view === 'chat' && (route.conversationId ?? chatId) === chatId ? route.ask : undefined}
            onNew={startNew}
            onExplain={explain}
            sidebarToggle={narrowSidebar ? { open: sidebarOpen, onToggle: () => setSidebarOpen((o) => !o) } : undefined}
          />
        </div>
        {route.view === 'reports' && (
          <ReportShelf state={reports} onAsk={(m) => askAbout(m.place, reportYear(m))} />
        )}
        {route.view === 'report' && (
          <ReportView
            key={route.reportId}
            reportId={route.reportId}
            paragraphId={route.paragraphId}
            spans={route.spans}
            navigate={navigate}
            onAsk={askAbout}
          />
        )}
        {route.view === 'indicators' && <IndicatorView filters={route.filters} navigate={navigate} places={places} />}
        {route.view === 'search' && <SearchView params={route.params} navigate={navigate} reports={reports.data?.reports ?? []} />}
        </ErrorBoundary>
      </main>
    </div>
  );
}
