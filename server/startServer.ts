// Loads the corpus, picks the answerer from the environment and serves the app
// on a port. Used by `npm start` and by tests that need a real port.
import {
  type Corpus,
  corpusOptionsFromEnv,
  databaseConfigFromEnv,
  type DatabaseCorpus,
  DEFAULTS,
  loadCorpus,
  openDatabaseCorpus,
  PROJECT_ROOT,
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
  close(): Promise<void>;
}

export const CLIENT_DIR = join(PROJECT_ROOT, 'dist', 'client');

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const log = options.quiet ? () => {} : (m: string) => console.log(m);
  const reportsDir = options.reportsDir ?? reportsDirFromEnv(env);
  // The tokenizer first: a missing segmenter stops the start before the slow part, with its fix.
  // With DATABASE_URL the corpus is the database's (the seeds and the reports folder imported once).
  const config = options.corpus ? undefined : databaseConfigFromEnv(env);
  let database: DatabaseCorpus | undefined;
  if (config) {
    const folders = corpusOptionsFromEnv(env);
    database = await openDatabaseCorpus({ config, tokenizer: tokenizerFromEnv(env), imports: { seedsDir: folders.dir, reportsDir }, log });
    if (database.stale) console.warn(`⚠ ${database.stale} 份报告由旧版本的解析代码读入：运行 npm run db:load -- --reingest 重新解析`);
  }
  const corpus = options.corpus ?? database?.corpus ?? (await loadCorpus({ ...corpusOptionsFromEnv(env), reportsDir, tokenizer: tokenizerFromEnv(env) }));
  for (const e of corpus.errors) console.warn(`⚠ 未能载入 ${e.file}：${e.reason}`);

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

  const app = createApp({
    corpus,
    llm,
    clientDir: CLIENT_DIR,
    reportsDir,
    store: database?.store,
    // Loopback-only: refuse foreign Host headers (DNS rebinding). On a network, names vary: the token guards instead.
    allowedHosts: loopback ? allowedHosts : undefined,
    apiToken,
    sourceMaps: env.NODE_ENV === 'development',
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname }, () => resolve(s));
    s.once('error', reject);
  });
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
  return {
    url,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      }).then(() => database?.close()),
  };
}
