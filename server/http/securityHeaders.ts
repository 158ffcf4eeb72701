// Headers on every response (hono's secureHeaders, configured here):
// - X-Content-Type-Options: nosniff: a report's text or an error body is never run as script;
// - a Content-Security-Policy for the UI: scripts, styles and connections from this server only,
//   no inline script and no eval (the built client needs neither), and frame-ancestors 'self'
//   (with X-Frame-Options for older browsers), so no other site can frame the UI and its
//   delete buttons;
// - Referrer-Policy: no-referrer: a report's id in the address never goes to another site.
// HSTS is left to whoever terminates TLS: sent by a loopback HTTP server it means nothing, and
// its includeSubDomains could bind other services of a proxy's domain.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  // The favicon is a data: URL in index.html.
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
};

export function securityHeaders(): MiddlewareHandler {
  const secure = secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xContentTypeOptions: 'nosniff',
    xFrameOptions: 'SAMEORIGIN',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
  });
  // A route that sets a stricter policy of its own (a saved web page served sandboxed) keeps it.
  return async (c, next) => {
    let own: string | null = null;
    await secure(c, async () => {
      await next();
      own = c.res.headers.get('content-security-policy');
    });
    if (own) c.res.headers.set('content-security-policy', own);
  };
}
