// Matching the names offices write to the names the system knows: "Chi bộ Tổ dân phố Tràng Đà 1"
// is "Chi bộ Tràng Đà 1", "TDP Tràng Đà 1" too. Pure. Names are folded (no diacritics, lower case),
// filler words dropped, and compared as sets of words, so word order does not matter. Numbers
// identify: "Tràng Đà 1" never matches "Tràng Đà 11".
import { foldVietnamese } from './vietnamese-names';

/** Words that say what kind of unit a name is, not which one (folded, longest first). */
const fillers = ['chi bo', 'dang bo', 'to dan pho', 'khu pho', 'to dp', 'tdp', 'thon', 'khu', 'so'];
const fillerPattern = new RegExp(`(?:^| )(?:${fillers.join('|')})(?= |$)`, 'gu');

/** The identifying words of a name: "Chi bộ TDP số 01 Tràng Đà" → ["1", "trang", "da"]. */
export function nameTokens(name: string): string[] {
  const folded = foldVietnamese(name.normalize('NFC'))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/(\p{L})(\d)/gu, '$1 $2') // "TDP1" → "tdp 1"
    .trim();
  let spaced = ` ${folded} `;
  // Fillers overlap ("to dan pho" inside nothing else), so one pass per filler is enough.
  spaced = spaced.replace(fillerPattern, ' ');
  return [...new Set(spaced.split(' ').filter(Boolean).map((w) => (/^\d+$/u.test(w) ? String(Number(w)) : w)))];
}

/** Jaccard similarity of the two names' word sets, 0 when their numbers differ; 1 is the same name. */
export function nameSimilarity(a: string, b: string): number {
  const x = nameTokens(a);
  const y = new Set(nameTokens(b));
  if (x.length === 0 || y.size === 0) return 0;
  const numbers = (words: Iterable<string>) => [...words].filter((w) => /^\d+$/u.test(w)).sort().join(' ');
  if (numbers(x) !== numbers(y)) return 0;
  const shared = x.filter((w) => y.has(w)).length;
  return shared / (x.length + y.size - shared);
}

export interface Suggestion<T> {
  item: T;
  score: number;
}

/** The candidates that resemble `name`, best first (ties by name), at most `limit`, none below `min`. */
export function suggestNames<T>(name: string, candidates: readonly T[], nameOf: (c: T) => string, { limit = 5, min = 0.5 } = {}): Suggestion<T>[] {
  return candidates
    .map((item) => ({ item, score: nameSimilarity(name, nameOf(item)) }))
    .filter((s) => s.score >= min)
    .sort((a, b) => b.score - a.score || nameOf(a.item).localeCompare(nameOf(b.item), 'vi'))
    .slice(0, limit);
}
