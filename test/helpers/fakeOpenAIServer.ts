// A small fake OpenAI-compatible server for tests: POST /v1/chat/completions on 127.0.0.1,
// answering from a script. Streams SSE the way the real API does (role on the first chunk,
// content pieces, a finish_reason chunk, a usage chunk when asked for, then [DONE]).
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FakeReply =
  /**
   * A normal answer; streamed in `pieces` chunks (default 4) when the request asks for a stream.
   * `reasoning` is sent first in the `reasoningField` delta field (DeepSeek, vLLM: reasoning_content;
   * Ollama, OpenRouter: reasoning). `json` answers a stream request with one JSON completion, as
   * servers that ignore `stream` do. `dropAfter` ends the stream (socket destroyed) after that many pieces.
   */
  | {
      text: string;
      pieces?: number;
      reasoning?: string;
      reasoningField?: 'reasoning_content' | 'reasoning';
      json?: boolean;
      dropAfter?: number;
      /** Pause between streamed pieces, ms (default: one event-loop turn). */
      delayMs?: number;
    }
  /** Accept the request and never answer (until close()). */
  | { hang: true }
  /** An HTTP error; default body is an OpenAI-style error JSON. */
  | { status: number; body?: string }
  /** 200 with a body that is not JSON; `true` sends an HTML page, a string is sent as is. */
  | { garbage: true | string };

export interface FakeRequest {
  messages: any[];
  stream: boolean;
  model: string;
  /** The whole parsed request body. */
  body: any;
  headers: IncomingHttpHeaders;
}

export interface FakeOpenAI {
  /** Base URL ending in /v1. */
  url: string;
  /** Parsed JSON bodies of the chat requests, in arrival order. */
  calls: any[];
  /** Every request that reached the server (any path), with its headers. */
  requests: { method: string; path: string; headers: IncomingHttpHeaders; body: string }[];
  /** Chat requests whose caller went away (closed the connection) before the reply was complete. */
  readonly aborted: number;
  /** Chat requests whose reply was sent whole. */
  readonly completed: number;
  close(): Promise<void>;
}

function pieces(text: string, n: number): string[] {
  const chars = Array.from(text);
  const count = Math.max(1, Math.min(n, chars.length));
  const size = Math.ceil(chars.length / count);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  return out.length > 0 ? out : [''];
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
  res.end(data);
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function startFakeOpenAI(
  script: (req: FakeRequest) => FakeReply | Promise<FakeReply>,
): Promise<FakeOpenAI> {
  const calls: any[] = [];
  const requests: FakeOpenAI['requests'] = [];
  const sockets = new Set<Socket>();
  let counter = 0;
  let aborted = 0;
  let completed = 0;
  /** Set by close(): sockets it destroys are not callers that went away. */
  let closing = false;

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = (req.url ?? '/').split('?')[0];
    requests.push({ method: req.method ?? '', path, headers: req.headers, body: raw });

    if (req.method !== 'POST' || path !== '/v1/chat/completions') {
      sendJson(res, 404, { error: { message: `not found: ${req.method} ${path}`, type: 'invalid_request_error' } });
      return;
    }

    let body: any;
    try {
      body = JSON.parse(raw);
    } catch {
      sendJson(res, 400, { error: { message: 'request body is not JSON', type: 'invalid_request_error' } });
      return;
    }
    calls.push(body);
    /** The fake itself cut the connection (dropAfter): not the caller going away. */
    let dropped = false;
    res.on('close', () => {
      if (res.writableFinished) completed++;
      else if (!closing && !dropped) aborted++;
    });

    let reply: FakeReply;
    try {
      reply = await script({
        messages: Array.isArray(body.messages) ? body.messages : [],
        stream: body.stream === true,
        model: String(body.model ?? ''),
        body,
        headers: req.headers,
      });
    } catch (error) {
      sendJson(res, 500, { error: { message: `fake script failed: ${String(error)}`, type: 'server_error' } });
      return;
    }

    if ('hang' in reply) return; // close() destroys the socket

    if ('status' in reply) {
      const text = reply.body ?? JSON.stringify({ error: { message: `fake error ${reply.status}`, type: 'server_error' } });
      let isJson = true;
      try {
        JSON.parse(text);
      } catch {
        isJson = false;
      }
      res.writeHead(reply.status, { 'content-type': isJson ? 'application/json' : 'text/plain; charset=utf-8' });
      res.end(text);
      return;
    }

    if ('garbage' in reply) {
      const text = reply.garbage === true ? '<html><body>502 Bad Gateway… not JSON {{{</body></html>\n' : reply.garbage;
      res.writeHead(200, { 'content-type': reply.garbage === true ? 'text/html' : 'text/event-stream' });
      res.end(text);
      return;
    }

    const id = `chatcmpl-fake${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const model = String(body.model ?? 'fake');
    const usage = { prompt_tokens: 10, completion_tokens: Array.from(reply.text).length, total_tokens: 10 + Array.from(reply.text).length };

    const field = reply.reasoningField ?? 'reasoning_content';
    if (body.stream !== true || reply.json) {
      const message: Record<string, unknown> = { role: 'assistant', content: reply.text };
      if (reply.reasoning) message[field] = reply.reasoning;
      if (reply.dropAfter !== undefined) {
        // The connection dies halfway through the body.
        const data = JSON.stringify({ id, object: 'chat.completion', created, model, choices: [{ index: 0, message, finish_reason: 'stop' }] });
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
        res.write(data.slice(0, Math.floor(data.length / 2)));
        dropped = true;
        setTimeout(() => res.socket?.destroy(), 5);
        return;
      }
      sendJson(res, 200, {
        id,
        object: 'chat.completion',
        created,
        model,
        choices: [{ index: 0, message, finish_reason: 'stop' }],
        usage,
      });
      return;
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta, finish_reason: finish }],
    });
    const wait = () => (reply.delayMs ? new Promise<void>((r) => setTimeout(r, reply.delayMs)) : tick());
    if (reply.reasoning) {
      for (const piece of pieces(reply.reasoning, 3)) {
        send(chunk({ role: 'assistant', content: null, [field]: piece }, null));
        await wait();
      }
    }
    const parts = pieces(reply.text, reply.pieces ?? 4);
    for (let i = 0; i < parts.length; i++) {
      if (reply.dropAfter !== undefined && i >= reply.dropAfter) {
        dropped = true;
        res.socket?.destroy();
        return;
      }
      send(chunk(i === 0 ? { role: 'assistant', content: parts[i] } : { content: parts[i] }, null));
      await wait();
    }
    send(chunk({}, 'stop'));
    if (body.stream_options?.include_usage) {
      send({ id, object: 'chat.completion.chunk', created, model, choices: [], usage });
    }
    res.end('data: [DONE]\n\n');
  });

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    calls,
    requests,
    get aborted() {
      return aborted;
    },
    get completed() {
      return completed;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        closing = true;
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      }),
  };
}
