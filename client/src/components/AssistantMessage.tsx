import { useEffect, useRef, useState } from 'react';
import type { ChatCitationsData, Citation } from '../../../server/api/schemas.js';
import { answerForClipboard } from '../renderAnswer.js';
import { copyText } from '../clipboard.js';
import { AnswerMeta } from './AnswerMeta.js';
import { AnswerText } from './AnswerText.js';
import { Icon } from './Icon.js';
import { SourceList } from './SourceList.js';

interface Props {
  text: string;
  data?: ChatCitationsData;
  streaming: boolean;
  /** The server holds text back while it verifies it (a repair round runs). */
  verifying?: boolean;
  /** The stream ended without its citations (stopped or failed). */
  interrupted: boolean;
  canRetry: boolean;
  onRetry: () => void;
  onOpenCitation: (citation: Citation, origin: HTMLElement) => void;
  /** The element id links to this answer use. */
  domId?: string;
  /** Copies a link to this answer; resolves to whether it worked. */
  onCopyLink?: () => Promise<boolean>;
  /** Opens the hit test for this answer's question. */
  onExplain?: () => void;
}

type Copied = 'idle' | 'ok' | 'fail' | 'link-ok' | 'link-fail';
const COPIED_LABEL: Record<Copied, string> = { idle: '', ok: '回答已复制到剪贴板', fail: '复制失败', 'link-ok': '链接已复制到剪贴板', 'link-fail': '复制链接失败' };

export function AssistantMessage({ text, data, streaming, verifying, interrupted, canRetry, onRetry, onOpenCitation, domId, onCopyLink, onExplain }: Props) {
  const noEvidence = data?.status === 'no_evidence';
  const [copied, setCopied] = useState<Copied>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const show = (state: Copied) => {
    setCopied(state);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setCopied('idle'), 2000);
  };
  const copy = async () => show((await copyText(answerForClipboard(text, data?.citations ?? []))) ? 'ok' : 'fail');
  const copyLink = async () => show((await onCopyLink?.()) ? 'link-ok' : 'link-fail');

  return (
    <article className={`msg msg-assistant${noEvidence ? ' is-no-evidence' : ''}`} id={domId}>
      <h2 className="sr-only">回答</h2>
      {noEvidence && (
        <div className="no-evidence-label">
          <Icon name="search" size={15} />
          报告中未找到依据
        </div>
      )}
      <div className="answer" aria-live="polite" aria-busy={streaming}>
        {text ? (
          <AnswerText text={text} citations={data?.citations} streaming={streaming} onOpenCitation={onOpenCitation} />
        ) : streaming ? (
          <p className="thinking">
            <span className="dots" aria-hidden="true">
              <i />
              <i />
              <i />
            </span>
            正在检索报告…
          </p>
        ) : null}
        {streaming && verifying && (
          <p className="thinking verifying">
            <span className="dots" aria-hidden="true">
              <i />
              <i />
              <i />
            </span>
            核验中：正在核对引用和数字…
          </p>
        )}
      </div>
      {data && <AnswerMeta data={data} />}
      {data && data.citations.length > 0 && <SourceList citations={data.citations} onOpen={onOpenCitation} />}
      {interrupted && <p className="msg-note">回答未完成，出处未能加载。</p>}
      {!streaming && text && (
        <div className="msg-actions">
          <button type="button" className="btn-ghost btn-sm" onClick={copy}>
            <Icon name={copied === 'ok' ? 'check' : 'copy'} size={14} />
            {copied === 'ok' ? '已复制' : copied === 'fail' ? '复制失败' : '复制'}
          </button>
          {onCopyLink && (
            <button type="button" className="btn-ghost btn-sm" onClick={copyLink}>
              <Icon name={copied === 'link-ok' ? 'check' : 'link'} size={14} />
              {copied === 'link-ok' ? '链接已复制' : copied === 'link-fail' ? '复制失败' : '复制链接'}
            </button>
          )}
          {onExplain && (
            <button type="button" className="btn-ghost btn-sm" onClick={onExplain}>
              <Icon name="search" size={14} />
              为什么是这些出处
            </button>
          )}
          {canRetry && (
            <button type="button" className="btn-ghost btn-sm" onClick={onRetry}>
              <Icon name="retry" size={14} />
              重新回答
            </button>
          )}
          <span className="sr-only" role="status">
            {COPIED_LABEL[copied]}
          </span>
        </div>
      )}
    </article>
  );
}
