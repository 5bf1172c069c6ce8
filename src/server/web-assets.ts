// How the built web app's files go out (decision 013). The build writes a brotli and a gzip copy of
// every text file (vite.config.ts); @fastify/static picks the one the browser accepts and answers
// with its Content-Encoding and `Vary: Accept-Encoding`. Files under /assets/ carry a content hash
// in their name, so a browser keeps them for a year without asking again; index.html (the page
// that names the current hashes) is checked with the server on every load.
import type { FastifyReply } from 'fastify';
import type { FastifyStaticOptions } from '@fastify/static';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const hashedAsset = /[\\/]assets[\\/][^\\/]+$/u;

export const webAssetOptions = {
  preCompressed: true,
  // Cache-Control is ours (below), not the plugin's one-size max-age.
  cacheControl: false,
  setHeaders(reply: FastifyReply, path: string) {
    reply.header('cache-control', hashedAsset.test(path) ? IMMUTABLE : REVALIDATE);
  },
} satisfies Partial<FastifyStaticOptions>;
