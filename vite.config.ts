// Builds the web app (src/web) into dist/web, which the server serves (QT_WEB_DIR). index.html
// stays at the repository root so that `vite` and `vite build` need no extra flags.
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { iconPng } from './src/web/pwa/icons';

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

/**
 * The web app imports Mantine's style sheets one component at a time (src/web/mantine-styles.ts).
 * Mantine's components name their classes `m_<hash>`: the build stops if the scripts use a class
 * that Mantine's full styles.css styles but none of the emitted style sheets does — a component
 * added to the code without its sheet (decision 018).
 */
function mantineStylesComplete(): Plugin {
  const classes = (text: string) => text.match(/\bm_[0-9a-f]{8}\b/gu) ?? [];
  return {
    name: 'qt-mantine-styles-complete',
    apply: 'build',
    generateBundle(_options, bundle) {
      const full = new Set(classes(readFileSync(createRequire(import.meta.url).resolve('@mantine/core/styles.css'), 'utf8')));
      const used = new Set<string>();
      const styled = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk') classes(output.code).forEach((c) => used.add(c));
        else if (output.fileName.endsWith('.css')) classes(String(output.source)).forEach((c) => styled.add(c));
      }
      const missing = [...used].filter((c) => full.has(c) && !styled.has(c));
      if (missing.length) this.error(`Mantine classes used without their style sheet (add it to src/web/mantine-styles.ts): ${missing.join(', ')}`);
    },
  };
}

/**
 * preload.json: the files of the signed-in layout (its script, the scripts it imports but the first
 * page's, their style sheets) and of the unit page, where a cell secretary — most of the accounts —
 * lands. The server names them in a `Link` header of a signed-in person's index.html, so the phone
 * fetches them with the first script, not after running it (decision 030); the service worker's copy
 * of index.html keeps the header, so a reopen does not wait for the unit page's script either (decision 039).
 */
function signedInPreload(): Plugin {
  return {
    name: 'qt-signed-in-preload',
    apply: 'build',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((o) => o.type === 'chunk');
      const layout = chunks.find((c) => /[\\/]routes[\\/]app-layout\.page\.tsx$/u.test(c.facadeModuleId ?? ''));
      if (!layout) this.error('the signed-in layout (routes/app-layout.page.tsx) is not a chunk of its own');
      const files = new Set<string>();
      const visit = (fileName: string) => {
        const chunk = chunks.find((c) => c.fileName === fileName);
        if (!chunk || chunk.isEntry || files.has(fileName)) return;
        files.add(fileName);
        chunk.viteMetadata?.importedCss.forEach((css) => files.add(css));
        chunk.imports.forEach(visit);
      };
      visit(layout.fileName);
      const unitPage = chunks.find((c) => /[\\/]routes[\\/]unit\.page\.tsx$/u.test(c.facadeModuleId ?? ''));
      if (!unitPage) this.error('the unit page (routes/unit.page.tsx) is not a chunk of its own');
      visit(unitPage.fileName);
      this.emitFile({ type: 'asset', fileName: 'preload.json', source: JSON.stringify({ signedIn: [...files].map((f) => `/${f}`) }) });
    },
  };
}

/** The home-screen icons (src/web/pwa/icons.ts), drawn at build time into dist/web/icons/. */
function appIcons(): Plugin {
  return {
    name: 'qt-app-icons',
    apply: 'build',
    generateBundle() {
      for (const [fileName, source] of [
        ['icons/icon-192.png', iconPng(192)],
        ['icons/icon-512.png', iconPng(512)],
        ['icons/icon-maskable-512.png', iconPng(512, true)],
        ['icons/apple-touch-icon.png', iconPng(180)],
      ] as const) {
        this.emitFile({ type: 'asset', fileName, source });
      }
    },
  };
}

/**
 * Installable and offline (decision 023): a Vietnamese manifest and a service worker of our own
 * (src/web/sw.ts, injectManifest) that precaches the app shell and keeps the last answer of the
 * person's API reads. Registered by the app itself (src/web/pwa/register.ts), never inline.
 */
const pwa = VitePWA({
  strategies: 'injectManifest',
  srcDir: 'src/web',
  filename: 'sw.ts',
  injectRegister: false,
  manifest: {
    id: '/',
    name: 'QuánTriệt',
    short_name: 'QuánTriệt',
    description: 'Tuyên truyền, quán triệt và học tập Nghị quyết của Đảng ủy xã, phường',
    lang: 'vi',
    dir: 'ltr',
    // "/" takes each person to their own home (the cell page for a secretary).
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'portrait',
    theme_color: '#b01e23',
    background_color: '#ffffff',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  injectManifest: {
    // The app shell: every script, style sheet and icon, and index.html; not the .br/.gz copies.
    globPatterns: ['**/*.{js,css,html,png,webmanifest}'],
    globIgnores: ['sw.js'],
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
  },
});

export default defineConfig({
  plugins: [react(), precompress(), mantineStylesComplete(), signedInPreload(), appIcons(), pwa],
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
            { name: 'start', tags: ['$initial'], priority: 3 },
            // The charts (recharts and what it brings: d3, redux, immer…, ~430 KB before compression)
            // serve two ward pages: in the shared file they would cost every signed-in first load
            // ~110 KB of brotli to download and 430 KB to parse (decision 030).
            { name: 'charts', test: /[\\/]node_modules[\\/](recharts|@mantine[\\/]charts|d3-[a-z-]+|victory-vendor|internmap|@reduxjs|react-redux|redux|redux-thunk|reselect|immer|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant|react-is)[\\/]/u, priority: 2 },
            { name: 'shared', minShareCount: 2, test: (id: string) => !/[\\/](features[\\/](plans|plan-import|resolutions|settings)|domain[\\/]plan-import)[\\/]/u.test(id), priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
});
