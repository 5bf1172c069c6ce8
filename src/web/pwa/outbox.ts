// Entries made without a connection (decision 024): kept in IndexedDB ("qt-offline", store
// "outbox") until the server acknowledges them, each with its Idempotency-Key, so that a save sent
// twice (the answer lost on the way back) is stored once. Sent in the order they were made, when
// the page opens, when the connection returns (`online`) and right after each save.
//
// What the server answers decides the entry's fate:
// - 2xx: acknowledged, removed;
// - no answer, 5xx, 401 (the session ended: the person signs in again, then it goes): kept;
// - 409 (a newer version on the server, the session closed, the report accepted): kept as a
//   conflict with the server's version, until the person chooses (resend on top of it, or discard);
// - any other 4xx: kept as refused with the server's message, until the person discards it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { useSyncExternalStore } from 'react';
import { currentCsrfToken } from '../api';

export type OutboxKind = 'attendance' | 'report-draft';

export interface OutboxEntry {
  /** The Idempotency-Key, also the entry's key. */
  key: string;
  /** Whose entry it is: only the signed-in person's entries are shown and sent. */
  userId: string;
  kind: OutboxKind;
  /** What it is about (the session's id): a newer save of the same thing replaces an unsent one. */
  target: string;
  /** How the person reads it: "Điểm danh — Chi bộ …". */
  label: string;
  method: 'PUT' | 'PATCH' | 'POST';
  url: string;
  body: { version?: number } & Record<string, unknown>;
  createdAt: string;
  state: 'pending' | 'conflict' | 'refused';
  /** The server's answer to the last attempt, when it refused or met a newer version. */
  problem?: { status: number; id: string; message: string; current?: unknown };
}

interface OfflineDb extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { byUser: string } };
}

export const OFFLINE_DB = 'qt-offline';
let dbPromise: Promise<IDBPDatabase<OfflineDb>> | null = null;
const db = () =>
  (dbPromise ??= openDB<OfflineDb>(OFFLINE_DB, 1, {
    upgrade(database) {
      database.createObjectStore('outbox', { keyPath: 'key' }).createIndex('byUser', 'userId');
    },
  }));

// ---- the signed-in person's entries, for React -------------------------------------------------

let userId: string | null = null;
let entries: OutboxEntry[] = [];
/** The last send met a 401: the session ended, the person must sign in again for the queue to go. */
let signInNeeded = false;
export const outboxNeedsSignIn = () => signInNeeded;
const listeners = new Set<() => void>();

async function reload() {
  entries = userId ? (await (await db()).getAllFromIndex('outbox', 'byUser', userId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt)) : [];
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
  const database = await db();
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
  await (await db()).delete('outbox', key);
  await reload();
}

/**
 * The person chose to send their version again, on top of the server's: with its version, and (a
 * create that met a record made meanwhile) as an edit of that record.
 */
export async function resendOnTop(key: string, onTop: { version?: number; method?: OutboxEntry['method']; url?: string }) {
  const database = await db();
  const entry = await database.get('outbox', key);
  if (!entry) return;
  const body = onTop.version === undefined ? entry.body : { ...entry.body, version: onTop.version };
  await database.put('outbox', { ...entry, method: onTop.method ?? entry.method, url: onTop.url ?? entry.url, body, state: 'pending', problem: undefined });
  await reload();
}

/** Empties the device's queue (sign-out). */
export async function clearOutbox() {
  await (await db()).clear('outbox');
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

export interface FlushResult {
  sent: number;
  /** Stopped early: no connection, the server unavailable, or the session ended. */
  stopped: boolean;
}

let flushing: Promise<FlushResult> | null = null;

/**
 * Sends the pending entries in order; one flush at a time. A flush asked for while one runs waits
 * for it, then runs again: an entry saved meanwhile is tried too.
 */
export async function flush(refreshSession?: () => Promise<unknown>): Promise<FlushResult> {
  while (flushing) await flushing.catch(() => undefined);
  const run = sendAll(refreshSession).finally(() => {
    flushing = null;
  });
  flushing = run;
  return run;
}

async function send(entry: OutboxEntry): Promise<{ status: number; data: unknown }> {
  const response = await fetch(entry.url, {
    method: entry.method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': currentCsrfToken(), 'idempotency-key': entry.key },
    body: JSON.stringify(entry.body),
  });
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  return { status: response.status, data };
}

async function sendAll(refreshSession?: () => Promise<unknown>): Promise<FlushResult> {
  let sent = 0;
  const database = await db();
  let refreshed = false;
  for (const entry of entries.filter((e) => e.state === 'pending')) {
    let answer: { status: number; data: unknown };
    try {
      answer = await send(entry);
      // A page opened offline has no fresh CSRF token: ask for the session once, then again.
      if (answer.status === 403 && errorOf(answer.data).id === 'auth.csrf' && refreshSession && !refreshed) {
        refreshed = true;
        await refreshSession();
        answer = await send(entry);
      }
    } catch {
      await reload();
      return { sent, stopped: true };
    }
    const { status, data } = answer;
    signInNeeded = false;
    if (status >= 200 && status < 300) {
      await database.delete('outbox', entry.key);
      sent++;
      acknowledgers.forEach((l) => l(entry, data));
      continue;
    }
    if (status === 401 || status >= 500 || status === 429) {
      signInNeeded = status === 401;
      await reload();
      return { sent, stopped: true };
    }
    const error = errorOf(data);
    const problem = { status, id: error.id, message: error.message, current: error.current };
    await database.put('outbox', { ...entry, state: status === 409 ? 'conflict' : 'refused', problem });
  }
  await reload();
  return { sent, stopped: false };
}

function errorOf(data: unknown): { id: string; message: string; current?: unknown } {
  const error = (data as { error?: { id?: string; message?: string; details?: { current?: unknown } } } | null)?.error;
  return { id: error?.id ?? 'unknown', message: error?.message ?? 'Máy chủ không nhận bản này.', current: error?.details?.current };
}
