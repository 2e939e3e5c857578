// The dashboard build: web/ → web/dist, served at / by CloudFront (S3) and by the local runtime.
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { apiDocs } from './docs-plugin.js';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [svelte(), apiDocs()], // apiDocs: Swagger UI for /docs (web/docs-plugin.ts)
  // WEB_OUT_DIR lets a second local runtime build its own copy (several runtimes on one machine).
  build: { outDir: process.env.WEB_OUT_DIR ?? 'dist', emptyOutDir: true, target: 'es2022', reportCompressedSize: true, chunkSizeWarningLimit: 400 },
  server: { proxy: { '/v1': 'http://127.0.0.1:3000' } },
});
