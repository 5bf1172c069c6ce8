// Which API reads the service worker keeps for offline reading (decision 024), shared by the worker
// (src/web/sw.ts) and the page (src/web/pwa/offline-data.ts).

/** The Cache Storage name of the person's API answers. */
export const API_CACHE = 'qt-api';
/** Set by the worker on every stored answer: when it was stored (ISO). */
export const STORED_AT_HEADER = 'x-qt-stored-at';
/** Set by the worker on an answer served from the device because the network failed. */
export const OFFLINE_HEADER = 'x-qt-offline';
/**
 * Sent by the page on its reads while it opens (src/web/pwa/opening.ts): the worker answers them with
 * the kept copy at once and asks the network behind it (decision 030).
 */
export const OPENING_HEADER = 'x-qt-opening';
/** The worker's messages to the page about a kept copy it answered with while the page opened. */
export type WorkerMessage =
  /** The network's answer differs from the copy shown (or is an error): read again. */
  | { type: 'qt-api-changed'; path: string }
  /** The network did not answer: the copy shown is from `storedAt`. */
  | { type: 'qt-api-offline'; path: string; storedAt: string };
/** A stored answer larger than this is not kept (the cache stays small on a 2 GB phone). */
export const MAX_STORED_BYTES = 2 * 1024 * 1024;

// Never kept: sign-in and sign-out, the rotating check-in codes, files (documents, exports).
const never = [/^\/api\/auth\//u, /^\/api\/check-in\//u, /^\/api\/calendar\//u, /^\/api\/health$/u, /^\/api\/docs\//u, /\/(document|minutes|export)(\.|\/|$)/u, /\.(ics|xlsx|docx|pdf|csv)$/u];

/** Whether a GET of `path` goes through the worker's cache, and (given its answer) is stored. */
export function cachesApiRead(path: string, status?: number, contentType?: string | null): boolean {
  if (never.some((pattern) => pattern.test(path))) return false;
  if (status === undefined) return true;
  return status === 200 && (contentType ?? '').startsWith('application/json');
}
