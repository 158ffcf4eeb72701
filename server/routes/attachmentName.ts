// Content-Disposition with a file name in any script: RFC 5987 `filename*` carries
// the real (UTF-8) name; the plain `filename` fallback for old clients keeps only
// the ASCII letters and digits instead of a row of question marks.
import contentDisposition from 'content-disposition';

export function asciiFallback(name: string, stem: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const base = (dot > 0 ? name.slice(0, dot) : name).replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
  return `${/[A-Za-z]/.test(base) ? base : stem + (base ? `-${base}` : '')}${ext}`;
}

export function attachmentName(name: string, options: { inline?: boolean; stem: string }): string {
  return contentDisposition(name, { type: options.inline ? 'inline' : 'attachment', fallback: asciiFallback(name, options.stem) });
}
