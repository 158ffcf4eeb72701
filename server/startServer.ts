// Loads the corpus, picks the answerer from the environment and serves the app
// on a port. Used by `npm start` and by tests that need a real port.
import {
  type Corpus,
  corpusOptionsFromEnv,
  createIngestPool,
  databaseConfigFromEnv,
  type DatabaseCorpus,
  DEFAULTS,
  loadCorpus,
  openDatabaseCorpus,
  PROJECT_ROOT,
  recoverReportsDir,
  reportsDirFromEnv,
  tokenizerFromEnv,
  tokenizerLabel,
} from '../retrieval/public.js';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Answerer } from './answer/Answerer.js';
import { createLlmAnswererFromConfig } from './answer/llm/llmAnswerer.js';
import { describeLlmConfig, readLlmConfig } from './answer/llm/llmConfig.js';
import { createApp } from './app.js';
import { isLoopbackBind } from './http/checkHost.js';

export interface StartOptions {
  /** 0 picks a free port. Default: PORT or 8787. */
  port?: number;
  /** Default 127.0.0.1; HOST=0.0.0.0 to serve a network. */
  host?: string;
  corpus?: Corpus;
  /** Folder of added reports; default REPORTS_DIR or data/reports/. */
  reportsDir?: string;
  /** Override the answerer chosen from LLM_* variables (tests). null forces offline. */
  llm?: Answerer | null;
  env?: NodeJS.ProcessEnv;
  quiet?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops at once: open connections are cut (tests). */
  close(): Promise<void>;
  /**
   * Stops gracefully (SIGTERM, a deploy): no new connections; requests in flight (an upload
   * being read and written) finish, for at most `graceMs`; then whatever is left is cut.
   * Resolves with the number of connections that had to be cut.
   */
  shutdown(graceMs?: number): Promise<{ cut: number }>;
}

/** How long a graceful shutdown waits for requests in flight (DEFAULTS.server.shutdownGraceMs). */
export const SHUTDOWN_GRACE_MS = DEFAULTS.server.shutdownGraceMs;
export const CLIENT_DIR = join(PROJECT_ROOT, 'dist', 'client');

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const log = options.quiet ? () => {} : (m: string) => console.log(m);
  const reportsDir = options.reportsDir ?? reportsDirFromEnv(env);
  if (!options.corpus) {
    // Before the folder is read: finish or roll back what a crash interrupted, drop dead writers' temp files.
    try {
      const recovered = await recoverReportsDir(reportsDir);
      for (const id of recovered.rolledBack) console.warn(`⚠ ${id}：上次添加未完成（进程中断），已撤销`);
      for (const id of recovered.finished) log(`reports folder: finished an interrupted change of ${id}`);
      if (recovered.tempFilesRemoved.length) log(`reports folder: removed ${recovered.tempFilesRemoved.length} temp file(s) of an interrupted write`);
    } catch (e) {
      // A read-only folder cannot be repaired; its reports are still served as they are.
      console.warn(`⚠ 报告目录未能整理：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  // Settings are checked before anything is started, so a bad one stops nothing half-started.
  let llm: Answerer | undefined;
  if (options.llm !== undefined) llm = options.llm ?? undefined;
  else {
    const cfg = readLlmConfig(env);
    if (cfg) {
      llm = createLlmAnswererFromConfig(cfg);
      log(`answerer: ${describeLlmConfig(cfg)}`);
    }
  }

  const port = options.port ?? (env.PORT ? Number(env.PORT) : DEFAULTS.server.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 须为 0–65535 的整数，收到 ${env.PORT}`);
  const hostname = options.host ?? env.HOST ?? '127.0.0.1';
  const loopback = isLoopbackBind(hostname);
  const allowedHosts = (env.ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const apiToken = env.API_TOKEN?.trim() || undefined;
  if (apiToken && /[\s]/.test(apiToken)) throw new Error('API_TOKEN 不能含空白字符');

  // Uploads are read in worker threads, whichever corpus they go to.
  const ingestPool = createIngestPool();
  // A start that fails (no segmenter, no database) stops the threads with it.
  const orClosePool = async <T>(start: () => Promise<T>): Promise<T> => {
    try {
      return await start();
    } catch (e) {
      await ingestPool.close();
      throw e;
    }
  };
  // The tokenizer first: a missing segmenter stops the start before the slow part, with its fix.
  // With DATABASE_URL the corpus is the database's (the seeds and the reports folder imported once).
  const config = options.corpus ? undefined : databaseConfigFromEnv(env);
  let database: DatabaseCorpus | undefined;
  if (config) {
    const folders = corpusOptionsFromEnv(env);
    database = await orClosePool(() =>
      openDatabaseCorpus({
        config,
        tokenizer: tokenizerFromEnv(env),
        imports: { seedsDir: folders.dir, reportsDir },
        log,
        uploads: { ingest: (src, signal) => ingestPool.ingest(src, signal), capacity: ingestPool.capacity },
      }),
    );
    if (database.stale) console.warn(`⚠ ${database.stale} 份报告由旧版本的解析代码读入：运行 npm run db:load -- --reingest 重新解析`);
  }
  const corpus = options.corpus ?? database?.corpus ?? (await orClosePool(() => loadCorpus({ ...corpusOptionsFromEnv(env), reportsDir, tokenizer: tokenizerFromEnv(env) })));
  for (const e of corpus.errors) console.warn(`⚠ 未能载入 ${e.file}：${e.reason}`);

  const app = createApp({
    corpus,
    llm,
    ingestPool,
    clientDir: CLIENT_DIR,
    reportsDir,
    store: database?.store,
    // Loopback-only: refuse foreign Host headers (DNS rebinding). On a network, names vary: the token guards instead.
    allowedHosts: loopback ? allowedHosts : undefined,
    apiToken,
    sourceMaps: env.NODE_ENV === 'development',
  });

  // Once shutting down, every response says Connection: close, so no client keeps a socket we are about to close.
  let closing = false;
  const fetch = async (req: Request, ...rest: unknown[]) => {
    const res = await app.fetch(req, ...(rest as []));
    if (closing) {
      try {
        res.headers.set('connection', 'close');
      } catch {
        // immutable headers (a proxied response): the socket is closed after it anyway
      }
    }
    return res;
  };
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch, port, hostname }, () => resolve(s));
    s.once('error', reject);
  });
  const http = server as unknown as { closeAllConnections(): void; closeIdleConnections(): void };
  const actual = (server.address() as AddressInfo).port;
  const url = `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${actual}`;
  if (corpus.tokenizer.degraded) console.warn(`⚠ DEGRADED: ${corpus.tokenizer.degraded} (/healthz and the chat UI say so too)`);
  const where = corpus.database
    ? `corpus in PostgreSQL ${corpus.database.label}`
    : `index ${corpus.stats.indexFromCache ? 'from cache' : 'built'} in ${Math.round(corpus.stats.indexMs)} ms`;
  log(
    `报告问答 listening on ${url} — ${corpus.reports.length} reports, ${corpus.reports.reduce((n, r) => n + r.meta.paragraphCount, 0)} paragraphs, ` +
      `answerer ${llm ? llm.name : '离线抽取 (offline)'}, tokenizer ${tokenizerLabel(corpus.tokenizer)}, ${where}`,
  );
  if (apiToken) log(`API_TOKEN is set: /api/* requires the header Authorization: Bearer <API_TOKEN>`);
  else if (!loopback) console.warn(`⚠ HOST=${hostname} serves the network and API_TOKEN is not set: anyone who can reach this port can use /api/* (and a configured model). Set API_TOKEN to require a bearer token.`);
  if (loopback) log(`Host check: only localhost, 127.0.0.1, [::1]${allowedHosts.length ? `, ${allowedHosts.join(', ')}` : ''} (ALLOWED_HOSTS) are answered`);
  const stopped = new Promise<void>((resolve) => server.once('close', () => resolve()));
  let connections = 0;
  server.on('connection', (socket) => {
    connections++;
    socket.once('close', () => connections--);
  });
  return {
    url,
    port: actual,
    close: async () => {
      closing = true;
      server.close();
      http.closeAllConnections();
      await stopped;
      await ingestPool.close();
      await database?.close();
    },
    shutdown: async (graceMs = SHUTDOWN_GRACE_MS) => {
      closing = true;
      server.close();
      // Idle keep-alive sockets go now; sockets busy with a request go as soon as it is answered.
      http.closeIdleConnections();
      const sweep = setInterval(() => http.closeIdleConnections(), 50);
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        stopped.then(() => false),
        new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(true), graceMs);
        }),
      ]);
      clearInterval(sweep);
      clearTimeout(timer);
      const cut = timedOut ? connections : 0;
      if (timedOut) {
        http.closeAllConnections();
        await stopped;
      }
      await ingestPool.close();
      await database?.close();
      return { cut };
    },
  };
}
