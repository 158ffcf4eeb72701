import { Fragment, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Paragraph, Span } from '../../../retrieval/browser.js';
import { fetchReport } from '../api.js';
import { useAsync, useNarrow } from '../hooks.js';
import { formatDate, reportDisplayTitle, reportYear, speakerLine } from '../labels.js';
import { formatRoute, paragraphDomId, type Route } from '../route.js';
import { HighlightedText } from './HighlightedText.js';
import { Icon } from './Icon.js';
import { LoadError } from './LoadError.js';
import { SectionTree } from './SectionTree.js';

interface Props {
  reportId: string;
  paragraphId?: string;
  /** The cited span(s) of that paragraph: marked, rather than the whole paragraph. */
  spans?: Span[];
  navigate: (route: Route, opts?: { replace?: boolean }) => void;
  onAsk: (place: string, year: number) => void;
}

function ParagraphBlock({ p, reportId, target, spans }: { p: Paragraph; reportId: string; target: boolean; spans?: Span[] }) {
  const href = formatRoute({ view: 'report', reportId, paragraphId: p.id });
  const depth = Math.max(1, p.sectionPath.length);
  const marked = target && spans && spans.some((s) => s.end > s.start && s.start < p.text.length);
  const cls = `rp${p.isHeading ? ` rp-heading depth-${Math.min(depth, 3)}` : ''}${target ? ' is-target' : ''}${marked ? ' has-spans' : ''}`;
  const text = marked ? <HighlightedText text={p.text} spans={spans} /> : p.text;
  return (
    <div className={cls} id={paragraphDomId(p.id)} data-paragraph-id={p.id} tabIndex={-1}>
      <a className="rp-anchor" href={href} aria-label={`第 ${p.index} 段链接`} title={`第 ${p.index} 段`}>
        {p.index}
      </a>
      {p.isHeading ? (
        depth <= 1 ? <h2 className="rp-text">{text}</h2> : <h3 className="rp-text">{text}</h3>
      ) : (
        <p className="rp-text">{text}</p>
      )}
    </div>
  );
}

export function ReportView({ reportId, paragraphId, spans, navigate, onAsk }: Props) {
  const state = useAsync((signal) => fetchReport(reportId, signal), [reportId]);
  const narrow = useNarrow(900);
  const tocRef = useRef<HTMLDetailsElement>(null);

  const scrollTo = useCallback((pid: string, focus: boolean) => {
    const el = document.getElementById(paragraphDomId(pid));
    if (!el) return;
    el.scrollIntoView({ block: 'center', behavior: 'auto' });
    if (focus) el.focus({ preventScroll: true });
  }, []);

  // Open at the requested paragraph once the report is here, and whenever it changes.
  useEffect(() => {
    if (state.status === 'ready' && paragraphId) scrollTo(paragraphId, true);
    else if (state.status === 'ready') document.querySelector('.page')?.scrollTo({ top: 0 });
  }, [state.status, paragraphId, scrollTo]);

  const pick = (pid: string) => {
    navigate({ view: 'report', reportId, paragraphId: pid }, { replace: true });
    if (narrow && tocRef.current) tocRef.current.open = false;
    requestAnimationFrame(() => scrollTo(pid, true));
  };

  const data = state.data;
  const knownTarget = useMemo(
    () => (data && paragraphId ? data.paragraphs.some((p) => p.id === paragraphId) : true),
    [data, paragraphId],
  );

  const toc = data && data.sections.length > 0 && (
    <SectionTree sections={data.sections} activeParagraphId={paragraphId} onPick={pick} />
  );

  return (
    <div className="page">
      <div className="report-layout">
        <div className="report-back">
          <a href={formatRoute({ view: 'reports' })} className="back-link">
            <Icon name="arrow-left" size={16} />
            全部报告
          </a>
        </div>
        {state.status === 'loading' && <p className="muted">正在加载报告…</p>}
        {state.status === 'error' && <LoadError title="报告加载失败" message={state.error} onRetry={state.reload} />}
        {data && (
          <>
            {toc && !narrow && (
              <nav className="toc toc-side" aria-label="报告目录">
                <p className="toc-heading">目录</p>
                {toc}
              </nav>
            )}
            <article className="report-article" aria-labelledby="report-title">
              <header className="report-head">
                <p className="report-kicker">
                  {data.meta.place}
                  {data.meta.city ? ` · ${data.meta.city}` : ''}
                </p>
                <h1 id="report-title">{reportDisplayTitle(data.meta)}</h1>
                <p className="report-meta">
                  <span>{formatDate(data.meta.date)}</span>
                  {data.meta.congress && <span>{data.meta.congress}</span>}
                  {speakerLine(data.meta) && <span>{speakerLine(data.meta)}</span>}
                  <span>{data.meta.paragraphCount} 段</span>
                </p>
                <button
                  type="button"
                  className="btn btn-sm"
                  onClick={() => onAsk(data.meta.place, reportYear(data.meta))}
                >
                  就此报告提问
                </button>
              </header>
              {toc && narrow && (
                <details className="toc toc-mobile" ref={tocRef}>
                  <summary>目录</summary>
                  <nav aria-label="报告目录">{toc}</nav>
                </details>
              )}
              {!knownTarget && (
                <p className="load-warnings">这份报告里没有要找的段落（报告可能已更新），已显示报告开头。</p>
              )}
              <div className="report-body">
                {data.paragraphs.map((p, i) => (
                  <Fragment key={p.id}>
                    {/* A PDF report shows where each page begins, as its citations name pages. */}
                    {p.page !== undefined && p.page !== data.paragraphs[i - 1]?.page && (
                      <p className="rp-page" aria-label={`第 ${p.page} 页`}>
                        第 {p.page} 页
                      </p>
                    )}
                    <ParagraphBlock p={p} reportId={reportId} target={p.id === paragraphId} spans={p.id === paragraphId ? spans : undefined} />
                  </Fragment>
                ))}
              </div>
            </article>
          </>
        )}
      </div>
    </div>
  );
}
