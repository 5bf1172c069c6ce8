// Every request of a signed-in user needs their session and grants. Reading them from the database
// each time is most of the cost of a small request, so each server keeps them for a few seconds.
// Sign-out and password changes on this server drop the entries at once; on another server of a
// cluster a revoked session lives at most TTL_MS longer.
import type { Actor } from './actor';

const TTL_MS = 3_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  value: { actor: Actor; csrfToken: string };
  expires: number;
}

export function createSessionCache(now: () => number = Date.now) {
  const entries = new Map<string, Entry>();
  return {
    get(tokenHash: string) {
      const entry = entries.get(tokenHash);
      if (!entry) return undefined;
      if (entry.expires <= now()) {
        entries.delete(tokenHash);
        return undefined;
      }
      return entry.value;
    },
    set(tokenHash: string, value: Entry['value']) {
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(tokenHash, { value, expires: now() + TTL_MS });
    },
    drop(tokenHash: string) {
      entries.delete(tokenHash);
    },
    dropUser(userId: string) {
      for (const [key, entry] of entries) if (entry.value.actor.userId === userId) entries.delete(key);
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
