// A question in a conversation: earlier user turns are replayed so that
// follow-ups ("那卫东区呢？", "去年呢？") inherit place, year and indicator.
import type { ParsedQuery, ReportMeta } from '../types.js';
import { parseQuery } from './parseQuery.js';

type Catalog = Parameters<typeof parseQuery>[1];

export interface Turn {
  role: 'user' | 'assistant';
  content: string;
}

/** Earlier turns are cut to this length: they only set context. */
const MAX_TURN_CHARS = 1000;

export function parseConversation(question: string, history: Turn[], catalog: Catalog | ReportMeta[]): ParsedQuery {
  let context: ParsedQuery | undefined;
  for (const turn of history) {
    if (turn.role === 'user' && turn.content.trim()) context = parseQuery(turn.content.trim().slice(0, MAX_TURN_CHARS), catalog, context);
  }
  return parseQuery(question, catalog, context);
}
