// Two `npm start` servers on one database, as processes: a report added through one
// is answered by the other, a deletion through the other is refused by the first, and
// after kill -9 of both, everything acknowledged is there when they start again.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureClientBuilt, ROOT } from '../../../helpers/browser.js';
import { dropSchemas, testDatabaseUrl, testSchema } from '../../../helpers/postgres.js';
import { syntheticReportText } from '../../../helpers/syntheticReport.js';

const url = await testDatabaseUrl();
const schema = testSchema('servers');
const folder = mkdtempSync(join(tmpdir(), 'two-servers-'));
const ports = [18930 + Math.floor(Math.random() * 40), 18980 + Math.floor(Math.random() * 40)];
const running: ChildProcess[] = [];

function start(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: url!, DATABASE_SCHEMA: schema, REPORTS_DIR: folder, LLM_BASE_URL: '', LLM_MODEL: '', API_TOKEN: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d));
  child.stderr!.on('data', (d: Buffer) => (log += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server on ${port} did not start:\n${log}`)), 90_000);
    child.stdout!.on('data', () => {
      if (log.includes('listening on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`server on ${port} exited with ${code}:\n${log}`)));
  });
}

const ask = async (port: number, question: string) =>
  (await (await fetch(`http://127.0.0.1:${port}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) })).json()) as {
    status: string;
    answer: string;
    citations: { reportId: string }[];
  };

const upload = async (port: number, name: string, text: string) => {
  const form = new FormData();
  form.append('file', new Blob([text]), name);
  return fetch(`http://127.0.0.1:${port}/api/reports`, { method: 'POST', body: form });
};

const listed = async (port: number) => ((await (await fetch(`http://127.0.0.1:${port}/api/reports`)).json()) as { reports: { id: string }[] }).reports.map((r) => r.id);

async function killHard(): Promise<void> {
  for (const child of running.splice(0)) {
    if (child.exitCode !== null) continue;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }
}

describe.skipIf(!url)('two servers on one database', () => {
  beforeAll(async () => {
    ensureClientBuilt();
    await start(ports[0]);
    await start(ports[1]);
  }, 180_000);
  afterAll(async () => {
    await killHard();
    rmSync(folder, { recursive: true, force: true });
    if (url) await dropSchemas(url, [schema]);
  });

  it('answer the example question, see each other’s adds and deletes, and lose nothing after kill -9 of both', async () => {
    const [a, b] = ports;
    for (const port of ports) expect((await ask(port, '惠济区2024年GDP目标是多少')).answer).toContain('7%左右');

    expect((await upload(a, 'lanxi.txt', syntheticReportText(0, '岚溪'))).status).toBe(201);
    const question = '岚溪区2024年地区生产总值增长目标是多少';
    let answer = await ask(b, question);
    for (let i = 0; i < 20 && answer.status !== 'answered'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      answer = await ask(b, question);
    }
    expect(answer.status).toBe('answered');
    expect(answer.answer).toContain('6%左右');
    expect(answer.citations[0].reportId).toBe('lanxi');

    expect((await fetch(`http://127.0.0.1:${b}/api/reports/lanxi`, { method: 'DELETE' })).status).toBe(200);
    let refused = await ask(a, question);
    for (let i = 0; i < 50 && refused.status !== 'no_evidence'; i++) {
      await new Promise((r) => setTimeout(r, 20));
      refused = await ask(a, question);
    }
    expect(refused.status).toBe('no_evidence');

    expect((await upload(b, 'muxi.txt', syntheticReportText(0, '沐溪'))).status).toBe(201);
    // The other server hears of it within a second.
    let before = await listed(a);
    for (let i = 0; i < 50 && !before.includes('muxi'); i++) {
      await new Promise((r) => setTimeout(r, 20));
      before = await listed(a);
    }
    expect(before).toContain('muxi');
    expect(before).not.toContain('lanxi');

    await killHard();
    await start(a);
    await start(b);
    for (const port of ports) {
      expect(await listed(port)).toEqual(before);
      const again = await ask(port, '沐溪区2024年地区生产总值增长目标是多少');
      expect(again.status).toBe('answered');
      expect(again.citations[0].reportId).toBe('muxi');
      expect((await ask(port, question)).status).toBe('no_evidence');
    }
  }, 240_000);
});
