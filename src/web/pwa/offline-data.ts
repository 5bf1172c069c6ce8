// The page's side of offline reading (decision 024): which answers came from the device and since
// when ("Cập nhật lúc …"), and emptying what the device keeps of the person's data.
import { useSyncExternalStore } from 'react';
import { API_CACHE, OFFLINE_HEADER, STORED_AT_HEADER, cachesApiRead } from './api-cache-rules';

let storedAt: string | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/**
 * Called by api() with every answer: an answer from the device keeps the oldest moment of the
 * answers shown since the network last answered; an answer from the network clears it.
 */
export function noteAnswer(headers: Headers) {
  const offline = headers.get(OFFLINE_HEADER) === '1';
  const at = offline ? headers.get(STORED_AT_HEADER) : null;
  const next = offline ? (storedAt && at && storedAt < at ? storedAt : (at ?? storedAt)) : null;
  if (next !== storedAt) {
    storedAt = next;
    emit();
  }
}

/** The same, outside React. */
export const currentStoredAt = () => storedAt;

/** When the oldest answer on screen that came from the device was fetched; null when all are fresh. */
export function useStoredAt(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => storedAt,
  );
}

/** Removes the person's kept API answers (sign-in and sign-out). The app shell stays. */
export async function clearApiCache() {
  storedAt = null;
  emit();
  if (typeof caches === 'undefined') return;
  await caches.delete(API_CACHE);
}

/**
 * A page no worker controls yet (the first load: the worker installs after it) keeps its reads
 * itself, as the worker would (same cache, same rules, same mark): the next opening of the same page
 * finds them on the device (decision 030). Under a worker, the worker keeps them.
 */
export function keepWithoutWorker(url: string, status: number, headers: Headers, text: string) {
  if (typeof caches === 'undefined' || !('serviceWorker' in navigator) || navigator.serviceWorker.controller) return;
  const address = new URL(url, location.href);
  if (!cachesApiRead(address.pathname, status, headers.get('content-type'))) return;
  const kept = new Headers(headers);
  kept.set(STORED_AT_HEADER, new Date().toISOString());
  void caches
    .open(API_CACHE)
    .then((cache) => cache.put(address.href, new Response(text, { status, headers: kept })))
    .catch(() => undefined);
}
