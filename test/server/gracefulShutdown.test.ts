// SIGTERM (a deploy) while an upload is in flight: the server stops taking connections, lets
// the upload finish and answers it, then exits. A request that never ends is cut after the
// grace period, so shutting down is bounded.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../server/startServer.js';
import { syntheticReportText } from '../helpers/syntheticReport.js';

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'shutdown-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A multipart upload of one file, as bytes. */
function multipart(name: string, text: string) {
  const boundary = '----shutdown-test';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${name}"\r\ncontent-type: text/plain\r\n\r\n`),
    Buffer.from(text),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

describe('graceful shutdown', () => {
  it('on SIGTERM lets an upload in flight finish and be answered, then exits', { timeout: 120_000 }, async () => {
    const reportsDir = join(work, 'reports');
    const child = spawn(process.execPath, ['--import', TSX, MAIN], {
      env: { ...process.env, PORT: '0', SEEDS: 'off', REPORTS_DIR: reportsDir, LLM_BASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /listening on (http:\/\/[^\s]+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(`server did not start: ${out}`)));
    });
    const { port } = new URL(url);

    const { body, type } = multipart('chengchuan.txt', syntheticReportText());
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/reports', method: 'POST', headers: { 'content-type': type, 'content-length': body.length } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, body: text }));
      });
      req.on('error', reject);
      // Half the body now, the SIGTERM, then the rest: the upload is in flight when the signal comes.
      req.write(body.subarray(0, body.length >> 1));
      setTimeout(() => {
        child.kill('SIGTERM');
        setTimeout(() => req.end(body.subarray(body.length >> 1)), 500);
      }, 200);
    });
    const answered = await response;
    expect(answered.status).toBe(201);
    expect(JSON.parse(answered.body).report.id).toBe('chengchuan');
    expect(await exited).toBe(0);
    expect(readdirSync(reportsDir).sort()).toEqual(['chengchuan.txt']);
    // Nothing listens any more.
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.on('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('cuts a request that outlasts the grace period, so shutting down is bounded', { timeout: 60_000 }, async () => {
    const server = await startServer({ port: 0, quiet: true, llm: null, reportsDir: join(work, 'bounded'), env: { SEEDS: 'off' } });
    const { body, type } = multipart('stalled.txt', syntheticReportText());
    const aborted = new Promise<string>((resolve) => {
      const req = request(`${server.url}/api/reports`, { method: 'POST', headers: { 'content-type': type, 'content-length': body.length } });
      req.on('error', (e) => resolve(e.message));
      req.on('response', () => resolve('answered'));
      req.write(body.subarray(0, 100)); // and never the rest
    });
    await new Promise((r) => setTimeout(r, 200));
    const { cut } = await server.shutdown(500);
    expect(cut).toBe(1);
    expect(await aborted).toMatch(/socket hang up|ECONNRESET/);
    expect(existsSync(join(work, 'bounded')) ? readdirSync(join(work, 'bounded')) : []).toEqual([]);
  });
});
