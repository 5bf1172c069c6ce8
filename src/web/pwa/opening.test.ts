// The app's opening (decision 030): which reads api() marks for the service worker to answer from
// the device first, and when that stops.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api';
import { OPENING_HEADER } from './api-cache-rules';
import { answeredFromDevice, endOpening, isOpening } from './opening';

describe('the opening', () => {
  const sent: { path: string; headers: Record<string, string> }[] = [];
  const fetchStub = vi.fn(async (path: string, init: RequestInit) => {
    sent.push({ path, headers: init.headers as Record<string, string> });
    return new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchStub);
  afterEach(() => {
    sent.length = 0;
  });

  it('marks the reads made while the app opens, but the preloaded session, which must be asked exactly as index.html did', async () => {
    expect(isOpening()).toBe(true);
    await api('/api/units');
    await api('/api/units/u1/members');
    await api('/api/session');
    expect(sent.map((s) => [s.path, s.headers[OPENING_HEADER] ?? null])).toEqual([
      ['/api/units', '1'],
      ['/api/units/u1/members', '1'],
      ['/api/session', null],
    ]);
  });

  it('says the device answers at once only while opening under a worker that controls the page (decision 039)', () => {
    expect(isOpening()).toBe(true);
    // A first visit: no worker controls the page yet, the network answers.
    vi.stubGlobal('navigator', { serviceWorker: { controller: null } });
    expect(answeredFromDevice()).toBe(false);
    vi.stubGlobal('navigator', { serviceWorker: { controller: {} } });
    expect(answeredFromDevice()).toBe(true);
    vi.unstubAllGlobals();
    vi.stubGlobal('fetch', fetchStub);
  });

  it('ends at the first write: the reads after it go to the network first, unmarked', async () => {
    await api('/api/sessions/s1/attendance', { method: 'PUT', body: { version: 1, marks: [] } });
    expect(sent[0]!.headers[OPENING_HEADER]).toBeUndefined();
    expect(isOpening()).toBe(false);
    await api('/api/units');
    expect(sent[1]!.headers[OPENING_HEADER]).toBeUndefined();
    endOpening();
    expect(isOpening()).toBe(false);
  });
});
