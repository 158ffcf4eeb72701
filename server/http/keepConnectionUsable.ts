// An error answered before the request body was read (415, the /api/* 404, 413) leaves
// the body on the socket. The Node adapter drains it for at most 500 ms and then closes the
// socket — after announcing keep-alive, so a browser or SDK reusing the connection gets
// "other side closed". We drain a body of allowed size ourselves before the response goes
// out, and tell the client Connection: close for one we will not read.
import type { MiddlewareHandler } from 'hono';

export function keepConnectionUsable(maxDrainBytes: number): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (c.res.status < 400) return;
    const req = c.req.raw;
    const declared = req.headers.get('content-length');
    const length = declared === null ? undefined : Number(declared);
    const hasBody = length !== undefined ? length > 0 : req.headers.has('transfer-encoding');
    if (!hasBody) return;
    if (c.res.status !== 413 && !req.bodyUsed && length !== undefined && Number.isFinite(length) && length <= maxDrainBytes) {
      try {
        await req.arrayBuffer();
        return;
      } catch {
        // The client went away or sent less than it declared: fall through and close.
      }
    } else if (c.res.status !== 413 && req.bodyUsed) {
      return; // read in full by the route (a 400 for malformed JSON)
    }
    c.res.headers.set('connection', 'close');
  };
}
