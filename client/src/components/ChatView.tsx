import { useChat } from '@ai-sdk/react';
import { DefaultChatTransport } from 'ai';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Citation, Filters } from '../../../server/api/schemas.js';
import type { ReportMeta } from '../../../retrieval/browser.js';
import { chatFetch, describeChatError } from '../api.js';
import {
  cleanFilters,
  compactHistory,
  messageCitations,
  messageVerifying,
  messageText,
  type ChatMessage,
} from '../chatMessage.js';
import { copyText } from '../clipboard.js';
import { conversationHtml, conversationMarkdown, exportFileName } from '../conversationExport.js';
import { keepConversation, titleFor, type Conversation, type ConversationStore } from '../conversationStore.js';
import { saveText } from '../download.js';
import { formatRoute, type LinkedQuestion, type SearchParams } from '../route.js';
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
  /** The conversation as stored (or a new, empty one). */
  conversation: Conversation;
  /** Its title as listed now (the user may have renamed it since it was loaded). */
  listedTitle?: string;
  store?: ConversationStore;
  /** Called after the conversation was saved (the list is stale). */
  onSaved: (conversation: Conversation) => void;
  /** The answer a link pointed to: scrolled to and marked. */
  answerId?: string;
  /** A question a link carried, asked once when the conversation is empty. */
  ask?: LinkedQuestion;
  onNew: () => void;
  /** Open the hit test for a question (为什么是这些出处). */
  onExplain: (params: SearchParams) => void;
  /** Whether the conversation list is a column beside the chat, or needs opening. */
  sidebarToggle?: { open: boolean; onToggle: () => void };
}

interface OpenCitation {
  citation: Citation;
  origin: HTMLElement | null;
}

/** The DOM id of an answer, for links to it. */
export const answerDomId = (messageId: string) => `answer-${messageId.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function ChatView({ active, reports, scope, onScopeChange, conversation, listedTitle, store, onSaved, answerId, ask, onNew, onExplain, sidebarToggle }: Props) {
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
    id: conversation.id,
    transport,
    messages: conversation.messages,
    experimental_throttle: 40,
  });
  const busy = status === 'submitted' || status === 'streaming';

  // Which filters each question was asked with, so a retry asks the same way.
  const [filtersByMessage, setFiltersByMessage] = useState<Record<string, Filters>>(conversation.filtersByMessage);
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

  // Every finished exchange is kept; a conversation with no message yet is not listed.
  const [saveError, setSaveError] = useState(false);
  const [title, setTitle] = useState(conversation.title);
  useEffect(() => {
    if (busy || !store || messages.length === 0) return;
    let live = true;
    keepConversation(store, { id: conversation.id, messages, filtersByMessage }).then(
      (saved) => {
        if (!live) return;
        setSaveError(false);
        setTitle(saved.title);
        onSaved(saved);
      },
      () => live && setSaveError(true),
    );
    return () => {
      live = false;
    };
  }, [busy, store, messages, filtersByMessage, conversation.id, onSaved]);

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
  const stick = useRef(!answerId);
  const onScroll = () => {
    const el = scrollRef.current;
    if (el) stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 80;
  };
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [messages, status, error]);

  // A link to one answer: show that answer.
  useEffect(() => {
    if (!answerId) return;
    const el = document.getElementById(answerDomId(answerId));
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.classList.add('is-linked');
  }, [answerId]);

  const send = (text: string, filtersGiven?: Filters) => {
    if (busy) return;
    const filters = cleanFilters(filtersGiven ?? scope);
    // A question that failed outright has no answer; drop it rather than send it twice.
    if (error && messages[messages.length - 1]?.role === 'user') setMessages(messages.slice(0, -1));
    pendingFilters.current = filters ?? {};
    stick.current = true;
    void sendMessage({ text }, filters ? { body: { filters } } : undefined);
  };

  // A question carried by a link is asked once, in a conversation that does not have it yet.
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current || !ask || conversation.messages.length > 0) return;
    asked.current = true;
    send(ask.q, { place: ask.place, year: ask.year });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ask, conversation.messages.length]);

  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const retry = () => {
    if (busy) return;
    const filters = lastUser ? cleanFilters(filtersByMessage[lastUser.id] ?? {}) : undefined;
    stick.current = true;
    setPanel(null);
    void regenerate(filters ? { body: { filters } } : undefined);
  };

  const startNew = async () => {
    if (busy) await stop();
    clearError();
    setPanel(null);
    onNew();
  };

  const exportAs = (kind: 'md' | 'html') => {
    const conv = { title: listedTitle || title || titleFor(messages), messages, filtersByMessage };
    if (kind === 'md') saveText(conversationMarkdown(conv), exportFileName(conv.title, 'md'), 'text/markdown');
    else saveText(conversationHtml(conv), exportFileName(conv.title, 'html'), 'text/html');
  };

  /** The question an answer replies to, and the questions before it (for follow-ups). */
  const questionOf = (index: number): { question: string; earlier: string[]; filters?: Filters } | undefined => {
    const users = messages.slice(0, index).filter((m) => m.role === 'user');
    const own = users[users.length - 1];
    if (!own) return undefined;
    return { question: messageText(own), earlier: users.slice(0, -1).map(messageText).slice(-6), filters: filtersByMessage[own.id] };
  };

  const answerLink = (messageId: string, index: number): string => {
    const q = questionOf(index);
    const route = formatRoute({
      view: 'chat',
      conversationId: conversation.id,
      answerId: messageId,
      // Another browser does not have this conversation: the link asks the question again there.
      ask: q ? { q: q.question, place: q.filters?.place, year: q.filters?.year } : undefined,
    });
    return `${window.location.origin}${window.location.pathname}${route}`;
  };

  const last = messages[messages.length - 1];
  const waiting = status === 'submitted' && last?.role === 'user';

  return (
    <div className={`chat-view${panel ? ' has-panel' : ''}${panel?.citation.page !== undefined ? ' has-page-panel' : ''}`} hidden={!active}>
      <div className="chat-main">
        <div className="chat-scroll" ref={scrollRef} onScroll={onScroll}>
          <div className="chat-column">
            <div className="chat-toolbar">
              {sidebarToggle && (
                <button type="button" className="btn-ghost btn-sm sidebar-toggle" aria-expanded={sidebarToggle.open} onClick={sidebarToggle.onToggle}>
                  <Icon name="list" size={14} />
                  对话记录
                </button>
              )}
              <span className="toolbar-gap" />
              {messages.length > 0 && (
                <>
                  <button type="button" className="btn-ghost btn-sm" onClick={() => exportAs('md')} disabled={busy}>
                    <Icon name="download" size={14} />
                    导出 Markdown
                  </button>
                  <button type="button" className="btn-ghost btn-sm" onClick={() => exportAs('html')} disabled={busy}>
                    <Icon name="download" size={14} />
                    导出网页
                  </button>
                  <button type="button" className="btn-ghost btn-sm" onClick={() => void startNew()}>
                    <Icon name="plus" size={14} />
                    新对话
                  </button>
                </>
              )}
            </div>
            {saveError && (
              <p className="msg-note" role="status">
                对话未能保存到浏览器，关闭页面后将不再保留。
              </p>
            )}
            {messages.length === 0 && !ask && <EmptyChat reports={reports} onPick={(q) => send(q)} busy={busy} />}
            <div className="messages">
              {messages.map((m, i) => {
                if (m.role === 'user') return <UserMessage key={m.id} text={messageText(m)} filters={filtersByMessage[m.id]} />;
                if (m.role !== 'assistant') return null;
                const isLast = i === messages.length - 1;
                const streaming = isLast && busy;
                const data = messageCitations(m);
                const q = questionOf(i);
                return (
                  <AssistantMessage
                    key={m.id}
                    domId={answerDomId(m.id)}
                    // The final payload carries the checked answer, which replaces the streamed draft.
                    text={data ? data.answer : messageText(m)}
                    data={data}
                    streaming={streaming}
                    verifying={messageVerifying(m)}
                    interrupted={!streaming && !data && !(isLast && error)}
                    canRetry={isLast && !busy}
                    onRetry={retry}
                    onOpenCitation={openCitation}
                    onCopyLink={data ? () => copyText(answerLink(m.id, i)) : undefined}
                    onExplain={
                      data && q
                        ? () => onExplain({ q: q.question, place: q.filters?.place, year: q.filters?.year, context: q.earlier.length ? q.earlier : undefined })
                        : undefined
                    }
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
            onSend={(text) => send(text)}
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
