// The service worker (decision 024), built by vite-plugin-pwa (injectManifest) into dist/web/sw.js.
// - The app shell (scripts, style sheets, icons, index.html) is precached: the app opens without a
//   connection, and every page address opens index.html.
// - The person's API reads (GET /api/… answering JSON) go to the network first; the last answer is
//   kept in the "qt-api" cache and served when the network fails, marked with when it was stored
//   (`x-qt-stored-at`) and that it comes from the device (`x-qt-offline: 1`), so the page can say
//   "Cập nhật lúc …". Sign-in and sign-out empty that cache (src/web/pwa/offline-data.ts).
// - While the page opens (its reads carry `x-qt-opening`), a kept answer is served at once and the
//   network asked behind it (stale-while-revalidate, decision 030): the secretary's home shows
//   without waiting for the network; when the network's answer differs the page is told to read
//   again (it then reads network-first), when the network fails the page is told since when the copy dates.
// - Writes are never touched here: the page queues them itself (src/web/pwa/outbox.ts). Where the
//   browser has Background Sync, the page registers the "qt-outbox" sync when entries are left unsent,
//   and the worker sends them when the connection returns, under the same lock as the page
//   (src/web/pwa/outbox-core.ts, decision 029), then tells the open pages.
// Written against small local types: the project has one TypeScript program, with the DOM library.
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { API_CACHE, OFFLINE_HEADER, OPENING_HEADER, STORED_AT_HEADER, cachesApiRead, type WorkerMessage } from './pwa/api-cache-rules';
import { OUTBOX_SYNC_TAG, syncFromWorker, type OutboxMessage } from './pwa/outbox-core';

interface SwFetchEvent extends Event {
  readonly request: Request;
  readonly clientId: string;
  respondWith(response: Promise<Response> | Response): void;
  waitUntil(promise: Promise<unknown>): void;
}
interface SwExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface SwSyncEvent extends SwExtendableEvent {
  readonly tag: string;
}
declare const self: {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
  location: Location;
  addEventListener(type: 'fetch', listener: (event: SwFetchEvent) => void): void;
  addEventListener(type: 'install' | 'activate', listener: (event: SwExtendableEvent) => void): void;
  addEventListener(type: 'sync', listener: (event: SwSyncEvent) => void): void;
  skipWaiting(): Promise<void>;
  clients: {
    claim(): Promise<void>;
    get(id: string): Promise<{ postMessage(message: WorkerMessage): void } | undefined>;
    matchAll(options?: { type?: 'window'; includeUncontrolled?: boolean }): Promise<{ postMessage(message: unknown): void }[]>;
  };
  navigator: { onLine: boolean };
};

/** The network's answer; a copy kept (with when) if it is a 200 JSON read, `stored` settling once it is. */
function fetchAndKeep(event: SwFetchEvent): { response: Promise<Response>; stored: Promise<void> } {
  const { request } = event;
  let stored: Promise<void> = Promise.resolve();
  const response = fetch(request).then((response) => {
    if (cachesApiRead(new URL(request.url).pathname, response.status, response.headers.get('content-type'))) {
      const copy = response.clone();
      stored = (async () => {
        const headers = new Headers(copy.headers);
        headers.set(STORED_AT_HEADER, new Date().toISOString());
        const cache = await caches.open(API_CACHE);
        await cache.put(request, new Response(await copy.blob(), { status: copy.status, statusText: copy.statusText, headers }));
      })();
      event.waitUntil(stored);
    }
    return response;
  });
  return { response, stored: response.then(() => stored, () => undefined) };
}

/** While the page opens: the kept copy at once (if any, and online), the network's answer kept behind it. */
async function staleWhileRevalidate(event: SwFetchEvent): Promise<Response> {
  const { request } = event;
  const cached = self.navigator.onLine ? await (await caches.open(API_CACHE)).match(request) : undefined;
  if (!cached) return networkFirst(event);
  const body = await cached.text();
  const path = new URL(request.url).pathname;
  const tell = async (message: WorkerMessage) => (await self.clients.get(event.clientId))?.postMessage(message);
  event.waitUntil(
    (async () => {
      const fresh = fetchAndKeep(event);
      try {
        const response = await fresh.response;
        await fresh.stored;
        if (response.status !== cached.status || (await response.text()) !== body) await tell({ type: 'qt-api-changed', path });
      } catch {
        await tell({ type: 'qt-api-offline', path, storedAt: cached.headers.get(STORED_AT_HEADER) ?? new Date(0).toISOString() });
      }
    })(),
  );
  return new Response(body, { status: cached.status, statusText: cached.statusText, headers: cached.headers });
}

/** Network first; the stored copy (marked) when the network fails. */
async function networkFirst(event: SwFetchEvent): Promise<Response> {
  const { request } = event;
  try {
    return await fetchAndKeep(event).response;
  } catch (error) {
    const cached = await (await caches.open(API_CACHE)).match(request);
    if (!cached) throw error;
    const headers = new Headers(cached.headers);
    headers.set(OFFLINE_HEADER, '1');
    return new Response(await cached.blob(), { status: cached.status, statusText: cached.statusText, headers });
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith('/api/')) return;
  if (!cachesApiRead(url.pathname)) return;
  event.respondWith(request.headers.has(OPENING_HEADER) ? staleWhileRevalidate(event) : networkFirst(event));
});

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// Every page address opens the app (the server answers index.html for them too); /api/ never.
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api(\/|$)/u] }));

// A new release takes over at once: its precache has the files the new index.html names.
self.addEventListener('install', () => void self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

// Background Sync (where the browser has it): the entries left unsent go when the connection returns.
self.addEventListener('sync', (event) => {
  if (event.tag !== OUTBOX_SYNC_TAG) return;
  const notify = async (message: OutboxMessage) => {
    for (const client of await self.clients.matchAll({ type: 'window', includeUncontrolled: true })) client.postMessage(message);
  };
  event.waitUntil(syncFromWorker(notify));
});
