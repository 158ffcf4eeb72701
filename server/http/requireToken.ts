// API_TOKEN: when the server is reachable from a network, /api/* wants
// Authorization: Bearer <token>. Compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './apiError.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

export function requireToken(token: string): MiddlewareHandler {
  const want = digest(token);
  return async (c, next) => {
    const got = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1]?.trim();
    if (!got || !timingSafeEqual(digest(got), want)) {
      c.header('WWW-Authenticate', 'Bearer');
      throw new ApiError(401, 'unauthorized', '需要有效的访问令牌：请求头 Authorization: Bearer <API_TOKEN>');
    }
    await next();
  };
}
