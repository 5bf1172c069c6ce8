// The device's queue without a browser: an in-memory store and a fake server. What each answer does
// to an entry, one sender at a time (the page and the service worker), the person's own entries on
// one record following each other, and a 401 keeping the entry for after the next sign-in.
import { describe, expect, it } from 'vitest';
import { asEditOf, fateOf, rebased, sendPending, withOutboxLock, type OutboxEntry, type OutboxStore, type SendContext } from './outbox-core';
import { adviceFor } from './outbox-problems';

function memoryStore(initial: OutboxEntry[]): OutboxStore & { rows: Map<string, OutboxEntry> } {
  const rows = new Map(initial.map((e) => [e.key, e]));
  return {
    rows,
    all: async (userId) => [...rows.values()].filter((e) => e.userId === userId).sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    get: async (key) => rows.get(key),
    put: async (entry) => void rows.set(entry.key, entry),
    remove: async (key) => void rows.delete(key),
  };
}

let n = 0;
const entry = (over: Partial<OutboxEntry> = {}): OutboxEntry => ({
  key: `qt-${++n}`,
  userId: 'u1',
  kind: 'attendance',
  target: 's1',
  record: 'session:s1',
  label: 'Điểm danh',
  method: 'PUT',
  url: '/api/sessions/s1/attendance',
  body: { version: 3 },
  createdAt: `2026-05-20T10:00:0${n % 10}.000Z`,
  state: 'pending',
  ...over,
});

/** A fake server: answers by address, remembers what was sent (with the Idempotency-Key). */
function server(answer: (url: string, body: Record<string, unknown>, key: string) => { status: number; data?: unknown } | 'offline') {
  const sent: { url: string; key: string; body: Record<string, unknown>; csrf: string }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const body = JSON.parse(String(init.body)) as Record<string, unknown>;
    const reply = answer(url, body, headers['idempotency-key']!);
    if (reply === 'offline') throw new TypeError('Failed to fetch');
    sent.push({ url, key: headers['idempotency-key']!, body, csrf: headers['x-csrf-token']! });
    return new Response(reply.data === undefined ? '' : JSON.stringify(reply.data), { status: reply.status });
  }) as unknown as typeof fetch;
  return { sent, fetchImpl };
}

const context = (store: OutboxStore, fetchImpl: typeof fetch, over: Partial<SendContext> = {}): SendContext => ({ store, userId: 'u1', csrfToken: () => 'token', fetch: fetchImpl, ...over });

describe('what the server answers decides the entry’s fate', () => {
  it('reads each status as the decision says', () => {
    expect(fateOf(200, {})).toBe('acknowledged');
    expect(fateOf(201, {})).toBe('acknowledged');
    expect(fateOf(401, {})).toBe('sign-in');
    expect(fateOf(503, null)).toBe('unavailable');
    expect(fateOf(429, null)).toBe('unavailable');
    expect(fateOf(403, { error: { id: 'auth.csrf' } })).toBe('csrf');
    expect(fateOf(403, { error: { id: 'auth.forbidden' } })).toBe('refused');
    expect(fateOf(409, { error: { id: 'session.version-conflict' } })).toBe('conflict');
    expect(fateOf(400, { error: { id: 'session.reason-required' } })).toBe('refused');
  });

  it('2xx removes the entry; 409 keeps it with the server’s version; another 4xx keeps it refused with the message', async () => {
    const ok = entry();
    const stale = entry({ kind: 'report-draft', target: 's2', record: 'report:s2', url: '/api/reports/r1', method: 'PATCH' });
    const bad = entry({ kind: 'propaganda', target: 'p1', record: undefined, url: '/api/plans/x/propaganda', method: 'POST', body: { id: 'p1', title: '' } });
    const store = memoryStore([ok, stale, bad]);
    const { fetchImpl } = server((url) =>
      url.includes('attendance')
        ? { status: 200, data: { version: 4 } }
        : url.includes('reports')
          ? { status: 409, data: { error: { id: 'report.version-conflict', message: 'Đã được người khác sửa', details: { current: { id: 'r1', version: 7 } } } } }
          : { status: 400, data: { error: { id: 'propaganda.title-required', message: 'Hãy ghi nội dung.' } } },
    );
    const result = await sendPending(context(store, fetchImpl));
    expect(result).toMatchObject({ sent: 1, stopped: false, signInNeeded: false });
    expect(store.rows.has(ok.key)).toBe(false);
    expect(store.rows.get(stale.key)).toMatchObject({ state: 'conflict', problem: { status: 409, id: 'report.version-conflict', current: { version: 7 } } });
    expect(store.rows.get(bad.key)).toMatchObject({ state: 'refused', problem: { status: 400, message: 'Hãy ghi nội dung.' } });
  });

  it('no connection and 5xx stop and keep everything pending', async () => {
    const store = memoryStore([entry(), entry({ target: 's9', record: 'session:s9' })]);
    expect(await sendPending(context(store, server(() => 'offline').fetchImpl))).toMatchObject({ sent: 0, stopped: true, signInNeeded: false });
    expect(await sendPending(context(store, server(() => ({ status: 503 })).fetchImpl))).toMatchObject({ sent: 0, stopped: true });
    expect([...store.rows.values()].every((e) => e.state === 'pending')).toBe(true);
  });

  it('a 401 (an entry older than the session) keeps it and asks for a sign-in; signed in again, it goes', async () => {
    const old = entry({ kind: 'reflection', target: 'plan1', record: undefined, method: 'POST', url: '/api/plans/plan1/reflections', body: { id: 'r1', reflection: 'Bài', commitment: 'Cam kết' } });
    const store = memoryStore([old]);
    let signedIn = false;
    const { sent, fetchImpl } = server(() => (signedIn ? { status: 201, data: { id: 'r1', version: 1 } } : { status: 401, data: { error: { id: 'auth.required' } } }));
    expect(await sendPending(context(store, fetchImpl))).toMatchObject({ sent: 0, stopped: true, signInNeeded: true });
    expect(store.rows.get(old.key)).toMatchObject({ state: 'pending' });
    signedIn = true;
    expect(await sendPending(context(store, fetchImpl))).toMatchObject({ sent: 1, stopped: false, signInNeeded: false });
    expect(store.rows.size).toBe(0);
    // The same request both times: the same Idempotency-Key and the same id.
    expect(new Set(sent.map((s) => s.key))).toEqual(new Set([old.key]));
  });

  it('a page opened offline asks the session once for a fresh CSRF token, then sends again', async () => {
    const store = memoryStore([entry()]);
    let token = 'stale';
    const { sent, fetchImpl } = server((_url, _body) => (sent.length === 0 ? { status: 403, data: { error: { id: 'auth.csrf' } } } : { status: 200, data: { version: 4 } }));
    const result = await sendPending(context(store, fetchImpl, { csrfToken: () => token, refreshSession: async () => void (token = 'fresh') }));
    expect(result.sent).toBe(1);
    expect(sent.map((s) => s.csrf)).toEqual(['stale', 'fresh']);
  });
});

describe('one sender at a time: the page and the service worker never send an entry twice', () => {
  it('two flushes asked at once (the page’s `online` and the worker’s sync) send each entry once', async () => {
    const entries = [entry(), entry({ kind: 'reflection', target: 'plan1', record: undefined, method: 'POST', url: '/api/plans/plan1/reflections', body: { id: 'r1' } })];
    const store = memoryStore(entries);
    const { sent, fetchImpl } = server((url) => ({ status: url.includes('reflections') ? 201 : 200, data: { version: 4 } }));
    const page = withOutboxLock(() => sendPending(context(store, fetchImpl)));
    const worker = withOutboxLock(() => sendPending(context(store, fetchImpl)));
    const [a, b] = await Promise.all([page, worker]);
    expect(a.sent + b.sent).toBe(2);
    expect(sent.map((s) => s.key).sort()).toEqual(entries.map((e) => e.key).sort());
  });

  it('an entry the other side sent (or the person discarded) while this one waited is not sent', async () => {
    const first = entry();
    const store = memoryStore([first]);
    const { sent, fetchImpl } = server(() => ({ status: 200, data: { version: 4 } }));
    // The listing is read, then the other side removes the entry before it goes.
    const racing: OutboxStore = { ...store, all: async (u) => { const listed = await store.all(u); await store.remove(first.key); return listed; } };
    expect((await sendPending(context(racing, fetchImpl))).sent).toBe(0);
    expect(sent).toEqual([]);
  });
});

describe('the person’s own entries on one record follow each other', () => {
  it('attendance then the minutes, both made on version 3: the minutes go on version 4, not as a conflict', async () => {
    const attendance = entry({ body: { version: 3, marks: [] } });
    const minutes = entry({ kind: 'session-record', url: '/api/sessions/s1', method: 'PATCH', body: { version: 3, notes: 'Nội dung' } });
    const store = memoryStore([attendance, minutes]);
    let version = 3;
    const { sent, fetchImpl } = server((_url, body) => (body.version === version ? { status: 200, data: { version: ++version } } : { status: 409, data: { error: { id: 'session.version-conflict' } } }));
    expect(await sendPending(context(store, fetchImpl))).toMatchObject({ sent: 2, stopped: false });
    expect(sent.map((s) => s.body.version)).toEqual([3, 4]);
  });

  it('someone else wrote meanwhile (the answer is two versions on): the next entry is left to meet the conflict', async () => {
    const attendance = entry({ body: { version: 3 } });
    const minutes = entry({ kind: 'session-record', url: '/api/sessions/s1', method: 'PATCH', body: { version: 3 } });
    const store = memoryStore([attendance, minutes]);
    const { fetchImpl } = server((url) => (url.endsWith('attendance') ? { status: 200, data: { version: 6 } } : { status: 409, data: { error: { id: 'session.version-conflict', details: { current: { version: 6 } } } } }));
    await sendPending(context(store, fetchImpl));
    expect(store.rows.get(minutes.key)).toMatchObject({ state: 'conflict', body: { version: 3 } });
  });
});

describe('the person’s choice on a conflict', () => {
  it('a reflection created twice is sent again as an edit of the one on the server, on its version', () => {
    const create = entry({ kind: 'reflection', method: 'POST', url: '/api/plans/p/reflections', body: { id: 'new', reflection: 'Bài mới', commitment: 'Cam kết' }, state: 'conflict' });
    const edit = rebased(create, 2, asEditOf(create, { id: 'r-old', version: 2 }));
    expect(edit).toMatchObject({ method: 'PATCH', url: '/api/reflections/r-old', body: { version: 2, reflection: 'Bài mới', commitment: 'Cam kết' }, state: 'pending' });
    expect(edit.body).not.toHaveProperty('id');
    expect(asEditOf({ kind: 'propaganda', method: 'POST' }, { id: 'x' })).toBeNull();
  });

  it('an accepted report or a reviewed reflection is not offered again, and says what to do', () => {
    const accepted = adviceFor({ state: 'conflict', problem: { status: 409, id: 'report.not-editable', message: '' } });
    expect(accepted.canResend).toBe(false);
    expect(accepted.text).toContain('đề nghị Đảng ủy trả lại báo cáo');
    expect(adviceFor({ state: 'conflict', problem: { status: 409, id: 'reflections.reviewed', message: '' } }).canResend).toBe(false);
    expect(adviceFor({ state: 'conflict', problem: { status: 409, id: 'session.version-conflict', message: '' } }).canResend).toBe(true);
    expect(adviceFor({ state: 'conflict', problem: { status: 409, id: 'reflections.already-written', message: '' } })).toMatchObject({ canResend: true });
    expect(adviceFor({ state: 'refused', problem: { status: 400, id: 'session.reason-required', message: '' } }).canResend).toBe(false);
  });
});
