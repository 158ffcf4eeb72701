// Conversations kept in the browser's IndexedDB, so they survive a closed tab or
// browser. Two object stores written in one transaction: `conversations` holds
// whole conversations (messages with their citation payloads, which are large),
// `summaries` the little the sidebar lists and searches (title, dates, the plain
// text of questions and answers), so listing never reads every citation.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Filters } from '../../server/api/schemas.js';
import { messageCitations, messageText, type ChatMessage } from './chatMessage.js';

export interface Conversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  messages: ChatMessage[];
  /** Which filters each question was asked with, so a retry asks the same way. */
  filtersByMessage: Record<string, Filters>;
}

export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  /** Questions and answers as plain text, for search. */
  text: string;
  questions: number;
}

interface Schema extends DBSchema {
  conversations: { key: string; value: Conversation };
  summaries: { key: string; value: ConversationSummary; indexes: { updatedAt: number } };
}

export interface ConversationStore {
  /** Newest first. */
  list(): Promise<ConversationSummary[]>;
  get(id: string): Promise<Conversation | undefined>;
  save(conversation: Conversation): Promise<void>;
  rename(id: string, title: string): Promise<void>;
  remove(id: string): Promise<void>;
}

export const DB_NAME = 'report-qa';
/** Bumped with an upgrade step whenever the stores change. */
const DB_VERSION = 1;
export const TITLE_MAX = 60;

/** A new conversation's id. Not crypto.randomUUID: that exists only on https or localhost. */
export function newConversationId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A conversation is called by its first question until the user renames it. */
export function titleFor(messages: readonly ChatMessage[]): string {
  const first = messages.find((m) => m.role === 'user');
  const text = first ? messageText(first).replace(/\s+/g, ' ').trim() : '';
  if (!text) return '新对话';
  return text.length > TITLE_MAX ? `${text.slice(0, TITLE_MAX - 1)}…` : text;
}

export function summaryOf(c: Conversation): ConversationSummary {
  const text = c.messages
    .map((m) => {
      const data = m.role === 'assistant' ? messageCitations(m) : undefined;
      return data ? data.answer : messageText(m);
    })
    .join('\n');
  return { id: c.id, title: c.title, createdAt: c.createdAt, updatedAt: c.updatedAt, text, questions: c.messages.filter((m) => m.role === 'user').length };
}

/** Summaries whose title or text holds every word of the query (case-insensitive). */
export function searchSummaries(list: readonly ConversationSummary[], query: string): ConversationSummary[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...list];
  return list.filter((s) => {
    const hay = `${s.title}\n${s.text}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export async function openConversationStore(name = DB_NAME): Promise<ConversationStore> {
  const db: IDBPDatabase<Schema> = await openDB<Schema>(name, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('conversations', { keyPath: 'id' });
      db.createObjectStore('summaries', { keyPath: 'id' }).createIndex('updatedAt', 'updatedAt');
    },
  });
  return {
    async list() {
      const all = await db.getAllFromIndex('summaries', 'updatedAt');
      return all.reverse();
    },
    get: (id) => db.get('conversations', id),
    async save(conversation) {
      const tx = db.transaction(['conversations', 'summaries'], 'readwrite');
      await Promise.all([tx.objectStore('conversations').put(conversation), tx.objectStore('summaries').put(summaryOf(conversation)), tx.done]);
    },
    async rename(id, title) {
      const clean = title.replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX);
      if (!clean) return;
      const tx = db.transaction(['conversations', 'summaries'], 'readwrite');
      const conv = await tx.objectStore('conversations').get(id);
      if (conv) {
        // Renaming is not new activity: the list keeps its order.
        const next = { ...conv, title: clean };
        await Promise.all([tx.objectStore('conversations').put(next), tx.objectStore('summaries').put(summaryOf(next))]);
      }
      await tx.done;
    },
    async remove(id) {
      const tx = db.transaction(['conversations', 'summaries'], 'readwrite');
      await Promise.all([tx.objectStore('conversations').delete(id), tx.objectStore('summaries').delete(id), tx.done]);
    },
  };
}

/** Where nothing can be kept (IndexedDB blocked): the same interface, in memory for this page. */
export function memoryConversationStore(): ConversationStore {
  const all = new Map<string, Conversation>();
  return {
    list: async () => [...all.values()].map(summaryOf).sort((a, b) => b.updatedAt - a.updatedAt),
    get: async (id) => all.get(id),
    save: async (c) => void all.set(c.id, c),
    rename: async (id, title) => {
      const c = all.get(id);
      const clean = title.replace(/\s+/g, ' ').trim().slice(0, TITLE_MAX);
      if (c && clean) all.set(id, { ...c, title: clean });
    },
    remove: async (id) => void all.delete(id),
  };
}

const LEGACY_KEY = 'report-qa:conversation:v1';

/**
 * The one conversation earlier versions kept in the tab's session storage, taken
 * over into the store once (then removed), so nobody loses the chat they had open.
 */
export async function adoptSessionConversation(store: ConversationStore, storage: Storage | undefined = globalThis.sessionStorage): Promise<string | undefined> {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(LEGACY_KEY);
  } catch {
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const data = JSON.parse(raw) as { messages?: unknown; filtersByMessage?: Record<string, Filters> };
    const messages = Array.isArray(data.messages)
      ? (data.messages as ChatMessage[]).filter((m) => !!m && typeof m.id === 'string' && (m.role === 'user' || m.role === 'assistant') && Array.isArray(m.parts))
      : [];
    if (messages.length === 0) return undefined;
    const now = Date.now();
    const conv: Conversation = { id: newConversationId(), title: titleFor(messages), createdAt: now, updatedAt: now, messages, filtersByMessage: data.filtersByMessage ?? {} };
    await store.save(conv);
    return conv.id;
  } catch {
    return undefined;
  } finally {
    try {
      storage?.removeItem(LEGACY_KEY);
    } catch {
      // nothing to clean
    }
  }
}

/**
 * Saves a conversation's messages, keeping what the store already knows of it (a
 * title the user gave it, when it began). `updatedAt` moves only when messages did.
 */
export async function keepConversation(
  store: ConversationStore,
  next: Pick<Conversation, 'id' | 'messages' | 'filtersByMessage'>,
  now = Date.now(),
): Promise<Conversation> {
  const existing = await store.get(next.id);
  const changed = !existing || JSON.stringify(existing.messages) !== JSON.stringify(next.messages) || JSON.stringify(existing.filtersByMessage) !== JSON.stringify(next.filtersByMessage);
  const conv: Conversation = {
    id: next.id,
    title: existing?.title ?? titleFor(next.messages),
    createdAt: existing?.createdAt ?? now,
    updatedAt: changed ? now : existing!.updatedAt,
    messages: next.messages,
    filtersByMessage: next.filtersByMessage,
  };
  if (changed) await store.save(conv);
  return conv;
}
