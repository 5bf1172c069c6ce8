// Builds the web app (src/web) into dist/web, which the server serves (QT_WEB_DIR). index.html
// stays at the repository root so that `vite` and `vite build` need no extra flags.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  // No public folder: every asset is imported by the code and fingerprinted.
  publicDir: false,
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Strict CSP (script-src 'self'): no inline module-preload polyfill.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
