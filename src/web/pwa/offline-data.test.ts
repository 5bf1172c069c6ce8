// What the service worker keeps for offline reading, and what the page says about it (decision 024).
import { describe, expect, it } from 'vitest';
import { cachesApiRead, OFFLINE_HEADER, STORED_AT_HEADER } from './api-cache-rules';
import { clearApiCache, currentStoredAt, noteAnswer } from './offline-data';

describe('which API reads the worker keeps', () => {
  it('keeps the person’s JSON reads: the session, the cell, its members, plans, sessions, tasks', () => {
    for (const path of ['/api/session', '/api/units/1', '/api/units/1/members', '/api/plans', '/api/sessions/1', '/api/sessions/1/report', '/api/my-tasks']) {
      expect(cachesApiRead(path), path).toBe(true);
      expect(cachesApiRead(path, 200, 'application/json; charset=utf-8'), path).toBe(true);
    }
  });
  it('never keeps sign-in, rotating check-in codes, the calendar feed or files; nor errors or non-JSON answers', () => {
    for (const path of ['/api/auth/login', '/api/check-in/session/1/code', '/api/calendar/t/x.ics', '/api/sessions/1/minutes', '/api/reports/1/document', '/api/members/export.xlsx', '/api/health']) {
      expect(cachesApiRead(path), path).toBe(false);
    }
    expect(cachesApiRead('/api/units/1', 404, 'application/json')).toBe(false);
    expect(cachesApiRead('/api/units/1', 200, 'text/html')).toBe(false);
    expect(cachesApiRead('/api/units/1', 200, null)).toBe(false);
  });
});

describe('"Cập nhật lúc …"', () => {
  const fromDevice = (at: string) => new Headers({ [OFFLINE_HEADER]: '1', [STORED_AT_HEADER]: at });
  it('is the oldest moment among the answers served from the device, until the network answers; emptied with the cache', async () => {
    expect(currentStoredAt()).toBeNull();
    noteAnswer(fromDevice('2026-05-20T10:00:00.000Z'));
    noteAnswer(fromDevice('2026-05-20T08:00:00.000Z'));
    noteAnswer(fromDevice('2026-05-20T09:00:00.000Z'));
    expect(currentStoredAt()).toBe('2026-05-20T08:00:00.000Z');
    noteAnswer(new Headers());
    expect(currentStoredAt()).toBeNull();
    noteAnswer(fromDevice('2026-05-20T09:00:00.000Z'));
    await clearApiCache();
    expect(currentStoredAt()).toBeNull();
  });
});
