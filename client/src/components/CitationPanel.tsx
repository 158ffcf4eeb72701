import { useEffect, useRef, useState } from 'react';
import type { Citation } from '../../../server/api/schemas.js';
import type { Paragraph } from '../../../retrieval/browser.js';
import { fetchParagraph } from '../api.js';
import { useAsync } from '../hooks.js';
import { formatDate, reportDisplayTitle, speakerLine } from '../labels.js';
import { formatRoute } from '../route.js';
import { HighlightedText } from './HighlightedText.js';
import { Icon } from './Icon.js';

interface Props {
  citation: Citation;
  onClose: () => void;
}

const CLAMP_CHARS = 90;

/** A paragraph around the cited one: headings in full, long body text folded to a few lines. */
function Neighbour({ p }: { p: Paragraph }) {
  const [open, setOpen] = useState(false);
  if (p.isHeading) return <p className="ctx-para is-heading">{p.text}</p>;
  const long = p.text.length > CLAMP_CHARS;
  return (
    <div className="ctx-para">
      <p className={long && !open ? 'is-clamped' : undefined}>{p.text}</p>
      {long && (
        <button type="button" className="link-btn ctx-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '收起' : '展开全文'}
        </button>
      )}
    </div>
  );
}

/** Side panel (full-screen sheet on phones) showing a cited paragraph in its report. */
export function CitationPanel({ citation, onClose }: Props) {
  const ctx = useAsync((signal) => fetchParagraph(citation.id, signal), [citation.id]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const citedRef = useRef<HTMLQuoteElement>(null);

  // Move focus into the panel whenever it opens or shows another citation.
  useEffect(() => {
    headingRef.current?.focus();
  }, [citation.id, citation.marker]);

  // Once the neighbours are in, keep the cited paragraph in view.
  useEffect(() => {
    if (ctx.status === 'ready') citedRef.current?.scrollIntoView({ block: 'nearest' });
  }, [ctx.status]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onClose();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);

  const report = ctx.data?.report;
  const sectionPath = ctx.data?.paragraph.sectionPath ?? citation.section.split(' › ').filter(Boolean);
  const title = report ? reportDisplayTitle(report) : `${citation.place}${citation.year}年政府工作报告`;
  const href = formatRoute({ view: 'report', reportId: citation.reportId, paragraphId: citation.id });
  const index = ctx.data?.paragraph.index ?? Number(/:p(\d+)$/.exec(citation.id)?.[1] ?? NaN);

  return (
    <aside className="cite-panel" role="dialog" aria-modal="false" aria-labelledby="cite-panel-title">
      <header className="cite-panel-head">
        <h2 id="cite-panel-title" ref={headingRef} tabIndex={-1}>
          <span className="cite-panel-marker">{citation.marker}</span>
          引用出处
        </h2>
        <button type="button" className="icon-btn" onClick={onClose} aria-label="关闭引用面板" title="关闭（Esc）">
          <Icon name="close" size={18} />
        </button>
      </header>

      <div className="cite-panel-body">
        <div className="cite-report">
          <p className="cite-report-title">{title}</p>
          <p className="cite-report-meta">
            <span>{citation.place}</span>
            {report?.date && <span>{formatDate(report.date)}</span>}
            {citation.page !== undefined && <span className="cite-page">第 {citation.page} 页</span>}
            {report && speakerLine(report) && <span>{speakerLine(report)}</span>}
          </p>
        </div>

        {sectionPath.length > 0 && (
          <nav className="cite-path" aria-label="章节位置">
            <ol>
              {sectionPath.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
          </nav>
        )}

        <div className="cite-context">
          {ctx.data?.before.map((p) => <Neighbour key={p.id} p={p} />)}
          {ctx.status === 'loading' && <p className="ctx-loading">正在加载上下文…</p>}
          <blockquote className="cite-para" ref={citedRef}>
            <p>
              <HighlightedText text={citation.text} spans={citation.matched} figures={citation.figures} />
            </p>
            <footer>
              段落 {Number.isFinite(index) ? index : ''}
              <span className="mono">{citation.id}</span>
            </footer>
          </blockquote>
          {ctx.data?.after.map((p) => <Neighbour key={p.id} p={p} />)}
          {ctx.status === 'error' && (
            <p className="ctx-error">
              上下文加载失败：{ctx.error}
              <button type="button" className="link-btn" onClick={ctx.reload}>
                重试
              </button>
            </p>
          )}
        </div>

        {(citation.matched.length > 0 || citation.figures.length > 0) && (
          <p className="cite-legend">
            {citation.matched.length > 0 && (
              <span>
                <mark className="hl-sentence">底色</mark> 支持回答的句子
              </span>
            )}
            {citation.figures.length > 0 && (
              <span>
                <mark className="hl-figure">加粗</mark> 回答引用的数字
              </span>
            )}
          </p>
        )}
      </div>

      <footer className="cite-panel-foot">
        <a className="btn btn-primary" href={href} onClick={onClose}>
          <Icon name="doc" size={16} />
          在完整报告中查看
        </a>
      </footer>
    </aside>
  );
}
