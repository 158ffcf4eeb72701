// Fetch helpers for the HTTP API. Every response is parsed with the shared zod
// schemas, and every failure becomes an ApiError whose message reads well in Chinese.

import { withApiToken } from './apiToken.js';
import { encodeComponent } from './route.js';
import type { z } from 'zod';
import {
  ErrorResponseSchema,
  HealthResponseSchema,
  IndicatorsResponseSchema,
  ParagraphResponseSchema,
  ReportDetailResponseSchema,
  ReportChangeResponseSchema,
  ReportListResponseSchema,
  SearchResponseSchema,
  type HealthResponse,
  type IndicatorQuery,
  type IndicatorsResponse,
  type ParagraphResponse,
  type ReportChangeResponse,
  type ReportDetailResponse,
  type ReportListResponse,
  type SearchResponse,
} from '../../server/api/schemas.js';
import type { MetaOverrides } from '../../retrieval/browser.js';

export class ApiError extends Error {
  readonly status?: number;
  readonly code?: string;
  constructor(message: string, opts: { status?: number; code?: string } = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = opts.status;
    this.code = opts.code;
  }
}

export const NETWORK_MESSAGE = '无法连接到服务器，请检查网络连接或稍后重试。';
export const BAD_DATA_MESSAGE = '服务器返回的数据格式不正确，请稍后重试。';

const HAS_CJK = /[\u3400-\u9fff]/;

function statusLabel(status: number): string {
  switch (status) {
    case 400:
    case 422:
      return '请求无效';
    case 401:
    case 403:
      return '没有访问权限';
    case 404:
      return '未找到请求的内容';
    case 408:
      return '请求超时';
    case 413:
      return '问题过长';
    case 429:
      return '请求过于频繁，请稍后再试';
    case 502:
    case 503:
    case 504:
      return '服务暂时不可用，请稍后重试';
    default:
      return status >= 500 ? '服务器出错，请稍后重试' : '请求失败';
  }
}

/** The `error.message` of an `{error:{code,message}}` body, if the text is one. */
export function errorBodyMessage(bodyText: string): string | undefined {
  try {
    const parsed = ErrorResponseSchema.safeParse(JSON.parse(bodyText));
    return parsed.success ? parsed.data.error.message.trim() || undefined : undefined;
  } catch {
    return undefined;
  }
}

/** Message for a non-2xx response; uses the server's own `{error:{message}}` when there is one. */
export function describeHttpError(status: number, bodyText: string): { message: string; code?: string } {
  let serverMessage: string | undefined;
  let code: string | undefined;
  try {
    const parsed = ErrorResponseSchema.safeParse(JSON.parse(bodyText));
    if (parsed.success) {
      serverMessage = parsed.data.error.message.trim() || undefined;
      code = parsed.data.error.code;
    }
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): fall back to the status.
  }
  const label = statusLabel(status);
  if (serverMessage && HAS_CJK.test(serverMessage)) return { message: serverMessage, code };
  if (serverMessage) return { message: `${label}（${status}）：${serverMessage}`, code };
  return { message: `${label}（${status}）`, code };
}

function isNetworkFailure(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (err.name === 'TypeError') return true; // fetch() rejects with TypeError on network failure
  return /failed to fetch|networkerror|load failed|fetch failed|network request failed/i.test(err.message);
}

export function isAbortError(err: unknown): boolean {
  return err instanceof Error && err.name === 'AbortError';
}

/** Turns whatever the chat request threw, or the stream's error part, into one readable sentence. */
export function describeChatError(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (isNetworkFailure(err)) return NETWORK_MESSAGE;
  const message = err instanceof Error ? err.message.trim() : String(err ?? '').trim();
  if (!message) return '回答失败，请稍后重试。';
  // The stock transport reports a non-2xx response as its body text.
  if (message.startsWith('{')) {
    const fromServer = errorBodyMessage(message);
    if (fromServer) return HAS_CJK.test(fromServer) ? fromServer : `回答失败：${fromServer}`;
  }
  if (HAS_CJK.test(message)) return message;
  return `回答失败：${message}`;
}

/**
 * fetch for the chat transport: network failures and non-2xx responses become
 * ApiErrors with readable messages; aborts (the stop button) pass through untouched.
 */
export const chatFetch: typeof fetch = async (input, init) => {
  let res: Response;
  try {
    res = await fetch(input, { ...init, headers: withApiToken(init?.headers) });
  } catch (err) {
    if (isAbortError(err)) throw err;
    throw new ApiError(NETWORK_MESSAGE);
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    const { message, code } = describeHttpError(res.status, text);
    throw new ApiError(message, { status: res.status, code });
  }
  return res;
};

async function getJson<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(path, { headers: withApiToken({ accept: 'application/json' }), signal });
  } catch (err) {
    if (isAbortError(err)) throw err;
    throw new ApiError(NETWORK_MESSAGE);
  }
  const text = await res.text().catch(() => '');
  if (!res.ok) {
    const { message, code } = describeHttpError(res.status, text);
    throw new ApiError(message, { status: res.status, code });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ApiError(BAD_DATA_MESSAGE, { status: res.status });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(BAD_DATA_MESSAGE, { status: res.status });
  return parsed.data;
}

/** What the server runs with; the UI reads what runs degraded from it. */
export function fetchHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return getJson('/healthz', HealthResponseSchema, signal);
}

export function fetchReports(signal?: AbortSignal): Promise<ReportListResponse> {
  return getJson('/api/reports', ReportListResponseSchema, signal);
}

export function fetchReport(id: string, signal?: AbortSignal): Promise<ReportDetailResponse> {
  return getJson(`/api/reports/${encodeComponent(id)}`, ReportDetailResponseSchema, signal);
}

export function fetchParagraph(id: string, signal?: AbortSignal): Promise<ParagraphResponse> {
  return getJson(`/api/paragraphs/${encodeComponent(id)}`, ParagraphResponseSchema, signal);
}

export function indicatorsPath(query: IndicatorQuery = {}): string {
  const params = new URLSearchParams();
  if (query.place) params.set('place', query.place);
  if (query.year !== undefined) params.set('year', String(query.year));
  if (query.indicator) params.set('indicator', query.indicator);
  if (query.kind) params.set('kind', query.kind);
  const qs = params.toString();
  return `/api/indicators${qs ? `?${qs}` : ''}`;
}

/** The indicator table as a CSV file, under the same filters. */
export function indicatorsCsvPath(query: IndicatorQuery = {}): string {
  const path = indicatorsPath(query);
  return `${path}${path.includes('?') ? '&' : '?'}format=csv`;
}

/** A report's original file; `download` asks the browser to save it rather than show it. */
export function reportFilePath(id: string, download = false): string {
  return `/api/reports/${encodeURIComponent(id)}/file${download ? '?download=1' : ''}`;
}

export interface SearchRequest {
  q: string;
  k?: number;
  place?: string;
  year?: number;
  /** Earlier questions of the conversation. */
  context?: string[];
}

export function searchPath(req: SearchRequest): string {
  const params = new URLSearchParams({ q: req.q });
  if (req.k !== undefined) params.set('k', String(req.k));
  if (req.place) params.set('place', req.place);
  if (req.year !== undefined) params.set('year', String(req.year));
  for (const c of req.context ?? []) params.append('context', c);
  return `/api/search?${params}`;
}

export function fetchSearch(req: SearchRequest, signal?: AbortSignal): Promise<SearchResponse> {
  return getJson(searchPath(req), SearchResponseSchema, signal);
}

export function fetchIndicators(query: IndicatorQuery = {}, signal?: AbortSignal): Promise<IndicatorsResponse> {
  return getJson(indicatorsPath(query), IndicatorsResponseSchema, signal);
}

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (isNetworkFailure(err)) return NETWORK_MESSAGE;
  return err instanceof Error && err.message ? err.message : '加载失败，请稍后重试。';
}

/** Parses a report-change response (POST/PATCH) or throws the server's reason. */
function changeResult(status: number, text: string): ReportChangeResponse {
  if (status < 200 || status >= 300) {
    const { message, code } = describeHttpError(status, text);
    throw new ApiError(message, { status, code });
  }
  try {
    const parsed = ReportChangeResponseSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through
  }
  throw new ApiError(BAD_DATA_MESSAGE, { status });
}

/**
 * Uploads one report file. XMLHttpRequest rather than fetch: only it reports
 * upload progress. `onUploaded` fires when the bytes are sent and the server
 * is reading and indexing the file.
 */
export function uploadReport(
  file: File,
  handlers: { onProgress?: (fraction: number) => void; onUploaded?: () => void } = {},
): Promise<ReportChangeResponse> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/reports');
    // The same headers as every fetch: accept, and the API token when one is set.
    withApiToken({ accept: 'application/json' }).forEach((value, name) => xhr.setRequestHeader(name, value));
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) handlers.onProgress?.(e.loaded / e.total);
    };
    xhr.upload.onload = () => handlers.onUploaded?.();
    xhr.onerror = () => reject(new ApiError(NETWORK_MESSAGE));
    xhr.onload = () => {
      try {
        resolve(changeResult(xhr.status, xhr.responseText));
      } catch (e) {
        reject(e);
      }
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

async function send(path: string, init: RequestInit): Promise<{ status: number; text: string }> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers: withApiToken({ accept: 'application/json', ...(init.headers ?? {}) }) });
  } catch {
    throw new ApiError(NETWORK_MESSAGE);
  }
  return { status: res.status, text: await res.text().catch(() => '') };
}

/** Corrects an added report's metadata (stored in its sidecar). */
export async function patchReport(id: string, fields: MetaOverrides): Promise<ReportChangeResponse> {
  const { status, text } = await send(`/api/reports/${encodeComponent(id)}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(fields),
  });
  return changeResult(status, text);
}

export async function deleteReport(id: string): Promise<void> {
  const { status, text } = await send(`/api/reports/${encodeComponent(id)}`, { method: 'DELETE' });
  if (status < 200 || status >= 300) {
    const { message, code } = describeHttpError(status, text);
    throw new ApiError(message, { status, code });
  }
}
