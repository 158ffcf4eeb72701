import { useEffect, useRef, useState } from 'react';
import type { Citation } from '../../../server/api/schemas.js';
import type { Paragraph } from '../../../retrieval/browser.js';
import { errorMessage, fetchParagraph, reportFilePath } from '../api.js';
import { apiToken } from '../apiToken.js';
import { downloadFromApi, fetchFile } from '../download.js';
import { useAsync } from '../hooks.js';
import { formatDate, reportDisplayTitle, speakerLine } from '../labels.js';
import { formatRoute } from '../route.js';
import { HighlightedText } from './HighlightedText.js';
import { Icon } from './Icon.js';
import { PdfPageView } from './PdfPageView.js';

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

/** The sentences a citation quotes (what to mark on the page), or its whole paragraph. */
function citedTexts(c: Citation): string[] {
  const spans = c.matched.filter((s) => s.end > s.start);
  const texts = spans.map((s) => c.text.slice(s.start, s.end).trim()).filter(Boolean);
  return texts.length ? texts : [c.text];
}

/** 打开原文 / 下载原文件. With an API token a plain link would be refused, so the file is fetched first. */
function OriginalActions({ reportId, fileName, page }: { reportId: string; fileName: string; page?: number }) {
  const [error, setError] = useState<string>();
  const isPdf = /\.pdf$/i.test(fileName);
  const href = `${reportFilePath(reportId)}${page ? `#page=${page}` : ''}`;
  const openWithToken = async () => {
    setError(undefined);
    try {
      const { blob } = await fetchFile(reportFilePath(reportId), fileName);
      window.open(`${URL.createObjectURL(blob)}${page ? `#page=${page}` : ''}`, '_blank', 'noopener');
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const download = async () => {
    setError(undefined);
    try {
      await downloadFromApi(reportFilePath(reportId, true), fileName);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <>
      {isPdf &&
        (apiToken() ? (
          <button type="button" className="btn btn-sm" onClick={openWithToken}>
            <Icon name="open" size={15} />
            打开原文
          </button>
        ) : (
          <a className="btn btn-sm" href={href} target="_blank" rel="noopener noreferrer">
            <Icon name="open" size={15} />
            打开原文
          </a>
        ))}
      <button type="button" className="btn btn-sm" onClick={download}>
        <Icon name="download" size={15} />
        下载原文件
      </button>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

/** Side panel (full-screen sheet on phones) showing a cited paragraph in its report; a PDF's page beside it. */
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
  // The full report opens at the paragraph with the cited span marked, not the whole paragraph.
  const href = formatRoute({ view: 'report', reportId: citation.reportId, paragraphId: citation.id, spans: citation.matched });
  const index = ctx.data?.paragraph.index ?? Number(/:p(\d+)$/.exec(citation.id)?.[1] ?? NaN);
  const hasPage = citation.page !== undefined;

  return (
    <aside className={`cite-panel${hasPage ? ' has-page' : ''}`} role="dialog" aria-modal="false" aria-labelledby="cite-panel-title">
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

        <div className="cite-columns">
        {hasPage && <PdfPageView reportId={citation.reportId} page={citation.page!} needles={citedTexts(citation)} />}
        <div className="cite-text">
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
            <footer>{Number.isFinite(index) ? `第 ${index} 段` : ''}</footer>
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
        </div>
      </div>

      <footer className="cite-panel-foot">
        <a className="btn btn-primary" href={href} onClick={onClose}>
          <Icon name="doc" size={16} />
          在完整报告中查看
        </a>
        {report && <OriginalActions reportId={citation.reportId} fileName={report.sourceFile} page={citation.page} />}
      </footer>
    </aside>
  );
}
