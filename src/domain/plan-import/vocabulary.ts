// The genre's fixed vocabulary: known misspellings and their corrections, the standard units of a
// ward, collective assignees ("Các chi bộ, …"), abbreviations of unit names and words that are
// correctly written twice ("ngày ngày"). The base lives in vocabulary.vi.json; an administrator's
// extension file (read by the server) is validated by `parseVocabulary` and merged on top.

import base from './vocabulary.vi.json';
import { foldKey } from './text';

export interface Vocabulary {
  /** Wrong spelling → correction, matched case-insensitively on whole words. */
  misspellings: Record<string, string>;
  /** Standard unit names of a ward. */
  units: string[];
  /** Collective assignees that stand for many units. */
  unitGroups: string[];
  /** Abbreviation or other name → standard unit name. */
  unitAliases: Record<string, string>;
  /** Words whose doubling is correct Vietnamese ("người người", "dần dần"). */
  allowedRepeats: string[];
}

export type VocabularyParse = { ok: true; vocabulary: Partial<Vocabulary> } | { ok: false; errors: string[] };

const LIST_KEYS = ['units', 'unitGroups', 'allowedRepeats'] as const;
const MAP_KEYS = ['misspellings', 'unitAliases'] as const;
const KEY_NAMES: Record<keyof Vocabulary, string> = {
  misspellings: 'lỗi chính tả',
  units: 'đơn vị',
  unitGroups: 'nhóm đơn vị',
  unitAliases: 'tên gọi khác của đơn vị',
  allowedRepeats: 'từ được phép lặp',
};

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const clean = (text: string): string => text.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** Checks an administrator's extension (parsed JSON); every problem is reported, in Vietnamese. */
export function parseVocabulary(json: unknown): VocabularyParse {
  if (!isPlainObject(json)) return { ok: false, errors: ['Tệp từ vựng phải là một đối tượng JSON (dạng { … }).'] };
  const errors: string[] = [];
  const vocabulary: Partial<Vocabulary> = {};
  for (const key of Object.keys(json)) {
    if (!(key in KEY_NAMES)) {
      errors.push(`Khóa “${key}” không được hỗ trợ; chỉ dùng: ${Object.keys(KEY_NAMES).join(', ')}.`);
    }
  }
  for (const key of LIST_KEYS) {
    const value = json[key];
    if (value === undefined) continue;
    if (!Array.isArray(value)) {
      errors.push(`“${key}” (${KEY_NAMES[key]}) phải là một danh sách chuỗi.`);
      continue;
    }
    const items: string[] = [];
    value.forEach((item, i) => {
      if (typeof item !== 'string' || !clean(item)) errors.push(`“${key}”[${i}] phải là một chuỗi không rỗng.`);
      else items.push(clean(item));
    });
    vocabulary[key] = items;
  }
  for (const key of MAP_KEYS) {
    const value = json[key];
    if (value === undefined) continue;
    if (!isPlainObject(value)) {
      errors.push(`“${key}” (${KEY_NAMES[key]}) phải là một đối tượng dạng { "viết sai": "viết đúng" }.`);
      continue;
    }
    const map: Record<string, string> = {};
    for (const [from, to] of Object.entries(value)) {
      if (!clean(from)) errors.push(`“${key}” có một khóa rỗng.`);
      else if (typeof to !== 'string' || !clean(to)) errors.push(`“${key}”["${from}"] phải là một chuỗi không rỗng.`);
      else if (clean(from).toLowerCase() === clean(to).toLowerCase()) errors.push(`“${key}”["${from}"] trùng với chính nó.`);
      else map[clean(from)] = clean(to);
    }
    vocabulary[key] = map;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, vocabulary };
}

function unionByKey(a: string[], b: string[] | undefined, key: (s: string) => string): string[] {
  const seen = new Set(a.map(key));
  const out = [...a];
  for (const item of b ?? []) {
    if (seen.has(key(item))) continue;
    seen.add(key(item));
    out.push(item);
  }
  return out;
}

/** Base plus extension: lists are united, maps overridden entry by entry (case-insensitively). */
export function mergeVocabulary(baseVocabulary: Vocabulary, extension: Partial<Vocabulary>): Vocabulary {
  const mergeMap = (a: Record<string, string>, b: Record<string, string> | undefined): Record<string, string> => {
    const out: Record<string, string> = {};
    const byLower = new Map<string, string>();
    for (const [from, to] of [...Object.entries(a), ...Object.entries(b ?? {})]) {
      const lower = from.toLowerCase();
      const previous = byLower.get(lower);
      if (previous !== undefined) delete out[previous];
      byLower.set(lower, from);
      out[from] = to;
    }
    return out;
  };
  return {
    misspellings: mergeMap(baseVocabulary.misspellings, extension.misspellings),
    units: unionByKey(baseVocabulary.units, extension.units, foldKey),
    unitGroups: unionByKey(baseVocabulary.unitGroups, extension.unitGroups, foldKey),
    unitAliases: mergeMap(baseVocabulary.unitAliases, extension.unitAliases),
    allowedRepeats: unionByKey(baseVocabulary.allowedRepeats, extension.allowedRepeats, (s) => s.toLowerCase()),
  };
}

const parsedBase = parseVocabulary(base);
if (!parsedBase.ok) throw new Error(`vocabulary.vi.json is invalid: ${parsedBase.errors.join(' ')}`);
const empty: Vocabulary = { misspellings: {}, units: [], unitGroups: [], unitAliases: {}, allowedRepeats: [] };

/** The base vocabulary of the genre. */
export const defaultVocabulary: Vocabulary = mergeVocabulary(empty, parsedBase.vocabulary);

/** The base vocabulary, with an administrator's extension merged on top when given. */
export function loadVocabulary(extra?: Partial<Vocabulary>): Vocabulary {
  return extra ? mergeVocabulary(defaultVocabulary, extra) : defaultVocabulary;
}
