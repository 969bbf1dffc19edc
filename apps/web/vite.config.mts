import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { serviceWorker } from './service-worker/precache-plugin.mts';

/**
 * The web app is built into dist/web, beside the compiled API that serves it (apps/api/src/web).
 * No inline scripts or styles end up in index.html: the Content-Security-Policy forbids them.
 */
const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [preact(), serviceWorker(root)],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Inlined assets would become data: URLs; keep every asset a same-origin file.
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
