// The device's queue of entries made without a connection (decision 024, 029), the part shared by
// the page (src/web/pwa/outbox.ts) and the service worker (Background Sync, src/web/sw.ts): no React,
// no page state. The queue lives in IndexedDB ("qt-offline", store "outbox"), keyed by each entry's
// Idempotency-Key.
//
// One sender at a time across the page and the worker: every send runs under the Web Lock
// "qt-outbox" (an in-module queue where Web Locks are missing), and each entry is read again from the
// database just before it goes, so an entry the other side acknowledged meanwhile is not sent again.
// Should both still send it, its Idempotency-Key (or the id it names) makes the second harmless.
//
// What the server answers decides the entry's fate (`fateOf`):
// - 2xx: acknowledged, removed; later entries made on the same version of the same record are moved
//   onto the version this answer made (the person's own entries never conflict with each other);
// - no answer, 5xx, 429: kept, sending stops (tried again on the next open, `online`, or sync);
// - 401 (the session ended): kept, sending stops, the person is asked to sign in again;
// - 403 auth.csrf (a page opened offline has no fresh token): the session is asked once, then again;
// - 409 (a newer version on the server, the session closed, the report accepted): kept as a
//   conflict with the server's version, until the person chooses;
// - any other 4xx: kept as refused with the server's message, until the person discards it.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export type OutboxKind = 'attendance' | 'report-draft' | 'session-record' | 'session-held' | 'reflection' | 'propaganda';

export interface OutboxEntry {
  /** The Idempotency-Key, also the entry's key. */
  key: string;
  /** Whose entry it is: only the signed-in person's entries are shown and sent. */
  userId: string;
  kind: OutboxKind;
  /** What it is about (the session's, the plan's or the entry's id): a newer save of the same thing replaces an unsent one. */
  target: string;
  /**
   * The versioned record `body.version` refers to ("session:<id>", "report:<session id>" …): an
   * acknowledged entry moves the pending ones made on the same version of the same record onto the
   * version it made.
   */
  record?: string;
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

export const OFFLINE_DB = 'qt-offline';
/** The Background Sync tag the page registers when entries are left unsent. */
export const OUTBOX_SYNC_TAG = 'qt-outbox';
/** The message the worker posts to the pages after it sent entries. */
export const OUTBOX_MESSAGE = 'qt-outbox';

export interface OutboxMessage {
  type: typeof OUTBOX_MESSAGE;
  acknowledged: { entry: OutboxEntry; answer: unknown }[];
}

// ---- the store ---------------------------------------------------------------------------------

export interface OutboxStore {
  /** The person's entries, oldest first. */
  all(userId: string): Promise<OutboxEntry[]>;
  get(key: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  remove(key: string): Promise<void>;
}

interface OfflineDb extends DBSchema {
  outbox: { key: string; value: OutboxEntry; indexes: { byUser: string } };
}

let dbPromise: Promise<IDBPDatabase<OfflineDb>> | null = null;
export const outboxDb = () =>
  (dbPromise ??= openDB<OfflineDb>(OFFLINE_DB, 1, {
    upgrade(database) {
      database.createObjectStore('outbox', { keyPath: 'key' }).createIndex('byUser', 'userId');
    },
  }));

export const idbStore: OutboxStore = {
  all: async (userId) => (await (await outboxDb()).getAllFromIndex('outbox', 'byUser', userId)).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
  get: async (key) => (await outboxDb()).get('outbox', key),
  put: async (entry) => void (await (await outboxDb()).put('outbox', entry)),
  remove: async (key) => (await outboxDb()).delete('outbox', key),
};

// ---- one sender at a time ----------------------------------------------------------------------

let localChain: Promise<unknown> = Promise.resolve();

/** Runs `work` holding the queue's lock: shared by the page and the worker where Web Locks exist. */
export function withOutboxLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: { request<R>(name: string, callback: () => Promise<R>): Promise<R> } } | undefined)?.locks;
  if (locks) return locks.request(OUTBOX_SYNC_TAG, work);
  const run = localChain.catch(() => undefined).then(work);
  localChain = run;
  return run;
}

// ---- what an answer means ----------------------------------------------------------------------

export type Fate = 'acknowledged' | 'unavailable' | 'sign-in' | 'csrf' | 'conflict' | 'refused';

export function fateOf(status: number, data: unknown): Fate {
  if (status >= 200 && status < 300) return 'acknowledged';
  if (status === 401) return 'sign-in';
  if (status >= 500 || status === 429) return 'unavailable';
  if (status === 403 && errorOf(data).id === 'auth.csrf') return 'csrf';
  if (status === 409) return 'conflict';
  return 'refused';
}

export function errorOf(data: unknown): { id: string; message: string; current?: unknown } {
  const error = (data as { error?: { id?: string; message?: string; details?: { current?: unknown } } } | null)?.error;
  return { id: error?.id ?? 'unknown', message: error?.message ?? 'Máy chủ không nhận bản này.', current: error?.details?.current };
}

/**
 * A create that met the record made meanwhile (on another device, or by an earlier save whose
 * answer was lost) is sent again as an edit of that record: its address and method, or null.
 */
export function asEditOf(entry: Pick<OutboxEntry, 'kind' | 'method'>, record: unknown): { method: 'PATCH'; url: string } | null {
  const id = (record as { id?: unknown } | null)?.id;
  if (entry.method !== 'POST' || typeof id !== 'string') return null;
  if (entry.kind === 'report-draft') return { method: 'PATCH', url: `/api/reports/${id}` };
  if (entry.kind === 'reflection') return { method: 'PATCH', url: `/api/reflections/${id}` };
  return null;
}

/** The entry moved onto the record's newer version (and, for a create, made an edit of it). */
export function rebased(entry: OutboxEntry, version: number | undefined, asEdit: { method: OutboxEntry['method']; url: string } | null = null): OutboxEntry {
  let body = entry.body;
  if (asEdit && entry.kind === 'reflection') body = { reflection: body.reflection, commitment: body.commitment };
  if (version !== undefined) body = { ...body, version };
  return { ...entry, method: asEdit?.method ?? entry.method, url: asEdit?.url ?? entry.url, body, state: 'pending', problem: undefined };
}

// ---- sending -----------------------------------------------------------------------------------

export interface SendContext {
  store: OutboxStore;
  userId: string;
  csrfToken: () => string;
  /** Asks the server for the session again (a fresh CSRF token). */
  refreshSession?: () => Promise<unknown>;
  onAcknowledged?: (entry: OutboxEntry, answer: unknown) => void;
  fetch?: typeof fetch;
}

export interface FlushResult {
  sent: number;
  /** Stopped early: no connection, the server unavailable, or the session ended. */
  stopped: boolean;
  /** The session ended (401): the person must sign in again for the queue to go. */
  signInNeeded: boolean;
  acknowledged: { entry: OutboxEntry; answer: unknown }[];
}

async function sendOne(context: SendContext, entry: OutboxEntry): Promise<{ status: number; data: unknown }> {
  const response = await (context.fetch ?? fetch)(entry.url, {
    method: entry.method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': context.csrfToken(), 'idempotency-key': entry.key },
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

/** Sends the person's pending entries in order. Call it holding the lock (`withOutboxLock`). */
export async function sendPending(context: SendContext): Promise<FlushResult> {
  const { store } = context;
  const result: FlushResult = { sent: 0, stopped: false, signInNeeded: false, acknowledged: [] };
  let refreshed = false;
  for (const listed of await store.all(context.userId)) {
    // Read again: the other side (page or worker) may have sent it, or the person discarded it.
    const entry = await store.get(listed.key);
    if (!entry || entry.state !== 'pending') continue;
    let answer: { status: number; data: unknown };
    try {
      answer = await sendOne(context, entry);
      if (fateOf(answer.status, answer.data) === 'csrf' && context.refreshSession && !refreshed) {
        refreshed = true;
        await context.refreshSession();
        answer = await sendOne(context, entry);
      }
    } catch {
      return { ...result, stopped: true };
    }
    const fate = fateOf(answer.status, answer.data);
    if (fate === 'acknowledged') {
      await store.remove(entry.key);
      await moveFollowers(store, entry, answer.data);
      result.sent++;
      result.acknowledged.push({ entry, answer: answer.data });
      context.onAcknowledged?.(entry, answer.data);
      continue;
    }
    if (fate === 'sign-in' || fate === 'unavailable') return { ...result, stopped: true, signInNeeded: fate === 'sign-in' };
    const error = errorOf(answer.data);
    await store.put({ ...entry, state: fate === 'conflict' ? 'conflict' : 'refused', problem: { status: answer.status, id: error.id, message: error.message, current: error.current } });
  }
  return result;
}

/**
 * The person's own entries made on one version of a record (attendance, then the minutes, then
 * "held", all on the session as it was read) follow each other: once one is acknowledged and the
 * server's version is exactly the next one (nobody else wrote meanwhile), the others are moved onto
 * it. Anything else is left as it is, and a newer version on the server shows as a conflict.
 */
async function moveFollowers(store: OutboxStore, done: OutboxEntry, answer: unknown) {
  const made = (answer as { version?: unknown } | null)?.version;
  const sentOn = done.body.version;
  if (!done.record || typeof made !== 'number' || typeof sentOn !== 'number' || made !== sentOn + 1) return;
  for (const other of await store.all(done.userId)) {
    if (other.state === 'pending' && other.record === done.record && other.body.version === sentOn) await store.put(rebased(other, made));
  }
}

// ---- from the service worker (Background Sync) -------------------------------------------------

type SessionAnswer = { me: { user: { id: string }; csrfToken: string } | null };

/**
 * The worker's `sync`: who is signed in (and their CSRF token) from /api/session, then the same
 * sending as the page's, under the same lock. Throws when entries are left for lack of a connection,
 * so that the browser tries again later; a session that ended leaves them to the page (sign in).
 */
export async function syncFromWorker(notify: (message: OutboxMessage) => Promise<void>, fetchImpl: typeof fetch = fetch): Promise<void> {
  const session = async () => ((await (await fetchImpl('/api/session', { credentials: 'same-origin', headers: { accept: 'application/json' } })).json()) as SessionAnswer).me;
  let me = await session();
  if (!me) return;
  const userId = me.user.id;
  const result = await withOutboxLock(() =>
    sendPending({
      store: idbStore,
      userId,
      csrfToken: () => me?.csrfToken ?? '',
      refreshSession: async () => {
        me = await session();
      },
      fetch: fetchImpl,
    }),
  );
  if (result.acknowledged.length > 0 || result.stopped) await notify({ type: OUTBOX_MESSAGE, acknowledged: result.acknowledged });
  if (result.stopped && !result.signInNeeded) throw new Error('Chưa gửi hết: thử lại khi có mạng.');
}
