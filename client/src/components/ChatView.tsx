import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Citation, Filters } from '../../../server/api/schemas.js';
import type { ReportMeta } from '../../../retrieval/browser.js';
import { chatFetch, describeChatError } from '../api.js';
import {
  cleanFilters,
  compactHistory,
  loadConversation,
  messageCitations,
  messageVerifying,
  messageText,
  saveConversation,
  type ChatMessage,
} from '../chatMessage.js';
import { AssistantMessage } from './AssistantMessage.js';
import { ChatError } from './ChatError.js';
import { CitationPanel } from './CitationPanel.js';
import { Composer } from './Composer.js';
import { EmptyChat } from './EmptyChat.js';
import { Icon } from './Icon.js';
import { UserMessage } from './UserMessage.js';

interface Props {
  active: boolean;
  reports: (ReportMeta & { origin?: string })[];
  scope: Filters;
  onScopeChange: (next: Filters) => void;
}

interface OpenCitation {
  citation: Citation;
  origin: HTMLElement | null;
}

export function ChatView({ active, reports, scope, onScopeChange }: Props) {
  const initial = useMemo(() => loadConversation(), []);
  const transport = useMemo(
    () =>
      new DefaultChatTransport<ChatMessage>({
        api: '/api/chat',
        fetch: chatFetch,
        prepareSendMessagesRequest: ({ id, messages, body, trigger, messageId }) => ({
          body: { ...body, id, trigger, messageId, messages: compactHistory(messages) },
        }),
      }),
    [],
  );
  const { messages, sendMessage, regenerate, stop, setMessages, status, error, clearError } = useChat<ChatMessage>({
    transport,
    messages: initial.messages,
    experimental_throttle: 40,
  });
  const busy = status === 'submitted' || status === 'streaming';

  // Which filters each question was asked with, so a retry asks the same way.
  const [filtersByMessage, setFiltersByMessage] = useState<Record<string, Filters>>(initial.filtersByMessage);
  const pendingFilters = useRef<Filters | null>(null);
  useEffect(() => {
    if (!pendingFilters.current) return;
    const lastUser = [...messages].reverse().find((m) => m.role === 'user');
    if (lastUser && !(lastUser.id in filtersByMessage)) {
      const f = pendingFilters.current;
      pendingFilters.current = null;
      setFiltersByMessage((prev) => ({ ...prev, [lastUser.id]: f }));
    }
  }, [messages, filtersByMessage]);

  useEffect(() => {
    if (!busy) saveConversation({ messages, filtersByMessage });
  }, [busy, messages, filtersByMessage]);

  const [panel, setPanel] = useState<OpenCitation | null>(null);
  const openCitation = useCallback((citation: Citation, origin: HTMLElement) => setPanel({ citation, origin }), []);
  const panelRef = useRef(panel);
  panelRef.current = panel;
  const closePanel = useCallback(() => {
    const origin = panelRef.current?.origin;
    setPanel(null);
    // Give focus back to the chip that opened the panel.
    if (origin?.isConnected) requestAnimationFrame(() => origin.focus({ preventScroll: true }));
  }, []);
  useEffect(() => {
    if (!active) setPanel(null);
  }, [active]);

  // Follow the answer as it streams, unless the reader has scrolled up.
  const scrollRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const onScroll = () => {
    const el = scrollRef.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  };
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages, status, error]);

  const send = (text: string) => {
    if (busy) return;
    const filters = cleanFilters(scope);
    // A question that failed outright has no answer; drop it rather than send it twice.
    if (error && messages[messages.length - 1]?.role === 'user') setMessages(messages.slice(0, -1));
    pendingFilters.current = filters ?? {};
    stick.current = true;
    void sendMessage({ text }, filters ? { body: { filters } } : undefined);
  };

  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const retry = () => {
    if (busy) return;
    const filters = lastUser ? cleanFilters(filtersByMessage[lastUser.id] ?? {}) : undefined;
    stick.current = true;
    setPanel(null);
    void regenerate(filters ? { body: { filters } } : undefined);
  };

  const clear = async () => {
    if (busy) await stop();
    setMessages([]);
    setFiltersByMessage({});
    clearError();
    setPanel(null);
    document.getElementById('question')?.focus();
  };

  const last = messages[messages.length - 1];
  const waiting = status === 'submitted' && last?.role === 'user';

  return (
    <div className={`chat-view${panel ? ' has-panel' : ''}`} hidden={!active}>
      <div className="chat-main">
        <div className="chat-scroll" ref={scrollRef} onScroll={onScroll}>
          <div className="chat-column">
            {messages.length === 0 ? (
              <EmptyChat reports={reports} onPick={send} busy={busy} />
            ) : (
              <div className="chat-toolbar">
                <button type="button" className="btn-ghost btn-sm" onClick={clear}>
                  <Icon name="trash" size={14} />
                  清空对话
                </button>
              </div>
            )}
            <div className="messages">
              {messages.map((m, i) => {
                if (m.role === 'user') return <UserMessage key={m.id} text={messageText(m)} filters={filtersByMessage[m.id]} />;
                if (m.role !== 'assistant') return null;
                const isLast = i === messages.length - 1;
                const streaming = isLast && busy;
                const data = messageCitations(m);
                return (
                  <AssistantMessage
                    key={m.id}
                    // The final payload carries the checked answer, which replaces the streamed draft.
                    text={data ? data.answer : messageText(m)}
                    data={data}
                    streaming={streaming}
                    verifying={messageVerifying(m)}
                    interrupted={!streaming && !data && !(isLast && error)}
                    canRetry={isLast && !busy}
                    onRetry={retry}
                    onOpenCitation={openCitation}
                  />
                );
              })}
              {waiting && (
                <AssistantMessage
                  text=""
                  streaming
                  interrupted={false}
                  canRetry={false}
                  onRetry={retry}
                  onOpenCitation={openCitation}
                />
              )}
            </div>
            {error && <ChatError message={describeChatError(error)} onRetry={lastUser ? retry : undefined} />}
            <p className="sr-only" role="status">
              {status === 'submitted' ? '正在检索报告' : status === 'streaming' ? '正在生成回答' : ''}
            </p>
          </div>
        </div>
        <div className="composer-wrap">
          <Composer
            busy={busy}
            reports={reports}
            scope={scope}
            onScopeChange={onScopeChange}
            onSend={send}
            onStop={() => void stop()}
          />
        </div>
      </div>
      {panel && (
        <>
          <div className="panel-scrim" onClick={closePanel} aria-hidden="true" />
          <CitationPanel citation={panel.citation} onClose={closePanel} />
        </>
      )}
    </div>
  );
}
