import { useEffect, useState } from 'react';
import type { Conversation, ConversationStore } from '../conversationStore.js';
import { ChatView } from './ChatView.js';

type Props = Omit<Parameters<typeof ChatView>[0], 'conversation'> & { conversationId: string; store?: ConversationStore };

/** Loads a conversation from the store (a new id is an empty conversation), then shows it. */
export function ChatSession({ conversationId, store, ...rest }: Props) {
  const [conversation, setConversation] = useState<Conversation | null>(null);
  useEffect(() => {
    if (!store) return;
    let live = true;
    const empty = (): Conversation => ({ id: conversationId, title: '', createdAt: Date.now(), updatedAt: Date.now(), messages: [], filtersByMessage: {} });
    store.get(conversationId).then(
      (c) => live && setConversation(c ?? empty()),
      () => live && setConversation(empty()),
    );
    return () => {
      live = false;
    };
  }, [conversationId, store]);
  if (!conversation) {
    return (
      <div className="chat-view" hidden={!rest.active}>
        <p className="muted chat-loading">正在载入对话…</p>
      </div>
    );
  }
  return <ChatView {...rest} conversation={conversation} store={store} />;
}
