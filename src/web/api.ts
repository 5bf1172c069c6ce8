// The one way the web app talks to the server: JSON in and out, the session cookie, the CSRF
// header on every write, and errors turned into ApiError carrying the server's Vietnamese message.
import { vi } from './i18n/vi';
import { communeParamFor } from './features/accounts/commune';
import { keepWithoutWorker, noteAnswer } from './pwa/offline-data';
import { endOpening, isOpening } from './pwa/opening';
import { OPENING_HEADER } from './pwa/api-cache-rules';

/** The reads index.html preloads: asked exactly as the preload did (no header), or the browser asks twice. */
const preloaded = new Set(['/api/session']);

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';

/** Set from the answers of sign-in and /api/me; sent back on every non-GET request. */
export function setCsrfToken(token: string) {
  csrfToken = token;
}

/** For the few writes made with fetch directly (a file in the answer). */
export const currentCsrfToken = () => csrfToken;

type Query = Record<string, string | number | boolean | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Query;
  signal?: AbortSignal;
  /** A create the phone may retry: the same key answers with what the first request created. */
  idempotencyKey?: string;
}

/** A province account's chosen commune (the header's picker) on the routes that take `?communeId=`. */
function withCommune(path: string, query?: Query): Query | undefined {
  const communeId = communeParamFor(path);
  if (!communeId || path.includes('communeId=') || query?.communeId) return query;
  return { ...query, communeId };
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  // A GET carries no header of its own but the opening's mark, so that it can take the answer index.html preloaded.
  const headers: Record<string, string> = {};
  if (method !== 'GET') {
    headers.accept = 'application/json';
    headers['x-csrf-token'] = csrfToken;
    // After a write, the device's copies are older than the server: reads go to the network first.
    endOpening();
  } else if (isOpening() && !preloaded.has(path)) {
    // While the app opens, the service worker may answer with the device's copy at once (decision 030).
    headers[OPENING_HEADER] = '1';
  }
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, withCommune(path, options.query)), { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', vi.errors.network);
  }
  // An answer the service worker served from the device says so: the page shows "Cập nhật lúc …".
  if (method === 'GET') noteAnswer(response.headers);
  const text = await response.text();
  if (method === 'GET') keepWithoutWorker(response.url, response.status, response.headers, text);
  return readResponse<T>(response.status, text);
}

function readResponse<T>(status: number, text: string): T {
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (status >= 200 && status < 300) return data as T;
  throw toApiError(status, data);
}

function toApiError(status: number, data: unknown): ApiError {
  const error = (data as { error?: { id?: string; message?: string; details?: unknown } } | null)?.error;
  if (error?.message) return new ApiError(status, error.id ?? 'unknown', error.message, error.details);
  if (status === 413) return new ApiError(status, 'payload-too-large', vi.errors.tooLarge);
  return new ApiError(status, 'unknown', vi.errors.unknown);
}

export interface UploadProgress {
  /** 0-100 while the file is being sent; null once it is sent and the server is working. */
  percent: number | null;
}

/**
 * Sends a file as multipart `file`. XMLHttpRequest rather than fetch, because only it reports the
 * progress of an upload, which matters for large lists on slow connections.
 */
export function uploadFile<T>(
  path: string,
  file: File,
  onProgress?: (p: UploadProgress) => void,
  signal?: AbortSignal,
  fields: Record<string, string> = {},
  idempotencyKey?: string,
): Promise<T> {
  endOpening();
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', withQuery(path, withCommune(path)));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    if (idempotencyKey) xhr.setRequestHeader('idempotency-key', idempotencyKey);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.({ percent: Math.round((event.loaded / event.total) * 100) });
    };
    xhr.upload.onload = () => onProgress?.({ percent: null });
    xhr.onload = () => {
      try {
        resolve(readResponse<T>(xhr.status, xhr.responseText));
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', vi.errors.network));
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** The message to show for any error: the server's own for ApiError, a generic one otherwise. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return vi.errors.unknown;
}
