// DNS rebinding: a web page on evil.example can make its own name resolve to 127.0.0.1 and
// then call our loopback API from the user's browser (and spend a configured model's quota).
// Its requests carry Host: evil.example. When we serve loopback only, any Host that is not
// a loopback name or one the operator configured (ALLOWED_HOSTS) is refused.
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './apiError.js';

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

/** localhost:8787 → localhost; [::1]:8787 → ::1 */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  return h.replace(/:\d*$/, '').replace(/\.$/, '');
}

export function isLoopbackBind(hostname: string): boolean {
  const h = hostName(hostname);
  return LOOPBACK_HOSTS.includes(h) || /^127\./.test(h);
}

export function checkHost(allowed: string[]): MiddlewareHandler {
  const names = new Set([...LOOPBACK_HOSTS, ...allowed.map(hostName)].filter(Boolean));
  return async (c, next) => {
    const host = c.req.header('host');
    if (!host || !names.has(hostName(host))) {
      throw new ApiError(403, 'forbidden_host', `不接受 Host 为 ${host ? JSON.stringify(host.slice(0, 100)) : '（空）'} 的请求：本服务只在本机提供；如需用其他域名访问，请设置 ALLOWED_HOSTS`);
    }
    await next();
  };
}
