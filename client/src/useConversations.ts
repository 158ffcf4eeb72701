// The conversation store for the app's lifetime, and the list the sidebar shows,
// refreshed after every change. IndexedDB blocked (some private windows): the
// store is kept in memory for this page and the sidebar says so.
import { useCallback, useEffect, useState } from 'react';
import {
  adoptSessionConversation,
  memoryConversationStore,
  openConversationStore,
  type ConversationStore,
  type ConversationSummary,
} from './conversationStore.js';

export interface Conversations {
  store?: ConversationStore;
  /** False when conversations cannot outlive this page. */
  lasting: boolean;
  list: ConversationSummary[];
  refresh: () => void;
}

let opened: Promise<{ store: ConversationStore; lasting: boolean }> | undefined;

/** One store per page, opened on first use. */
export function conversationStore(): Promise<{ store: ConversationStore; lasting: boolean }> {
  opened ??= openConversationStore().then(
    async (store) => {
      await adoptSessionConversation(store);
      return { store, lasting: true };
    },
    () => ({ store: memoryConversationStore(), lasting: false }),
  );
  return opened;
}

export function useConversations(): Conversations {
  const [state, setState] = useState<{ store?: ConversationStore; lasting: boolean }>({ lasting: true });
  const [list, setList] = useState<ConversationSummary[]>([]);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    void conversationStore().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (!state.store) return;
    let live = true;
    state.store.list().then(
      (l) => live && setList(l),
      () => live && setList([]),
    );
    return () => {
      live = false;
    };
  }, [state.store, version]);
  const refresh = useCallback(() => setVersion((v) => v + 1), []);
  return { store: state.store, lasting: state.lasting, list, refresh };
}
