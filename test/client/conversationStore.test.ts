// Conversations in IndexedDB (fake-indexeddb stands in for the browser's): kept
// across store instances (a closed and reopened browser), listed newest first,
// renamed, searched and deleted; the session-storage chat of earlier versions is
// taken over once.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../client/src/chatMessage.js';
import {
  adoptSessionConversation,
  newConversationId,
  openConversationStore,
  searchSummaries,
  titleFor,
  type Conversation,
} from '../../client/src/conversationStore.js';
import { answeredTurn } from './chatFixtures.js';

let n = 0;
const freshName = () => `test-db-${++n}-${Date.now()}`;

function conversation(question: string, updatedAt: number, answer = '惠济区2024年地区生产总值的预期目标是增长7%左右[1]。'): Conversation {
  const messages = answeredTurn(question, answer);
  return { id: newConversationId(), title: titleFor(messages), createdAt: updatedAt, updatedAt, messages, filtersByMessage: {} };
}

describe('conversation store', () => {
  it('keeps conversations across store instances, newest first, with their citations', async () => {
    const name = freshName();
    const store = await openConversationStore(name);
    const older = conversation('惠济区2024年GDP目标是多少', 1000);
    const newer = conversation('卫东区2023年财政收入是多少', 2000);
    await store.save(older);
    await store.save(newer);

    const reopened = await openConversationStore(name);
    const list = await reopened.list();
    expect(list.map((s) => s.title)).toEqual(['卫东区2023年财政收入是多少', '惠济区2024年GDP目标是多少']);
    expect(list[0]).toMatchObject({ questions: 1 });
    const back = await reopened.get(older.id);
    expect(back?.messages).toEqual(older.messages);
  });

  it('renames without reordering, deletes, and searches titles and answers', async () => {
    const store = await openConversationStore(freshName());
    const a = conversation('惠济区2024年GDP目标是多少', 1000);
    const b = conversation('科技创新有哪些举措', 2000, '实施科技型企业倍增行动[1]。');
    await store.save(a);
    await store.save(b);
    await store.rename(a.id, '  惠济区   目标  ');
    await store.rename(b.id, '   '); // a blank name keeps the old one
    let list = await store.list();
    expect(list.map((s) => s.title)).toEqual(['科技创新有哪些举措', '惠济区 目标']);
    expect((await store.get(a.id))?.title).toBe('惠济区 目标');

    expect(searchSummaries(list, '7%左右').map((s) => s.id)).toEqual([a.id]); // in an answer
    expect(searchSummaries(list, '科技 举措').map((s) => s.id)).toEqual([b.id]); // every word, in the title
    expect(searchSummaries(list, 'gdp').map((s) => s.id)).toEqual([a.id]); // the first question, whatever the case
    expect(searchSummaries(list, '卫东区')).toEqual([]);
    expect(searchSummaries(list, '')).toHaveLength(2);

    await store.remove(b.id);
    list = await store.list();
    expect(list.map((s) => s.id)).toEqual([a.id]);
    expect(await store.get(b.id)).toBeUndefined();
  });

  it('titles a conversation by its first question, shortened', () => {
    expect(titleFor([])).toBe('新对话');
    const long = '请'.repeat(100);
    expect(titleFor(answeredTurn(long, '好[1]。'))).toHaveLength(60);
    expect(titleFor(answeredTurn(long, '好[1]。')).endsWith('…')).toBe(true);
    expect(newConversationId()).toMatch(/^[0-9a-f]{24}$/);
  });

  it('takes over the chat an earlier version kept in session storage, once', async () => {
    const store = await openConversationStore(freshName());
    const messages: ChatMessage[] = answeredTurn('惠济区2024年GDP目标是多少', '增长7%左右[1]。');
    const data = new Map<string, string>([['report-qa:conversation:v1', JSON.stringify({ messages, filtersByMessage: { [messages[0].id]: { year: 2024 } } })]]);
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      removeItem: (k: string) => void data.delete(k),
    } as unknown as Storage;
    const id = await adoptSessionConversation(store, storage);
    expect(id).toBeDefined();
    expect((await store.get(id!))?.filtersByMessage).toEqual({ [messages[0].id]: { year: 2024 } });
    expect(data.size).toBe(0);
    expect(await adoptSessionConversation(store, storage)).toBeUndefined();
  });
});

describe('keepConversation', () => {
  it('keeps a title the user gave and the start date; moves the date only when messages change', async () => {
    const { keepConversation } = await import('../../client/src/conversationStore.js');
    const store = await openConversationStore(freshName());
    const messages = answeredTurn('惠济区2024年GDP目标是多少', '增长7%左右[1]。');
    const first = await keepConversation(store, { id: 'c1', messages, filtersByMessage: {} }, 1000);
    expect(first).toMatchObject({ title: '惠济区2024年GDP目标是多少', createdAt: 1000, updatedAt: 1000 });
    await store.rename('c1', '我的问题');
    const same = await keepConversation(store, { id: 'c1', messages, filtersByMessage: {} }, 2000);
    expect(same).toMatchObject({ title: '我的问题', updatedAt: 1000 });
    const more = await keepConversation(store, { id: 'c1', messages: [...messages, ...answeredTurn('那卫东区呢', '6.5%[1]。')], filtersByMessage: {} }, 3000);
    expect(more).toMatchObject({ title: '我的问题', createdAt: 1000, updatedAt: 3000 });
    expect((await store.list())[0]).toMatchObject({ title: '我的问题', questions: 2 });
  });
});
