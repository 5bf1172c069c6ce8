// The built web app goes out compressed and cached right: the real build (vite.config.ts writes the
// .br and .gz copies) served by the real app. Hashed assets are immutable for a year, the page that
// names them is revalidated every time, and the encoding follows Accept-Encoding.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApp, type TestApp } from '../../test/support/app';
import { IMMUTABLE } from './web-assets';

const repo = fileURLToPath(new URL('../..', import.meta.url));

describe('the web app is served compressed, with long-lived caching of hashed assets', () => {
  let webDir: string;
  let t: TestApp;
  let script: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'qt-web-assets-'));
    const { build } = await import('vite');
    await build({ root: repo, configFile: join(repo, 'vite.config.ts'), logLevel: 'silent', build: { outDir: webDir, emptyOutDir: true } });
    t = await startTestApp({ QT_WEB_DIR: webDir });
    const html = readFileSync(join(webDir, 'index.html'), 'utf8');
    script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/u.exec(html)![1]!;
  }, 180_000);

  afterAll(async () => {
    await t?.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  test('the build writes a brotli and a gzip copy of every script and style sheet', () => {
    const assets = readdirSync(join(webDir, 'assets'));
    const originals = assets.filter((f) => /\.(js|css)$/u.test(f));
    expect(originals.length).toBeGreaterThan(1);
    for (const file of originals) {
      if (readFileSync(join(webDir, 'assets', file)).length < 1024) continue;
      expect(assets).toContain(`${file}.br`);
      expect(assets).toContain(`${file}.gz`);
    }
  });

  test('brotli when the browser accepts it, gzip when only gzip, the file as it is otherwise', async () => {
    const original = readFileSync(join(webDir, script.slice(1)));

    const br = await get(script, 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/u);
    expect(br.headers.vary).toMatch(/accept-encoding/iu);
    expect(brotliDecompressSync(br.rawPayload).equals(original)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(original.length / 2);

    const gzip = await get(script, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers.vary).toMatch(/accept-encoding/iu);
    expect(gunzipSync(gzip.rawPayload).equals(original)).toBe(true);

    for (const identity of [undefined, 'identity']) {
      const plain = await get(script, identity);
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.rawPayload.equals(original)).toBe(true);
    }
  });

  test('hashed assets are kept a year without revalidation, whatever the encoding', async () => {
    for (const encoding of ['br', 'gzip', undefined]) {
      const res = await get(script, encoding);
      expect(res.headers['cache-control']).toContain('immutable');
      expect(res.headers['cache-control']).toContain('max-age=31536000');
      expect(res.headers['cache-control']).toContain('public');
    }
  });

  test('index.html, at / and as the fallback of every page address, is revalidated on each load', async () => {
    for (const url of ['/', '/index.html', '/dang-nhap', '/don-vi/abc']) {
      for (const encoding of ['br', undefined]) {
        const res = await get(url, encoding);
        expect(res.statusCode, url).toBe(200);
        expect(res.headers['cache-control'], url).toBe('no-cache');
        expect(res.headers['content-type'], url).toMatch(/text\/html/u);
      }
    }
  });
  test("a signed-in person's index.html names the signed-in layout's files for the phone to fetch at once; a visitor's does not (decision 030)", async () => {
    const secretary = await t.signIn('bithu');
    for (const url of ['/', '/don-vi/abc']) {
      const visitor = await get(url, 'br');
      expect(visitor.headers.link, url).toBeUndefined();
      const signedIn = await secretary.inject({ method: 'GET', url, headers: { 'accept-encoding': 'br' } });
      expect(signedIn.statusCode, url).toBe(200);
      expect(signedIn.headers['cache-control'], url).toBe('no-cache');
      const links = String(signedIn.headers.link).split(', ');
      expect(links.some((l) => /^<\/assets\/app-layout\.page-[\w-]+\.js>; rel=modulepreload; crossorigin$/u.test(l)), url).toBe(true);
      for (const link of links) {
        const href = /^<([^>]+)>/u.exec(link)![1]!;
        // Files of this build, kept a year: the preload is never a second download.
        const file = await get(href, 'br');
        expect(file.statusCode, href).toBe(200);
        expect(file.headers['cache-control'], href).toBe(IMMUTABLE);
        if (href.endsWith('.css')) expect(link).toBe(`<${href}>; rel=preload; as=style; crossorigin`);
      }
    }
    // The charts (two ward pages) are not among them (decision 030).
    expect(String((await secretary.inject({ method: 'GET', url: '/' })).headers.link)).not.toMatch(/charts/u);
    // Scripts are not HTML: no Link header on them, signed in or not.
    expect((await secretary.inject({ method: 'GET', url: script })).headers.link).toBeUndefined();
  });

  test('installable (decision 024): the manifest, the service worker and the icons, revalidated, allowed by the CSP', async () => {
    const manifest = await get('/manifest.webmanifest', 'br');
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['content-type']).toMatch(/^application\/manifest\+json/u);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    const body = JSON.parse(manifest.headers['content-encoding'] === 'br' ? brotliDecompressSync(manifest.rawPayload).toString() : manifest.body);
    expect(body).toMatchObject({ name: 'QuánTriệt', short_name: 'QuánTriệt', lang: 'vi', start_url: '/', display: 'standalone', theme_color: '#b01e23' });
    for (const icon of body.icons as { src: string; sizes: string }[]) {
      const png = await get(icon.src);
      expect(png.statusCode).toBe(200);
      expect(png.headers['content-type']).toBe('image/png');
      expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
      expect(png.rawPayload.readUInt32BE(16)).toBe(Number(icon.sizes.split('x')[0]));
    }
    expect(readFileSync(join(webDir, 'index.html'), 'utf8')).toContain('<link rel="manifest" href="/manifest.webmanifest">');

    const sw = await get('/sw.js');
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/javascript/u);
    // A browser checks the worker for a new release on every navigation; the page's hashed files it precaches.
    expect(sw.headers['cache-control']).toBe('no-cache');
    expect(sw.body).toContain('qt-api');
    expect(sw.body).toMatch(/assets\/index-[\w-]+\.js/u);
    // The worker and the manifest come from 'self': script-src (the worker's fallback) and default-src (the manifest's) allow them.
    const csp = String(sw.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).not.toMatch(/worker-src|manifest-src/u);
  });
});
