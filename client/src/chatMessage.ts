import type { UIMessage } from 'ai';
import { ChatCitationsDataSchema, type ChatCitationsData, type Filters } from '../../server/api/schemas.js';

/** Whether the server is holding text back to verify it (核验中) or is done. */
export interface ChatStatusData {
  state: 'verifying' | 'done';
}

/** A chat message whose stream ends with a `data-citations` part. */
export type ChatMessage = UIMessage<unknown, { citations: ChatCitationsData; status: ChatStatusData }>;

/** True while the server holds text back for verification and has not sent the final answer. */
export function messageVerifying(message: ChatMessage): boolean {
  if (messageCitations(message)) return false;
  const part = [...message.parts].reverse().find((p) => p.type === 'data-status');
  return !!part && (part as { data?: ChatStatusData }).data?.state === 'verifying';
}

export function messageText(message: ChatMessage): string {
  return message.parts
    .filter((p): p is Extract<ChatMessage['parts'][number], { type: 'text' }> => p.type === 'text')
    .map((p) => p.text)
    .join('');
}

/** The validated citations payload of an answer, once the stream has delivered it. */
export function messageCitations(message: ChatMessage): ChatCitationsData | undefined {
  for (let i = message.parts.length - 1; i >= 0; i--) {
    const part = message.parts[i];
    if (part.type === 'data-citations') {
      const parsed = ChatCitationsDataSchema.safeParse(part.data);
      return parsed.success ? parsed.data : undefined;
    }
  }
  return undefined;
}

/** How many earlier messages go with a question; the server reads only the last few turns. */
export const HISTORY_MESSAGES = 24;

/**
 * The messages sent with a request: the recent ones, text only. Citation payloads
 * carry whole paragraphs, so sending them back would only bloat the request.
 */
export function compactHistory(messages: readonly ChatMessage[], max = HISTORY_MESSAGES): ChatMessage[] {
  return messages.slice(-max).map((m) => {
    const data = m.role === 'assistant' ? messageCitations(m) : undefined;
    const text = data ? data.answer : messageText(m);
    return { id: m.id, role: m.role, parts: [{ type: 'text', text }] };
  });
}

/** Filters as sent to the server: only the keys that are set. */
export function cleanFilters(filters: Filters): Filters | undefined {
  const out: Filters = {};
  if (filters.place) out.place = filters.place;
  if (filters.year !== undefined) out.year = filters.year;
  return Object.keys(out).length ? out : undefined;
}

export function describeFilters(filters: Filters | undefined): string | undefined {
  if (!filters) return undefined;
  const bits: string[] = [];
  if (filters.place) bits.push(filters.place);
  if (filters.year !== undefined) bits.push(`${filters.year}年报告`);
  return bits.length ? bits.join(' · ') : undefined;
}

const STORAGE_KEY = 'report-qa:conversation:v1';

interface StoredConversation {
  messages: ChatMessage[];
  filtersByMessage: Record<string, Filters>;
}

export function loadConversation(): StoredConversation {
  const empty: StoredConversation = { messages: [], filtersByMessage: {} };
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return empty;
    const data = JSON.parse(raw) as Partial<StoredConversation>;
    if (!Array.isArray(data.messages)) return empty;
    const messages = data.messages.filter(
      (m): m is ChatMessage =>
        !!m && typeof m.id === 'string' && (m.role === 'user' || m.role === 'assistant') && Array.isArray(m.parts),
    );
    return { messages, filtersByMessage: data.filtersByMessage ?? {} };
  } catch {
    return empty;
  }
}

export function saveConversation(conv: StoredConversation): void {
  try {
    if (conv.messages.length === 0) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, JSON.stringify(conv));
  } catch {
    // Storage full or disabled: the conversation just won't survive a reload.
  }
}
