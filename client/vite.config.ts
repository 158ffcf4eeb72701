import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const clientDir = fileURLToPath(new URL('.', import.meta.url));
const repoDir = fileURLToPath(new URL('..', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://localhost:8787';

// The client is a static single-page app; the API server serves dist/client at /.
export default defineConfig({
  root: clientDir,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/client', import.meta.url)),
    emptyOutDir: true,
    // The map is the whole client source (3.4 MB): built only on request (BUILD_SOURCEMAP=true),
    // and the server serves *.map only with NODE_ENV=development.
    sourcemap: process.env.BUILD_SOURCEMAP === 'true',
    // One ~155 kB (gzip) bundle: React, zod (the shared API schemas) and the chat stream client.
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    // The client imports the shared API contract from server/api and retrieval/types.
    fs: { allow: [repoDir] },
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/healthz': { target: apiTarget, changeOrigin: true },
    },
  },
});
