// Entries made without a connection, on the page (decisions 024, 029): the signed-in person's queue
// for React, saving to it, the person's choices on a conflict, and sending. The queue itself, the
// sending and what each answer means are in outbox-core.ts, shared with the service worker.
//
// Sent in the order they were made, when the page opens, when the connection returns (`online`),
// right after each save, and, where the browser has Background Sync, by the service worker when the
// connection returns with the page closed (the page registers the sync when entries are left).
import { useSyncExternalStore } from 'react';
import { ApiError, currentCsrfToken } from '../api';
import {
  OUTBOX_MESSAGE,
  OUTBOX_SYNC_TAG,
  idbStore,
  outboxDb,
  rebased,
  sendPending,
  withOutboxLock,
  type FlushResult,
  type OutboxEntry,
  type OutboxMessage,
} from './outbox-core';

export { OFFLINE_DB, asEditOf, type FlushResult, type OutboxEntry, type OutboxKind } from './outbox-core';

// ---- the signed-in person's entries, for React -------------------------------------------------

let userId: string | null = null;
let entries: OutboxEntry[] = [];
/** The last send met a 401: the session ended, the person must sign in again for the queue to go. */
let signInNeeded = false;
export const outboxNeedsSignIn = () => signInNeeded;
const listeners = new Set<() => void>();

async function reload() {
  entries = userId ? await idbStore.all(userId) : [];
  listeners.forEach((l) => l());
}

/** The signed-in person (null when signed out): their entries are the ones shown and sent. */
export async function setOutboxUser(id: string | null) {
  signInNeeded = false;
  if (id === userId) return;
  userId = id;
  await reload();
}

export function useOutbox(): OutboxEntry[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => entries,
  );
}

export const outboxEntries = () => entries;

// ---- writing ----------------------------------------------------------------------------------

export const newIdempotencyKey = () => `qt-${crypto.randomUUID()}`;

/** Keeps a save on the device; an unsent save of the same thing (kind and target) is replaced. */
export async function enqueue(entry: Omit<OutboxEntry, 'key' | 'userId' | 'createdAt' | 'state'>): Promise<OutboxEntry> {
  if (!userId) throw new Error('enqueue() without a signed-in person');
  const full: OutboxEntry = { ...entry, key: newIdempotencyKey(), userId, createdAt: new Date().toISOString(), state: 'pending' };
  const database = await outboxDb();
  const tx = database.transaction('outbox', 'readwrite');
  for (const old of await tx.store.index('byUser').getAll(userId)) {
    if (old.kind === entry.kind && old.target === entry.target) await tx.store.delete(old.key);
  }
  await tx.store.put(full);
  await tx.done;
  await reload();
  return full;
}

/** The person chose to discard their version. */
export async function discard(key: string) {
  await idbStore.remove(key);
  await reload();
}

/**
 * The person chose to send their version again, on top of the server's: with its version, and (a
 * create that met a record made meanwhile) as an edit of that record.
 */
export async function resendOnTop(key: string, onTop: { version?: number; asEdit?: { method: OutboxEntry['method']; url: string } | null }) {
  const entry = await idbStore.get(key);
  if (!entry) return;
  await idbStore.put(rebased(entry, onTop.version, onTop.asEdit ?? null));
  await reload();
}

/** Empties the device's queue (sign-out). */
export async function clearOutbox() {
  await (await outboxDb()).clear('outbox');
  await reload();
}

// ---- sending ----------------------------------------------------------------------------------

export type Acknowledge = (entry: OutboxEntry, answer: unknown) => void;
const acknowledgers = new Set<Acknowledge>();
/** Called with each acknowledged entry and the server's answer (to refresh what the page shows). */
export function onAcknowledged(listener: Acknowledge) {
  acknowledgers.add(listener);
  return () => acknowledgers.delete(listener);
}
const acknowledged: Acknowledge = (entry, answer) => acknowledgers.forEach((l) => l(entry, answer));

/**
 * Sends the pending entries in order, one sender at a time (this page, another tab or the service
 * worker): a flush asked for while another runs waits for it, then reads the queue again.
 */
export async function flush(refreshSession?: () => Promise<unknown>): Promise<FlushResult> {
  const person = userId;
  if (!person) return { sent: 0, stopped: false, signInNeeded: false, acknowledged: [] };
  const result = await withOutboxLock(() => sendPending({ store: idbStore, userId: person, csrfToken: currentCsrfToken, refreshSession, onAcknowledged: acknowledged }));
  signInNeeded = result.signInNeeded;
  await reload();
  // Left for lack of a connection: the worker sends them when it returns, even with the page closed.
  if (result.stopped && !result.signInNeeded) void requestBackgroundSync();
  return result;
}

async function requestBackgroundSync() {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  try {
    const registration = (await navigator.serviceWorker.getRegistration()) as (ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }) | undefined;
    await registration?.sync?.register(OUTBOX_SYNC_TAG);
  } catch {
    // No Background Sync here: the entries go on the next open or `online`.
  }
}

// The worker sent entries: the page reads the queue again and shows the server's answers.
if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) {
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    const message = event.data as OutboxMessage | null;
    if (message?.type !== OUTBOX_MESSAGE) return;
    message.acknowledged.filter(({ entry }) => entry.userId === userId).forEach(({ entry, answer }) => acknowledged(entry, answer));
    void reload();
  });
}

// ---- one save from a page ---------------------------------------------------------------------

export type SaveOutcome = { outcome: 'sent'; answer: unknown } | { outcome: 'queued' } | { outcome: 'conflict' };

/**
 * A page's save, with or without a connection: kept on the device, then sent with whatever else is
 * waiting. "sent" with the server's answer, "queued" (kept: no connection, or the session ended),
 * "conflict" (shown above the page with both versions). Refused while online (bad input): thrown as
 * the server's ApiError and not kept, so the form says it under its button as before.
 */
export async function saveOffline(entry: Parameters<typeof enqueue>[0], refreshSession?: () => Promise<unknown>): Promise<SaveOutcome> {
  const queued = await enqueue(entry);
  let answer: unknown = null;
  const stop = onAcknowledged((e, a) => {
    if (e.key === queued.key) answer = a;
  });
  try {
    await flush(refreshSession);
  } finally {
    stop();
  }
  const left = entries.find((e) => e.key === queued.key);
  if (!left) return { outcome: 'sent', answer };
  if (left.state === 'pending') return { outcome: 'queued' };
  if (left.state === 'conflict') return { outcome: 'conflict' };
  await discard(left.key);
  throw new ApiError(left.problem!.status, left.problem!.id, left.problem!.message, left.problem);
}

/** Said under a form's button after a save through the device's queue. */
export const QUEUED_TEXT = 'Đã lưu trên máy. Chưa gửi được: sẽ tự gửi khi có mạng.';
export const CONFLICT_TEXT = 'Chưa gửi được: trên máy chủ đã có bản khác. Hãy xem mục “Chưa gửi” ở đầu trang.';
