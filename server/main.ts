// npm start: serve the chat UI and the API on PORT (default 8787).
import { startServer } from './startServer.js';

try {
  const server = await startServer();
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  console.error(`无法启动服务器：${(e as Error).message}`);
  process.exit(1);
}
