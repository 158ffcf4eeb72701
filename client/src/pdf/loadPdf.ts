// PDF.js in the browser, loaded only when a PDF page is first shown (it is a large
// module): the worker is a file of our own origin (no blob: or inline script, so a
// strict CSP holds), string evaluation is off, and the character maps and standard
// fonts Chinese PDFs need are served from /pdfjs/ (copied there at build time).
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { reportFilePath } from '../api.js';
import { fetchFile } from '../download.js';

type PdfJs = typeof import('pdfjs-dist');

let lib: Promise<PdfJs> | undefined;

function pdfjs(): Promise<PdfJs> {
  lib ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(([mod, worker]) => {
    mod.GlobalWorkerOptions.workerSrc = worker.default;
    return mod;
  });
  // A failed load (offline, a blocked chunk) may be retried on the next page.
  lib.catch(() => (lib = undefined));
  return lib;
}

/** Where the build puts PDF.js's data files (client/vite.config.ts). */
export const PDFJS_DATA = '/pdfjs/';

/** Documents recently shown, newest last; a few are kept so flipping between citations is instant. */
const KEEP = 3;
const open = new Map<string, Promise<PDFDocumentProxy>>();

export function loadPdf(reportId: string): Promise<PDFDocumentProxy> {
  const cached = open.get(reportId);
  if (cached) {
    open.delete(reportId);
    open.set(reportId, cached);
    return cached;
  }
  const loading = (async () => {
    const [mod, file] = await Promise.all([pdfjs(), fetchFile(reportFilePath(reportId), `${reportId}.pdf`)]);
    return mod.getDocument({
      data: new Uint8Array(await file.blob.arrayBuffer()),
      isEvalSupported: false,
      cMapUrl: `${PDFJS_DATA}cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${PDFJS_DATA}standard_fonts/`,
      wasmUrl: `${PDFJS_DATA}wasm/`,
    }).promise;
  })();
  open.set(reportId, loading);
  loading.catch(() => open.delete(reportId));
  while (open.size > KEEP) {
    const [oldest, doc] = open.entries().next().value as [string, Promise<PDFDocumentProxy>];
    open.delete(oldest);
    void doc.then((d) => d.destroy(), () => undefined);
  }
  return loading;
}
