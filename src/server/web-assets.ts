// How the built web app's files go out (decision 013). The build writes a brotli and a gzip copy of
// every text file (vite.config.ts); @fastify/static picks the one the browser accepts and answers
// with its Content-Encoding and `Vary: Accept-Encoding`. Files under /assets/ carry a content hash
// in their name, so a browser keeps them for a year without asking again; index.html (the page
// that names the current hashes) is checked with the server on every load.
// A signed-in person's index.html also names, in a `Link` header, the files of the signed-in layout
// (the build lists them in preload.json): the phone downloads them beside the first script instead
// of discovering them after it has run (decision 030). A visitor's sign-in page does not.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import type { FastifyStaticOptions } from '@fastify/static';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const hashedAsset = /[\\/]assets[\\/][^\\/]+$/u;
const page = /[\\/]index\.html(\.br|\.gz)?$/u;

/** The `Link` header naming the signed-in layout's files, from the build's preload.json (none without it). */
export function signedInPreloadLink(webDir: string): string | null {
  const file = join(webDir, 'preload.json');
  if (!existsSync(file)) return null;
  const { signedIn } = JSON.parse(readFileSync(file, 'utf8')) as { signedIn: string[] };
  const links = signedIn
    .filter((href) => /^\/assets\/[\w.-]+\.(js|css)$/u.test(href))
    .map((href) => (href.endsWith('.css') ? `<${href}>; rel=preload; as=style; crossorigin` : `<${href}>; rel=modulepreload; crossorigin`));
  return links.length ? links.join(', ') : null;
}

export function webAssetOptions(webDir: string) {
  const signedInLink = signedInPreloadLink(webDir);
  return {
    preCompressed: true,
    // Cache-Control is ours (below), not the plugin's one-size max-age.
    cacheControl: false,
    setHeaders(reply: FastifyReply, path: string) {
      reply.header('cache-control', hashedAsset.test(path) ? IMMUTABLE : REVALIDATE);
      if (signedInLink && page.test(path) && reply.request.actor) reply.header('link', signedInLink);
    },
  } satisfies Partial<FastifyStaticOptions>;
}
