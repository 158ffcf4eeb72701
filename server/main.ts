// npm start: build the chat UI if its sources changed since the last build, then
// serve it and the API on PORT (default 8787).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isCurrent } from '../client/buildClient.js';
import { startServer } from './startServer.js';

// Checked here rather than in an npm prestart script: a restart then costs no extra
// processes, only the index load. The build itself runs in a child process, so the
// bundler does not stay in the server's memory.
if (!isCurrent()) {
  const script = fileURLToPath(new URL('../client/buildClient.ts', import.meta.url));
  const build = spawnSync(process.execPath, [...process.execArgv, script, '--if-changed'], { stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('无法启动服务器：聊天界面构建失败 (the chat UI build failed; see above)');
    process.exit(1);
  }
}

try {
  const server = await startServer();
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  console.error(`无法启动服务器：${(e as Error).message}`);
  process.exit(1);
}
