import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../api.js';
import { useElementWidth } from '../hooks.js';
import { highlightRects, type Rect, type TextItem } from '../pdf/locateText.js';
import { loadPdf } from '../pdf/loadPdf.js';
import { Icon } from './Icon.js';

interface Props {
  reportId: string;
  /** The page the cited paragraph starts on. */
  page: number;
  /** The cited text: supporting sentences, or the paragraph. */
  needles: string[];
}

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; page: number; pages: number; rects: Rect[]; found: boolean; height: number };

/** Zoom steps relative to the column width: fit, then larger to read small print. */
const ZOOMS = [1, 1.6, 2.4];

/**
 * The cited page rendered from the original PDF, with the cited span marked.
 * When the span is not on the paragraph's first page (the paragraph runs over a
 * page break), the next page is shown instead.
 */
export function PdfPageView({ reportId, page, needles }: Props) {
  const [width, box] = useElementWidth<HTMLDivElement>();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(0);
  const [shown, setShown] = useState(page);
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const needleKey = needles.join('\u0000');

  useEffect(() => setShown(page), [page, reportId, needleKey]);

  useEffect(() => {
    if (width <= 0) return;
    let live = true;
    let task: { cancel: () => void } | undefined;
    (async () => {
      const doc = await loadPdf(reportId);
      const n = Math.min(Math.max(1, shown), doc.numPages);
      const textOf = async (k: number) =>
        (await (await doc.getPage(k)).getTextContent()).items.flatMap((i): TextItem[] =>
          'str' in i ? [{ str: i.str, transform: i.transform, width: i.width, height: i.height }] : [],
        );
      const pdfPage = await doc.getPage(n);
      const cssWidth = Math.floor(width * ZOOMS[zoom]);
      const scale = cssWidth / pdfPage.getViewport({ scale: 1 }).width;
      const viewport = pdfPage.getViewport({ scale });
      const items = await textOf(n);
      const hit = highlightRects(items, needles, viewport.transform);
      // Nothing of the span on the paragraph's first page: it is on the next one.
      if (hit.found === 0 && n === page && n < doc.numPages) {
        const next = highlightRects(await textOf(n + 1), needles, viewport.transform);
        if (next.found > 0 && live) {
          setShown(n + 1);
          return;
        }
      }
      const canvas = canvasRef.current;
      if (!canvas || !live) return;
      const dpr = Math.min(window.devicePixelRatio || 1, 2);
      const pixels = pdfPage.getViewport({ scale: scale * dpr });
      canvas.width = Math.floor(pixels.width);
      canvas.height = Math.floor(pixels.height);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      const render = pdfPage.render({ canvas, canvasContext: canvas.getContext('2d')!, viewport: pixels });
      task = render;
      await render.promise;
      if (!live) return;
      setState({ status: 'ready', page: n, pages: doc.numPages, rects: hit.rects, found: hit.found > 0, height: viewport.height });
    })().catch((err: unknown) => {
      if (!live || (err instanceof Error && err.name === 'RenderingCancelledException')) return;
      setState({ status: 'error', message: errorMessage(err) });
    });
    return () => {
      live = false;
      task?.cancel();
    };
    // needles are compared by content (needleKey).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [reportId, shown, width, zoom, needleKey, attempt, page]);

  // Bring the first mark into view once drawn (it may be far down a zoomed page).
  const ready = state.status === 'ready' ? state : undefined;
  useEffect(() => {
    const first = ready?.rects[0];
    const el = scrollRef.current;
    if (!first || !el) return;
    el.scrollTo({ top: Math.max(0, first.y - el.clientHeight / 3), left: Math.max(0, first.x - 16) });
  }, [ready]);

  return (
    <figure className="pdf-page" aria-label={`原文第 ${ready?.page ?? shown} 页`}>
      <div className="pdf-page-bar">
        <span className="pdf-page-no">
          原文第 {ready?.page ?? shown} 页{ready ? ` / 共 ${ready.pages} 页` : ''}
        </span>
        <span className="pdf-page-tools">
          <button type="button" className="icon-btn icon-btn-sm" onClick={() => setShown((p) => Math.max(1, p - 1))} disabled={!ready || ready.page <= 1} aria-label="上一页" title="上一页">
            ‹
          </button>
          <button type="button" className="icon-btn icon-btn-sm" onClick={() => setShown((p) => p + 1)} disabled={!ready || ready.page >= ready.pages} aria-label="下一页" title="下一页">
            ›
          </button>
          <button
            type="button"
            className="btn-ghost btn-sm"
            onClick={() => setZoom((z) => (z + 1) % ZOOMS.length)}
            title={zoom === ZOOMS.length - 1 ? '恢复为适合宽度' : '放大页面'}
          >
            {zoom === ZOOMS.length - 1 ? '适合宽度' : '放大'}
          </button>
        </span>
      </div>
      <div className="pdf-page-scroll" ref={scrollRef}>
        <div className="pdf-page-fit" ref={box}>
          <div className="pdf-page-sheet">
            <canvas ref={canvasRef} className="pdf-page-canvas" aria-hidden="true" />
            {ready &&
              ready.rects.map((r, i) => (
                <span
                  key={i}
                  className="pdf-mark"
                  data-testid="pdf-mark"
                  style={{ left: `${r.x}px`, top: `${r.y}px`, width: `${r.width}px`, height: `${r.height}px` }}
                />
              ))}
          </div>
        </div>
      </div>
      {state.status === 'loading' && <p className="pdf-page-note">正在载入原文页面…</p>}
      {state.status === 'error' && (
        <p className="pdf-page-note is-error" role="alert">
          原文页面无法显示：{state.message}
          <button type="button" className="link-btn" onClick={() => setAttempt((a) => a + 1)}>
            重试
          </button>
        </p>
      )}
      {ready && !ready.found && <p className="pdf-page-note">在这一页没有找到引用的句子，请对照引用的段落文字。</p>}
      {ready && ready.found && (
        <figcaption className="pdf-page-note">
          <Icon name="page" size={13} /> 底色标出引用的句子
        </figcaption>
      )}
    </figure>
  );
}
