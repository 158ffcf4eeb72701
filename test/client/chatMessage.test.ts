import { describe, expect, it } from 'vitest';
import type { ChatCitationsData } from '../../server/api/schemas.js';
import {
  cleanFilters,
  compactHistory,
  describeFilters,
  messageCitations,
  messageText,
  type ChatMessage,
} from '../../client/src/chatMessage.js';

const data: ChatCitationsData = {
  status: 'answered',
  answer: '惠济区2024年地区生产总值（GDP）的预期目标是增长7%左右[1]。',
  citations: [
    {
      marker: 1,
      id: 'huiji-2024:p25',
      reportId: 'huiji-2024',
      place: '惠济区',
      year: 2024,
      section: '二、2024年政府工作总体要求和主要预期目标',
      text: '经济社会发展主要预期目标是:地区生产总值增长7%左右。',
      matched: [],
      figures: ['7%左右'],
    },
  ],
  mode: 'extractive',
  verified: true,
  removed: [],
  timings: { retrieveMs: 1, generateMs: 1 },
};

const user: ChatMessage = { id: 'u1', role: 'user', parts: [{ type: 'text', text: '惠济区2024年GDP目标是多少' }] };
const assistant: ChatMessage = {
  id: 'a1',
  role: 'assistant',
  parts: [
    { type: 'text', text: '草稿[1]' },
    { type: 'data-citations', data },
  ],
};

describe('chat messages', () => {
  it('reads the text and the validated citations payload', () => {
    expect(messageText(user)).toBe('惠济区2024年GDP目标是多少');
    expect(messageCitations(assistant)?.answer).toBe(data.answer);
    expect(messageCitations(user)).toBeUndefined();
  });

  it('ignores a payload that does not match the contract', () => {
    const bad: ChatMessage = {
      id: 'a2',
      role: 'assistant',
      parts: [{ type: 'data-citations', data: { status: 'answered' } as unknown as ChatCitationsData }],
    };
    expect(messageCitations(bad)).toBeUndefined();
  });

  it('sends recent history as text only, using the checked answer', () => {
    const many: ChatMessage[] = Array.from({ length: 30 }, (_, i) => ({
      id: `m${i}`,
      role: i % 2 ? 'assistant' : 'user',
      parts: [{ type: 'text', text: `t${i}` }],
    }));
    expect(compactHistory([...many, user, assistant], 4).map((m) => m.id)).toEqual(['m28', 'm29', 'u1', 'a1']);
    const last = compactHistory([user, assistant]).at(-1);
    expect(last?.parts).toEqual([{ type: 'text', text: data.answer }]);
  });

  it('cleans and describes filters', () => {
    expect(cleanFilters({})).toBeUndefined();
    expect(cleanFilters({ place: '', year: undefined })).toBeUndefined();
    expect(cleanFilters({ place: '惠济区', year: 2024 })).toEqual({ place: '惠济区', year: 2024 });
    expect(describeFilters({ place: '惠济区', year: 2024 })).toBe('惠济区 · 2024年报告');
    expect(describeFilters(undefined)).toBeUndefined();
  });
});

describe('messageVerifying', () => {
  it('is true while a verifying status is the latest and no citations arrived', async () => {
    const { messageVerifying } = await import('../../client/src/chatMessage.js');
    const base = { id: 'a', role: 'assistant' as const };
    expect(messageVerifying({ ...base, parts: [{ type: 'text', text: '甲' }] } as never)).toBe(false);
    expect(messageVerifying({ ...base, parts: [{ type: 'data-status', id: 'status', data: { state: 'verifying' } }] } as never)).toBe(true);
    expect(messageVerifying({ ...base, parts: [{ type: 'data-status', id: 'status', data: { state: 'done' } }] } as never)).toBe(false);
  });
});
