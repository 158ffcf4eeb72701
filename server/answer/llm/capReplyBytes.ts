// A model's HTTP reply is read up to a byte budget. Past it the body is cancelled, which
// closes the upstream connection (the model stops generating, and billing), and the read
// fails with ReplyTooLargeError. The answer's length bound (llmAnswerer) stops a long
// streamed answer much earlier; this stops what that bound cannot see: one JSON completion
// or one server-sent event of megabytes, read whole before any text is handed on.

type Fetch = typeof globalThis.fetch;

export class ReplyTooLargeError extends Error {
  override readonly name = 'ReplyTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`LLM reply exceeded ${maxBytes} bytes; reading stopped`);
  }
}

export function capReplyBytes(maxBytes: number, inner: Fetch = globalThis.fetch): Fetch {
  return async (input, init) => {
    const res = await inner(input, init);
    if (!res.body) return res;
    const reader = res.body.getReader();
    let seen = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        seen += value.byteLength;
        if (seen > maxBytes) {
          await reader.cancel().catch(() => {});
          controller.error(new ReplyTooLargeError(maxBytes));
          return;
        }
        controller.enqueue(value);
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
