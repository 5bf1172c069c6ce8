// Vietnamese names: "Nguyễn Văn Hùng" is family name, middle name(s), given name. Lists are
// ordered by the given name (the last word), then by the rest, with Vietnamese collation.
import { lazy } from './lazy';

const collator = lazy(() => new Intl.Collator('vi', { sensitivity: 'base', numeric: true }));

/** Trims, collapses inner spaces and composes to NFC. */
export function normaliseFullName(fullName: string): string {
  return fullName.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

export function givenName(fullName: string): string {
  const words = normaliseFullName(fullName).split(' ');
  return words[words.length - 1] ?? '';
}

/** "Nguyễn Văn Hùng" → "Hùng Nguyễn Văn": the key Vietnamese lists sort by. */
export function nameSortKey(fullName: string): string {
  const words = normaliseFullName(fullName).split(' ');
  const given = words.pop() ?? '';
  return [given, ...words].join(' ');
}

export function compareVietnameseNames(a: string, b: string): number {
  return compareKeyed({ name: a, ...keysOf(a) }, { name: b, ...keysOf(b) });
}

/** A name's sort keys: its given name, and given name then the rest ("Hùng Nguyễn Văn"). */
interface NameKeys {
  given: string;
  key: string;
}

/**
 * The keys of the names lists sort by, kept per process: the same members are listed again and
 * again, and normalising and splitting each name was a third of a list's sort. A pure function's
 * memo, so never stale; emptied when it grows past a bound.
 */
const keysByName = new Map<string, NameKeys>();
const KEYS_KEPT = 50_000;

function keysOf(name: string): NameKeys {
  let keys = keysByName.get(name);
  if (!keys) {
    // givenName() and nameSortKey() in one pass: the name is normalised and split once.
    const words = normaliseFullName(name).split(' ');
    const given = words.pop() ?? '';
    keys = { given, key: words.length ? `${given} ${words.join(' ')}` : given };
    if (keysByName.size >= KEYS_KEPT) keysByName.clear();
    keysByName.set(name, keys);
  }
  return keys;
}

/** Sorts by given name, then the rest; keys are computed once per name, not once per comparison. */
export function sortByVietnameseName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  const keyed = items.map((item) => {
    const name = nameOf(item);
    const { given, key } = keysOf(name);
    return { item, name, given, key };
  });
  keyed.sort(compareKeyed);
  return keyed.map((k) => k.item);
}

/** By given name, then given name and the rest, then the name as written (Vietnamese collation). */
function compareKeyed(a: NameKeys & { name: string }, b: NameKeys & { name: string }): number {
  const { compare } = collator();
  // Equal strings compare equal under any collation: the collator is asked only when they differ.
  return (
    (a.given === b.given ? 0 : compare(a.given, b.given)) ||
    (a.key === b.key ? 0 : compare(a.key, b.key)) ||
    (a.name === b.name ? 0 : a.name.localeCompare(b.name, 'vi'))
  );
}

/** Removes diacritics, keeping case ("Đỗ Thị Hằng" → "Do Thi Hang"): for ASCII file names. */
export function removeDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D').normalize('NFC');
}

/** Folds to lower case without diacritics ("Đỗ Thị Hằng" → "do thi hang"), as qt_fold() does in SQL. */
export function foldVietnamese(text: string): string {
  return removeDiacritics(text).toLowerCase();
}
