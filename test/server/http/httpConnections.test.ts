// HTTP on a real socket: error responses to requests whose body was not read keep the
// connection usable (or say Connection: close), media types match case-insensitively,
// the Host check stops DNS rebinding, API_TOKEN guards /api/*, no source maps are served.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../server/app.js';
import { startServer, type RunningServer } from '../../../server/startServer.js';
import { sharedCorpus } from '../../helpers/corpus.js';

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Sends requests one after another on one socket; null for a request the server never answered. */
function exchange(port: number, requests: string[]): Promise<(RawResponse | null)[]> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const out: (RawResponse | null)[] = [];
    let buf = Buffer.alloc(0);
    let closed = false;
    const finish = () => {
      while (out.length < requests.length) out.push(null);
      clearTimeout(timer);
      socket.destroy();
      resolve(out);
    };
    const timer = setTimeout(finish, 3000);
    const next = () => {
      if (out.length === requests.length || closed) return finish();
      socket.write(requests[out.length]);
    };
    socket.on('data', (d) => {
      buf = Buffer.concat([buf, d]);
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = buf.subarray(0, end).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of head.slice(1)) {
        const i = line.indexOf(':');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      const length = Number(headers['content-length'] ?? 0);
      if (buf.length < end + 4 + length) return;
      out.push({ status: Number(head[0].split(' ')[1]), headers, body: buf.subarray(end + 4, end + 4 + length).toString('utf8') });
      buf = buf.subarray(end + 4 + length);
      if (out.length === requests.length) return finish();
      if (headers.connection === 'close') closed = true;
      // A pause longer than the server's old 500 ms grace, as a browser reusing a connection would.
      setTimeout(next, closed ? 0 : 700);
    });
    socket.on('close', () => {
      closed = true;
      finish();
    });
    socket.on('error', () => {});
    next();
  });
}

const post = (path: string, type: string, body: string, host = 'localhost') =>
  `POST ${path} HTTP/1.1\r\nHost: ${host}\r\nContent-Type: ${type}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const get = (path: string, host = 'localhost', extra = '') => `GET ${path} HTTP/1.1\r\nHost: ${host}\r\n${extra}\r\n`;
const QUESTION = JSON.stringify({ question: '惠济区2024年GDP目标是多少' });

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, corpus: await sharedCorpus(), quiet: true, llm: null, env: { ALLOWED_HOSTS: 'qa.example.org' } });
});
afterAll(async () => server?.close());

describe('keep-alive after an error response', () => {
  it.each([
    ['415 wrong media type', post('/api/ask', 'text/plain', 'x'.repeat(20_000)), 415],
    ['404 unknown API with a body', post('/api/nothing', 'application/json', 'x'.repeat(20_000)), 404],
    ['400 malformed JSON', post('/api/ask', 'application/json', '{"question": "惠济'), 400],
  ])('%s: the next request on the same socket is answered', async (_, first, status) => {
    const [a, b] = await exchange(server.port, [first, get('/healthz')]);
    expect(a?.status).toBe(status);
    expect(JSON.parse(a!.body).error.code).toBeTruthy();
    expect(a?.headers.connection).not.toBe('close');
    expect(b?.status).toBe(200);
  });

  it('a chunked body on a 415: the next request on the same socket is answered', async () => {
    const chunk = 'x'.repeat(20_000);
    const chunked = `POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n${chunk.length.toString(16)}\r\n${chunk}\r\n0\r\n\r\n`;
    const [a, b] = await exchange(server.port, [chunked, get('/healthz')]);
    expect(a?.status).toBe(415);
    if (a?.headers.connection !== 'close') expect(b?.status).toBe(200);
  });

  it('a body that arrives after the error was decided (slow upload): the connection stays usable', async () => {
    const body = 'x'.repeat(5_000);
    const socket = net.connect(server.port, '127.0.0.1');
    let data = '';
    socket.on('data', (d) => (data += d));
    socket.on('error', () => {});
    socket.write(`POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n`);
    await new Promise((r) => setTimeout(r, 700)); // longer than the adapter's 500 ms drain
    socket.write(body);
    await new Promise((r) => setTimeout(r, 300));
    socket.write(get('/healthz'));
    await new Promise((r) => setTimeout(r, 500));
    socket.destroy();
    const statuses = [...data.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]));
    if (/connection: close/i.test(data)) expect(statuses).toEqual([415]);
    else expect(statuses).toEqual([415, 200]);
  });

  it('413 over the body limit says Connection: close instead of reading the body', async () => {
    const big = post('/api/ask', 'application/json', JSON.stringify({ question: 'x', pad: 'x'.repeat(MAX_BODY_BYTES) }));
    const [a] = await exchange(server.port, [big, get('/healthz')]);
    expect(a?.status).toBe(413);
    expect(a?.headers.connection).toBe('close');
  });
});

describe('media types and hosts', () => {
  it('matches the JSON media type case-insensitively, with parameters', async () => {
    for (const type of ['Application/JSON', 'application/json; charset=UTF-8', 'APPLICATION/JSON;charset=utf-8']) {
      const [a] = await exchange(server.port, [post('/api/ask', type, QUESTION)]);
      expect(a?.status, type).toBe(200);
    }
  });

  it('answers loopback names and configured names; refuses other hosts with 403 JSON (DNS rebinding)', async () => {
    for (const host of ['localhost', `localhost:${server.port}`, `127.0.0.1:${server.port}`, `[::1]:${server.port}`, 'qa.example.org']) {
      const [a] = await exchange(server.port, [get('/healthz', host)]);
      expect(a?.status, host).toBe(200);
    }
    for (const host of ['evil.example.com', `attacker.test:${server.port}`, 'localhost.evil.com']) {
      const [a] = await exchange(server.port, [post('/api/ask', 'application/json', QUESTION, host)]);
      expect(a?.status, host).toBe(403);
      expect(JSON.parse(a!.body).error.code).toBe('forbidden_host');
    }
  });
});

describe('API_TOKEN', () => {
  let guarded: RunningServer;
  beforeAll(async () => {
    // Served on all interfaces, as on a network; requests still come in over loopback here.
    guarded = await startServer({ port: 0, host: '0.0.0.0', corpus: await sharedCorpus(), quiet: true, llm: null, env: { API_TOKEN: 'tok-123456' } });
  });
  afterAll(async () => guarded?.close());

  it('requires the bearer token on /api/* and nowhere else', async () => {
    const [none] = await exchange(guarded.port, [get('/api/reports')]);
    expect(none?.status).toBe(401);
    expect(JSON.parse(none!.body).error.code).toBe('unauthorized');
    const [wrong] = await exchange(guarded.port, [get('/api/reports', 'localhost', 'Authorization: Bearer nope\r\n')]);
    expect(wrong?.status).toBe(401);
    const [right] = await exchange(guarded.port, [get('/api/reports', 'localhost', 'Authorization: Bearer tok-123456\r\n')]);
    expect(right?.status).toBe(200);
    const [health] = await exchange(guarded.port, [get('/healthz', 'some.lan.host')]);
    expect(health?.status).toBe(200);
  });
});

describe('the built client', () => {
  it('serves no source maps unless asked to (development)', async () => {
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createApp } = await import('../../../server/app.js');
    const dir = mkdtempSync(join(tmpdir(), 'client-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index.js'), 'console.log(1)');
    writeFileSync(join(dir, 'assets', 'index.js.map'), '{"version":3}');
    const corpus = await sharedCorpus();
    const prod = createApp({ corpus, clientDir: dir });
    expect((await prod.request('/assets/index.js')).status).toBe(200);
    expect((await prod.request('/assets/index.js.map')).status).toBe(404);
    const dev = createApp({ corpus, clientDir: dir, sourceMaps: true });
    expect((await dev.request('/assets/index.js.map')).status).toBe(200);
  });
});
