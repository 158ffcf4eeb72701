// The Hono application: API routes, errors as JSON, the built chat UI at /.
// No port here: tests drive it with app.request().
import { serveStatic } from '@hono/node-server/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type Corpus, createReportStore, DEFAULTS, type IngestPool, type ReportStore } from '../retrieval/public.js';
import type { Answerer } from './answer/Answerer.js';
import { OFFLINE_NAME } from './answer/offline/offlineAnswerer.js';
import { ApiError, errorResponse } from './http/apiError.js';
import { checkHost } from './http/checkHost.js';
import { keepConnectionUsable } from './http/keepConnectionUsable.js';
import { requireToken } from './http/requireToken.js';
import { securityHeaders } from './http/securityHeaders.js';
import { askRoute } from './routes/askRoute.js';
import { chatRoute } from './routes/chatRoute.js';
import { fileRoute } from './routes/fileRoute.js';
import { readRoutes } from './routes/readRoutes.js';
import { reportRoutes } from './routes/reportRoutes.js';
import { searchRoute } from './routes/searchRoute.js';

export const MAX_BODY_BYTES = DEFAULTS.server.maxBodyBytes;
/** An upload is one report file plus a few form fields: the file limit and room for the form. */
export const MAX_UPLOAD_BODY_BYTES = DEFAULTS.maxUploadBytes + 64 * 1024;

export interface AppOptions {
  corpus: Corpus;
  llm?: Answerer;
  /** Folder of the built client (index.html + assets); omitted → API only. */
  clientDir?: string;
  /** Folder of added reports (REPORTS_DIR): uploads, corrections and deletions go there. Omitted → read-only. */
  reportsDir?: string;
  /** Where uploads, corrections and deletions go instead of the folder (a database corpus's store). */
  store?: ReportStore;
  log?: (message: string) => void;
  /** Host names accepted besides loopback ones; undefined = no Host check (the server is not loopback-only). */
  allowedHosts?: string[];
  /** Bearer token required on /api/*. */
  apiToken?: string;
  /** Serve *.map files of the built client (development only). */
  sourceMaps?: boolean;
  /** Worker threads that read uploads; default: the process's shared pool (DEFAULTS.ingestWorkers). */
  ingestPool?: IngestPool;
}

export function createApp(options: AppOptions) {
  const deps = { corpus: options.corpus, llm: options.llm, log: options.log };
  const app = new Hono();
  app.onError((err, c) => errorResponse(c, err));
  app.use('*', securityHeaders());
  app.use('*', keepConnectionUsable(MAX_BODY_BYTES));
  if (options.allowedHosts) app.use('*', checkHost(options.allowedHosts));
  if (options.apiToken) app.use('/api/*', requireToken(options.apiToken));
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `请求体过大（上限 ${MAX_BODY_BYTES / 1024} KB）`);
    },
  });
  const uploadLimit = bodyLimit({
    maxSize: MAX_UPLOAD_BODY_BYTES,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `文件过大（上限 ${DEFAULTS.maxUploadBytes / 1024 / 1024} MB）`);
    },
  });
  app.use('/api/*', (c, next) => (c.req.method === 'POST' && c.req.path === '/api/reports' ? uploadLimit(c, next) : jsonLimit(c, next)));
  const pool = options.ingestPool;
  const store =
    options.store ??
    (options.reportsDir
      ? createReportStore(options.corpus, options.reportsDir, pool ? { ingest: (src, signal) => pool.ingest(src, signal), capacity: pool.capacity } : {})
      : undefined);
  app.route('/', readRoutes(options.corpus, options.llm?.name ?? OFFLINE_NAME, store !== undefined));
  app.route('/', reportRoutes(options.corpus, store));
  app.route('/', fileRoute(options.corpus, { reportsDir: options.reportsDir }));
  app.route('/', searchRoute(options.corpus));
  app.route('/', askRoute(deps));
  app.route('/', chatRoute(deps));
  app.all('/api/*', (c) => errorResponse(c, new ApiError(404, 'not_found', `没有这个接口：${c.req.method} ${c.req.path}`)));

  const clientDir = options.clientDir;
  if (clientDir && existsSync(join(clientDir, 'index.html'))) {
    // Source maps hold the whole client source; a production server has no use for them.
    if (!options.sourceMaps) app.get('*', async (c, next) => (c.req.path.endsWith('.map') ? c.text('Not Found', 404) : next()));
    app.use('/*', serveStatic({ root: clientDir }));
    // Client-side routes (#/reports…) all load the same page.
    app.get('*', serveStatic({ path: join(clientDir, 'index.html') }));
  } else {
    app.get('/', (c) =>
      c.text('报告问答 API 已启动。聊天界面尚未构建：运行 npm run build 后重启，或直接调用 POST /api/ask。', 200),
    );
  }
  return app;
}
