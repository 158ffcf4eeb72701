import { useLayoutEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { MAX_QUESTION_CHARS, type Filters } from '../../../server/api/schemas.js';
import type { ReportMeta } from '../../../retrieval/browser.js';
import { Icon } from './Icon.js';
import { ScopeFilters } from './ScopeFilters.js';

interface Props {
  busy: boolean;
  reports: ReportMeta[];
  scope: Filters;
  onScopeChange: (next: Filters) => void;
  onSend: (text: string) => void;
  onStop: () => void;
}

export function Composer({ busy, reports, scope, onScopeChange, onSend, onStop }: Props) {
  const [text, setText] = useState('');
  const ref = useRef<HTMLTextAreaElement>(null);
  const trimmed = text.trim();
  const tooLong = trimmed.length > MAX_QUESTION_CHARS;

  // Grow with the text up to the CSS max-height.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [text]);

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || !trimmed || tooLong) return;
    onSend(trimmed);
    setText('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter while an input method is composing picks a candidate; it must not send.
    if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      submit();
    }
  };

  return (
    <form className="composer" onSubmit={submit}>
      <ScopeFilters reports={reports} value={scope} onChange={onScopeChange} />
      <div className={`composer-box${tooLong ? ' is-invalid' : ''}`}>
        <label htmlFor="question" className="sr-only">
          输入问题
        </label>
        <textarea
          id="question"
          ref={ref}
          rows={1}
          value={text}
          placeholder="输入关于政府工作报告的问题"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby="composer-hint"
          aria-invalid={tooLong || undefined}
          enterKeyHint="send"
        />
        {busy ? (
          <button type="button" className="composer-btn is-stop" onClick={onStop} aria-label="停止生成" title="停止生成">
            <Icon name="stop" size={16} />
          </button>
        ) : (
          <button
            type="submit"
            className="composer-btn"
            disabled={!trimmed || tooLong}
            aria-label="发送"
            title="发送（Enter）"
          >
            <Icon name="send" size={18} />
          </button>
        )}
      </div>
      <p id="composer-hint" className="composer-hint">
        {tooLong ? (
          <span className="text-danger">
            问题过长：{trimmed.length} / {MAX_QUESTION_CHARS} 字
          </span>
        ) : (
          <>Enter 发送，Shift + Enter 换行。回答仅依据已收录的报告原文。</>
        )}
      </p>
    </form>
  );
}
