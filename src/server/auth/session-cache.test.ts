import { describe, expect, it } from 'vitest';
import { createSessionCache } from './session-cache';
import type { Actor } from './actor';

const actor = (userId: string): Actor => ({ userId, username: userId, displayName: userId, tenantId: 'p', communeId: null, memberId: null, grants: [] });

describe('session cache', () => {
  it('keeps a session for a few seconds only', () => {
    let now = 0;
    const cache = createSessionCache(() => now);
    cache.set('a', { actor: actor('u1'), csrfToken: 'x' });
    expect(cache.get('a')?.actor.userId).toBe('u1');
    now = 2_999;
    expect(cache.get('a')).toBeDefined();
    now = 3_000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('drops one session, or every session of a user', () => {
    const cache = createSessionCache(() => 0);
    cache.set('a', { actor: actor('u1'), csrfToken: 'x' });
    cache.set('b', { actor: actor('u1'), csrfToken: 'y' });
    cache.set('c', { actor: actor('u2'), csrfToken: 'z' });
    cache.drop('c');
    expect(cache.get('c')).toBeUndefined();
    cache.dropUser('u1');
    expect([cache.get('a'), cache.get('b')]).toEqual([undefined, undefined]);
  });
});
