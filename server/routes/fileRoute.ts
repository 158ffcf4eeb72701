// GET /api/reports/:id/file: the report's original file, byte for byte, so a
// reader can check the page before quoting it. `?download=1` asks the browser
// to save it; otherwise it opens inline. A saved web page never runs as our
// page: it is served sandboxed (no script, its own origin).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Corpus } from '../../retrieval/public.js';
import { ApiError, zodMessage } from '../http/apiError.js';
import { attachmentName } from './attachmentName.js';
import { findOriginalFile } from './findOriginalFile.js';

/** Content types by extension; text is served in the encoding ingestion detected. */
const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.html': 'text/html',
  '.htm': 'text/html',
  // Markdown is shown as text: browsers would download text/markdown instead of showing it.
  '.md': 'text/plain',
  '.markdown': 'text/plain',
  '.txt': 'text/plain',
  '.text': 'text/plain',
};

const FileQuerySchema = z.object({ download: z.enum(['0', '1', 'true', 'false']).optional() });

function contentType(ext: string, encoding: string): string {
  const type = TYPES[ext] ?? 'application/octet-stream';
  if (!type.startsWith('text/')) return type;
  // The reader's encoding for text (utf-8, gb18030); a web page declares its own.
  return type === 'text/plain' && /^(utf-8|gb18030|utf-16le|utf-16be)$/i.test(encoding) ? `${type}; charset=${encoding}` : type;
}

export function fileRoute(corpus: Corpus, dirs: { seedsDir?: string | null; reportsDir?: string }) {
  return new Hono().get('/api/reports/:id/file', async (c) => {
    const id = c.req.param('id');
    const query = FileQuerySchema.safeParse(c.req.query());
    if (!query.success) throw new ApiError(400, 'invalid_request', zodMessage(query.error));
    const report = corpus.reportById.get(id);
    if (!report) throw new ApiError(404, 'not_found', `没有这份报告：${id}`);
    const file = await findOriginalFile(corpus, id, dirs);
    if (!file) throw new ApiError(404, 'file_unavailable', '这份报告的原文件不在服务器上，只能阅读提取的文字');

    const etag = `"${file.hash}"`;
    const headers: Record<string, string> = {
      'content-type': contentType(file.ext, report.meta.encoding),
      'content-disposition': attachmentName(report.meta.sourceFile, {
        inline: !(query.data.download === '1' || query.data.download === 'true'),
        stem: 'report',
      }),
      etag,
      'cache-control': 'private, no-cache',
      'x-content-type-options': 'nosniff',
    };
    // An uploaded web page is somebody else's HTML: no scripts, no access to our origin.
    if (file.ext === '.html' || file.ext === '.htm') headers['content-security-policy'] = "sandbox; default-src 'none'; img-src data:; style-src 'unsafe-inline'";
    if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
    return c.body(new Uint8Array(file.bytes), 200, headers);
  });
}
