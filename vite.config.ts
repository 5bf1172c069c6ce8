// Builds the web app (src/web) into dist/web, which the server serves (QT_WEB_DIR). index.html
// stays at the repository root so that `vite` and `vite build` need no extra flags.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every built text file worth compressing, at
 * the best levels: the server sends them as they are (@fastify/static `preCompressed`), so a phone
 * downloads a quarter of the bytes and the server spends no CPU per request (decision 013).
 */
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

function precompress(): Plugin {
  return {
    name: 'qt-precompress',
    apply: 'build',
    // zlib's asynchronous calls run on libuv's thread pool: the files compress in parallel.
    async writeBundle(options, bundle) {
      const dir = options.dir!;
      const files = Object.values(bundle)
        .filter((output) => /\.(js|css|html|svg|json|txt)$/u.test(output.fileName))
        .map((output) => ({ file: join(dir, output.fileName), data: Buffer.from(output.type === 'chunk' ? output.code : output.source) }))
        .filter(({ data }) => data.length >= 1024);
      await Promise.all(
        files.flatMap(({ file, data }) => [
          brotli(data, { params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }).then((out) => writeFile(`${file}.br`, out)),
          gz(data, { level: 9 }).then((out) => writeFile(`${file}.gz`, out)),
        ]),
      );
    },
  };
}

export default defineConfig({
  plugins: [react(), precompress()],
  // No public folder: every asset is imported by the code and fingerprinted.
  publicDir: false,
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    // Strict CSP (script-src 'self'): no inline module-preload polyfill.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    // Few files, each fetched once: over HTTP/1.1 with a phone's latency, twenty small files cost
    // more round trips than their bytes. What the first page needs (sign-in included) is one file;
    // what several signed-in pages share is another; each page keeps only its own code.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'start', tags: ['$initial'], priority: 2 },
            { name: 'shared', minShareCount: 2, test: (id: string) => !/[\\/]features[\\/](plans|plan-import|resolutions|settings)[\\/]/u.test(id), priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
