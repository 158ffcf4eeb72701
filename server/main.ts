// npm start: build the chat UI if its sources changed since the last build, then serve
// it and the API on PORT (default 8787). SIGTERM or Ctrl-C stops it gracefully: no new
// connections, requests in flight (an upload) finish within SHUTDOWN_GRACE_MS, then it
// exits; a second signal exits at once.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isCurrent } from '../client/buildClient.js';
import { SHUTDOWN_GRACE_MS, startServer } from './startServer.js';

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
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.warn(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: finishing the requests in flight (at most ${SHUTDOWN_GRACE_MS / 1000} s), then exiting`);
    void server.shutdown(SHUTDOWN_GRACE_MS).then(
      ({ cut }) => {
        if (cut) console.warn(`⚠ ${cut} connection(s) still open after ${SHUTDOWN_GRACE_MS / 1000} s were closed`);
        process.exit(0);
      },
      (e: unknown) => {
        console.error(`shutdown failed: ${(e as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  console.error(`无法启动服务器：${(e as Error).message}`);
  process.exit(1);
}
