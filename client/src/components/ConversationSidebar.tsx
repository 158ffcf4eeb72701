import { useMemo, useState } from 'react';
import { searchSummaries, type ConversationSummary } from '../conversationStore.js';
import { formatRoute } from '../route.js';
import { Icon } from './Icon.js';

interface Props {
  list: ConversationSummary[];
  currentId?: string;
  /** False when the browser keeps nothing (IndexedDB blocked). */
  lasting: boolean;
  onNew: () => void;
  onRename: (id: string, title: string) => Promise<void>;
  onRemove: (id: string) => Promise<void>;
  /** A conversation was picked (closes the drawer on narrow screens). */
  onPicked?: () => void;
}

/** 今天 14:05 / 昨天 / 5月6日 / 2023年5月6日 */
export function conversationDate(at: number, now = Date.now()): string {
  const d = new Date(at);
  const today = new Date(now);
  const dayStart = (x: Date) => new Date(x.getFullYear(), x.getMonth(), x.getDate()).getTime();
  const days = Math.round((dayStart(today) - dayStart(d)) / 86_400_000);
  if (days === 0) return `今天 ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  if (days === 1) return '昨天';
  if (d.getFullYear() === today.getFullYear()) return `${d.getMonth() + 1}月${d.getDate()}日`;
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

function Item({ s, current, onRename, onRemove, onPicked }: { s: ConversationSummary; current: boolean } & Pick<Props, 'onRename' | 'onRemove' | 'onPicked'>) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(s.title);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    await onRename(s.id, title);
    setBusy(false);
    setEditing(false);
  };
  if (editing) {
    return (
      <li className="conv-item is-editing">
        <form
          className="conv-rename"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <input
            aria-label="对话名称"
            value={title}
            maxLength={60}
            autoFocus
            onChange={(e) => setTitle(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setTitle(s.title);
                setEditing(false);
              }
            }}
          />
          <button type="submit" className="btn btn-primary btn-sm" disabled={busy || !title.trim()}>
            保存
          </button>
          <button type="button" className="btn-ghost btn-sm" onClick={() => setEditing(false)}>
            取消
          </button>
        </form>
      </li>
    );
  }
  return (
    <li className={`conv-item${current ? ' is-current' : ''}`}>
      <a className="conv-link" href={formatRoute({ view: 'chat', conversationId: s.id })} aria-current={current ? 'page' : undefined} onClick={onPicked}>
        <span className="conv-title">{s.title}</span>
        <span className="conv-date">
          {conversationDate(s.updatedAt)} · {s.questions} 问
        </span>
      </a>
      <span className="conv-actions">
        <button type="button" className="icon-btn icon-btn-sm" aria-label={`重命名“${s.title}”`} title="重命名" onClick={() => setEditing(true)}>
          <Icon name="edit" size={14} />
        </button>
        <button
          type="button"
          className="icon-btn icon-btn-sm"
          aria-label={`删除“${s.title}”`}
          title="删除"
          onClick={() => {
            if (window.confirm(`删除对话“${s.title}”？删除后无法恢复。`)) void onRemove(s.id);
          }}
        >
          <Icon name="trash" size={14} />
        </button>
      </span>
    </li>
  );
}

/** Past conversations: newest first, searchable, renamed and deleted in place. */
export function ConversationSidebar({ list, currentId, lasting, onNew, onRename, onRemove, onPicked }: Props) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => searchSummaries(list, query), [list, query]);
  return (
    <nav className="conv-sidebar" aria-label="对话记录">
      <div className="conv-head">
        <h2 className="conv-heading">对话记录</h2>
        <button type="button" className="btn btn-sm" onClick={onNew}>
          <Icon name="plus" size={14} />
          新对话
        </button>
      </div>
      <input className="conv-search" type="search" placeholder="搜索对话" aria-label="搜索对话" value={query} onChange={(e) => setQuery(e.target.value)} />
      {!lasting && <p className="conv-note">浏览器不允许保存数据，对话只保留到关闭页面。</p>}
      {list.length === 0 ? (
        <p className="conv-note">提问后，对话会保存在这里，关闭浏览器也不会丢失。</p>
      ) : shown.length === 0 ? (
        <p className="conv-note">没有包含“{query.trim()}”的对话。</p>
      ) : (
        <ul className="conv-list">
          {shown.map((s) => (
            <Item key={s.id} s={s} current={s.id === currentId} onRename={onRename} onRemove={onRemove} onPicked={onPicked} />
          ))}
        </ul>
      )}
    </nav>
  );
}
