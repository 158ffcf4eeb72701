// One shape for every error the API returns: {"error": {"code", "message"}},
// with messages a user can act on and never a stack trace.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Headers the response carries besides the body (Retry-After). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export function zodMessage(error: ZodError): string {
  return error.issues
    .map((i) => `${i.path.length ? i.path.join('.') + ': ' : ''}${i.message}`)
    .slice(0, 5)
    .join('；');
}

export function errorResponse(c: Context, err: unknown) {
  // The client went away (stop button, closed tab): nobody reads this, and it is not our failure.
  if (c.req.raw.signal.aborted) return c.json({ error: { code: 'client_closed', message: '请求已取消' } }, 400);
  if (err instanceof ApiError) return c.json({ error: { code: err.code, message: err.message } }, err.status, err.headers);
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = status === 413 ? 'payload_too_large' : 'http_error';
    const message = status === 413 ? '请求体过大' : err.message || '请求无法处理';
    return c.json({ error: { code, message } }, status);
  }
  console.error('[server] unexpected error:', err instanceof Error ? err.message : err);
  return c.json({ error: { code: 'internal', message: '服务器内部错误，请稍后重试' } }, 500);
}

/** Reads a JSON body, turning malformed JSON into a 400 instead of a crash. */
export async function readJson(c: Context): Promise<unknown> {
  // Media types are case-insensitive (Application/JSON) and may carry parameters (; charset=utf-8).
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[\w.+-]+\+json$/.test(type)) throw new ApiError(415, 'unsupported_media_type', '请求体须为 JSON（content-type: application/json）');
  try {
    return await c.req.json();
  } catch {
    throw new ApiError(400, 'invalid_json', '请求体不是合法的 JSON');
  }
}
