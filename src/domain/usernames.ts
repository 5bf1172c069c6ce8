// Usernames made from a person's Vietnamese name, for accounts created in bulk: "Nguyễn Văn An" →
// "nguyenvanan", and "nguyenvanan2", "nguyenvanan3"… when it is taken. No I/O.
import { foldVietnamese } from './vietnamese-names';

export const USERNAME_PATTERN = /^[a-z0-9._-]{3,40}$/u;

/** The name without diacritics, spaces or punctuation, lower case, at most 36 characters. */
export function usernameBase(fullName: string): string {
  const base = foldVietnamese(fullName).replace(/[^a-z0-9]/gu, '').slice(0, 36);
  return base.length >= 3 ? base : `${base}dv`.padEnd(3, '0');
}

/**
 * Picks a free username for each name, in order: the base when free, else the base with the
 * smallest number from 2 up that is neither taken nor given earlier in the same run.
 */
export function assignUsernames(fullNames: readonly string[], taken: Iterable<string>): string[] {
  const used = new Set(taken);
  const nextNumber = new Map<string, number>();
  return fullNames.map((name) => {
    const base = usernameBase(name);
    let candidate = base;
    let n = nextNumber.get(base) ?? 2;
    while (used.has(candidate)) candidate = `${base}${n++}`;
    nextNumber.set(base, n);
    used.add(candidate);
    return candidate;
  });
}
