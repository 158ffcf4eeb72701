import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const clientDir = fileURLToPath(new URL('.', import.meta.url));
const repoDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/client', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://localhost:8787';

/**
 * PDF.js's data files, served from our own origin at /pdfjs/: the character maps
 * Chinese PDFs with non-embedded fonts need (UniGB-UCS2-H …), the standard fonts,
 * and its image decoders. Copied into the build; served from node_modules in dev.
 */
function pdfjsData(): Plugin {
  const source = join(repoDir, 'node_modules', 'pdfjs-dist');
  const dirs = ['cmaps', 'standard_fonts', 'wasm'];
  return {
    name: 'pdfjs-data',
    configureServer(server) {
      server.middlewares.use('/pdfjs', (req, res, next) => {
        const rel = normalize(decodeURIComponent((req.url ?? '').split('?')[0])).replace(/^([/\\])+/, '');
        const file = join(source, rel);
        if (!dirs.some((d) => rel.startsWith(d)) || !file.startsWith(source) || !existsSync(file) || !statSync(file).isFile()) return next();
        createReadStream(file).pipe(res);
      });
    },
    writeBundle() {
      for (const d of dirs) cpSync(join(source, d), join(outDir, 'pdfjs', d), { recursive: true });
    },
  };
}

// The client is a static single-page app; the API server serves dist/client at /.
export default defineConfig({
  root: clientDir,
  base: '/',
  plugins: [react(), pdfjsData()],
  build: {
    outDir,
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
