// The organisation's units as the office manages them: which kind may sit under which, their names
// in Vietnamese, a name's key for "the same name" (no diacritics, no case, single spaces), paths after
// a move, and whether a unit is open on a day (decision 014).
import { foldVietnamese } from './vietnamese-names';

/** Kinds of organisation units (PRODUCT.md §3). */
export const unitKinds = [
  'province', // Đảng bộ tỉnh
  'commune', // Đảng ủy xã/phường — the tenant
  'grassrootsOrg', // Đảng bộ cơ sở (may have cells)
  'cell', // Chi bộ
  'agency', // cơ quan của Đảng ủy, UBND… (ward agencies)
  'massOrg', // Mặt trận, đoàn thể
  'residentialGroup', // tổ dân phố
] as const;
export type UnitKind = (typeof unitKinds)[number];

/** The kind's name, as the office writes it in the tree file's "Loại" column. */
export const unitKindNames: Record<UnitKind, string> = {
  province: 'Đảng bộ tỉnh',
  commune: 'Đảng ủy xã, phường',
  grassrootsOrg: 'Đảng bộ cơ sở',
  cell: 'Chi bộ',
  agency: 'Cơ quan',
  massOrg: 'Mặt trận, đoàn thể',
  residentialGroup: 'Tổ dân phố',
};

/** Other ways offices write a kind (folded): "Đoàn thể", "Mặt trận", "Chi bộ trực thuộc", "Thôn". */
const kindSynonyms: Record<string, UnitKind> = {
  'dang bo tinh': 'province',
  'dang uy xa': 'commune',
  'dang uy phuong': 'commune',
  'dang bo xa': 'commune',
  'dang bo phuong': 'commune',
  'dang bo co so': 'grassrootsOrg',
  'dang bo bo phan': 'grassrootsOrg',
  'chi bo': 'cell',
  'chi bo truc thuoc': 'cell',
  'chi bo co so': 'cell',
  'co quan': 'agency',
  'co quan dang': 'agency',
  'co quan chinh quyen': 'agency',
  'mat tran': 'massOrg',
  'doan the': 'massOrg',
  'mat tran doan the': 'massOrg',
  'doan the mat tran': 'massOrg',
  'mat tran to quoc': 'massOrg',
  'to dan pho': 'residentialGroup',
  'khu pho': 'residentialGroup',
  'thon': 'residentialGroup',
  'ban': 'residentialGroup',
  'xom': 'residentialGroup',
  'to dan pho thon': 'residentialGroup',
};

/** "Mặt trận, đoàn thể" → "mat tran doan the": no diacritics, no case, punctuation as spaces. */
export function nameKey(name: string): string {
  return foldVietnamese(name.normalize('NFC'))
    .replace(/[.,;:/\\()\-–]+/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The kind named in words ("Chi bộ", "Đoàn thể/Mặt trận", "to dan pho"), or null. */
export function kindFromName(text: string): UnitKind | null {
  const key = nameKey(text);
  if (!key) return null;
  for (const kind of unitKinds) if (nameKey(unitKindNames[kind]) === key) return kind;
  return kindSynonyms[key] ?? null;
}

/**
 * Which kinds may sit directly under each kind. Communes are created by the province (not here);
 * a cell sits under the commune or a grassroots organisation; a grassroots organisation under the
 * commune or another one (đảng bộ bộ phận); agencies, mass organisations and residential groups
 * under the commune.
 */
export const childKinds: Record<UnitKind, readonly UnitKind[]> = {
  province: ['commune'],
  commune: ['grassrootsOrg', 'cell', 'agency', 'massOrg', 'residentialGroup'],
  grassrootsOrg: ['grassrootsOrg', 'cell'],
  cell: [],
  agency: [],
  massOrg: [],
  residentialGroup: [],
};

export function mayContain(parent: UnitKind, child: UnitKind): boolean {
  return childKinds[parent].includes(child);
}

/** "Chi bộ không thể trực thuộc Tổ dân phố." — the message for a kind the parent may not hold. */
export function kindNotAllowedMessage(parent: { kind: UnitKind; name: string }, child: UnitKind): string {
  const allowed = childKinds[parent.kind].map((k) => unitKindNames[k]);
  return (
    `${unitKindNames[child]} không thể trực thuộc ${lowerFirst(unitKindNames[parent.kind])} "${parent.name}". ` +
    (allowed.length ? `Dưới đơn vị này chỉ có: ${allowed.join('; ')}.` : 'Đơn vị này không có đơn vị trực thuộc.')
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Whether `path` is the unit at `ancestorPath` or below it: a unit cannot move under itself. */
export function isSelfOrBelow(path: string, ancestorPath: string): boolean {
  return path.startsWith(ancestorPath);
}

/**
 * The paths after moving the subtree rooted at `oldRootPath` under `newParentPath`: each path keeps
 * its part below the moved unit. `path` must lie in the subtree.
 */
export function rebasedPath(path: string, oldRootPath: string, newParentPath: string): string {
  if (!path.startsWith(oldRootPath)) throw new RangeError(`${path} không nằm dưới ${oldRootPath}`);
  const rootId = oldRootPath.split('/').filter(Boolean).at(-1)!;
  return `${newParentPath}${rootId}/${path.slice(oldRootPath.length)}`;
}

export interface Dated {
  openedOn: string | null;
  closedOn: string | null;
}

/** Open on `day`: opened on or before it, and not closed yet (closedOn is the first closed day). */
export function isOpenOn(unit: Dated, day: string): boolean {
  return (unit.openedOn === null || unit.openedOn <= day) && (unit.closedOn === null || day < unit.closedOn);
}

/** Closed on `day` or earlier: shown greyed, "Đã đóng từ …", hidden from pickers for new things. */
export function isClosedOn(unit: Dated, day: string): boolean {
  return unit.closedOn !== null && unit.closedOn <= day;
}

/** The new order of siblings after moving `id` one place up or down; null when it cannot move. */
export function reorderSiblings(ids: readonly string[], id: string, direction: 'up' | 'down'): string[] | null {
  const at = ids.indexOf(id);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  [next[at], next[to]] = [next[to]!, next[at]!];
  return next;
}
