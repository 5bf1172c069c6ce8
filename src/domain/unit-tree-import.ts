// The organisation tree from a spreadsheet (columns STT, Tên đơn vị, Loại, Trực thuộc): every row a
// unit below the unit imported into, "Trực thuộc" naming its parent by name (another row, in any
// order, or a unit already there). Every bad row is listed; nothing is written while one is
// (decision 014). Pure: the caller reads the file and the units already in the tree.
import { type CellValue, cellText } from './member-import';
import { type UnitKind, kindFromName, kindNotAllowedMessage, mayContain, nameKey, unitKindNames } from './units';

export const treeColumns = ['STT', 'Tên đơn vị', 'Loại', 'Trực thuộc'] as const;
export type TreeColumn = (typeof treeColumns)[number];

const headerSynonyms: Record<string, TreeColumn> = {
  stt: 'STT',
  tt: 'STT',
  'so thu tu': 'STT',
  'ten don vi': 'Tên đơn vị',
  'don vi': 'Tên đơn vị',
  ten: 'Tên đơn vị',
  loai: 'Loại',
  'loai don vi': 'Loại',
  'truc thuoc': 'Trực thuộc',
  'don vi cap tren': 'Trực thuộc',
  'cap tren': 'Trực thuộc',
  'don vi truc thuoc': 'Trực thuộc',
};

export function treeColumnFor(header: string): TreeColumn | null {
  return headerSynonyms[nameKey(header)] ?? null;
}

/** A unit already in the tree below (and including) the unit imported into. */
export interface ExistingUnit {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  closed: boolean;
}

export type ParentRef = { unitId: string } | { row: number };

/** A unit the file adds, parents first. */
export interface UnitDraft {
  row: number;
  name: string;
  kind: UnitKind;
  parent: ParentRef;
}

export interface TreeImportResult {
  drafts: UnitDraft[];
  /** Rows naming a unit that is already there, under the same parent, with the same kind. */
  unchanged: number;
  errors: { row: number; message: string }[];
}

interface Row {
  row: number;
  name: string;
  key: string;
  kind: UnitKind | null;
  parentText: string;
}

/** Reads the header; returns the column positions or the problems with it (row 1 of the sheet). */
export function readTreeHeader(header: CellValue[], headerRow = 1) {
  const columns = new Map<TreeColumn, number>();
  const errors: { row: number; message: string }[] = [];
  header.forEach((cell, index) => {
    const text = cellText(cell);
    if (!text) return;
    const column = treeColumnFor(text);
    if (!column) errors.push({ row: headerRow, message: `Cột "${text}" không đúng mẫu. Các cột phải là: ${treeColumns.join(', ')}.` });
    else if (columns.has(column)) errors.push({ row: headerRow, message: `Cột "${text}" bị lặp lại.` });
    else columns.set(column, index);
  });
  for (const required of ['Tên đơn vị', 'Loại'] as const) {
    if (!columns.has(required)) errors.push({ row: headerRow, message: `Thiếu cột "${required}".` });
  }
  return { columns, errors };
}

/**
 * Checks the rows against the tree below `root` (`existing` holds root and every unit below it).
 * A row whose "Trực thuộc" is empty sits directly under the root.
 */
export function checkTreeRows(
  rows: { row: number; values: CellValue[] }[],
  columns: Map<TreeColumn, number>,
  root: ExistingUnit,
  existing: readonly ExistingUnit[],
): TreeImportResult {
  const errors = new Map<number, string[]>();
  const fail = (row: number, message: string) => errors.set(row, [...(errors.get(row) ?? []), message]);
  const get = (values: CellValue[], c: TreeColumn) => (columns.has(c) ? cellText(values[columns.get(c)!]) : '');

  const parsed: Row[] = rows.map(({ row, values }) => {
    const name = get(values, 'Tên đơn vị').replace(/\s+/gu, ' ');
    const kindText = get(values, 'Loại');
    const kind = kindText ? kindFromName(kindText) : null;
    if (!name) fail(row, 'Thiếu tên đơn vị.');
    else if (name.length > 200) fail(row, 'Tên đơn vị quá dài (tối đa 200 ký tự).');
    if (!kindText) fail(row, `Thiếu loại đơn vị (${Object.values(unitKindNames).slice(2).join('; ')}).`);
    else if (!kind) fail(row, `Loại "${kindText}" không có. Các loại: ${Object.values(unitKindNames).slice(2).join('; ')}.`);
    return { row, name, key: nameKey(name), kind, parentText: get(values, 'Trực thuộc') };
  });

  const open = existing.filter((u) => !u.closed);
  const existingByKey = group(open, (u) => nameKey(u.name));
  const closedKeys = new Set(existing.filter((u) => u.closed).map((u) => nameKey(u.name)));
  const rowsByKey = group(parsed.filter((r) => r.key), (r) => r.key);
  const byRow = new Map(parsed.map((r) => [r.row, r]));

  // "Trực thuộc" → a row of the file (when one row bears the name) or a unit already there.
  const parentOf = new Map<number, ParentRef>();
  for (const r of parsed) {
    if (!r.parentText) {
      parentOf.set(r.row, { unitId: root.id });
      continue;
    }
    const key = nameKey(r.parentText);
    const rowsNamed = (rowsByKey.get(key) ?? []).filter((o) => o.row !== r.row);
    const unitsNamed = existingByKey.get(key) ?? [];
    if (key === r.key && rowsNamed.length === 0 && unitsNamed.length === 0) fail(r.row, `Đơn vị "${r.name}" không thể trực thuộc chính nó.`);
    else if (rowsNamed.length === 1) parentOf.set(r.row, { row: rowsNamed[0]!.row });
    else if (rowsNamed.length === 0 && unitsNamed.length === 1) parentOf.set(r.row, { unitId: unitsNamed[0]!.id });
    else if (rowsNamed.length + unitsNamed.length > 1) {
      fail(r.row, `Có ${rowsNamed.length + unitsNamed.length} đơn vị tên "${r.parentText}": không rõ đơn vị trực thuộc. Hãy đặt tên khác nhau.`);
    } else if (closedKeys.has(key)) fail(r.row, `Đơn vị trực thuộc "${r.parentText}" đã đóng: không thêm đơn vị mới vào đơn vị đã đóng.`);
    else fail(r.row, `Không tìm thấy đơn vị trực thuộc "${r.parentText}" trong tệp hoặc trong "${root.name}".`);
  }

  // Rows whose "Trực thuộc" leads back to themselves.
  for (const r of parsed) {
    const seen: number[] = [];
    let at: number | undefined = r.row;
    while (at !== undefined && !seen.includes(at)) {
      seen.push(at);
      const p = parentOf.get(at);
      at = p && 'row' in p ? p.row : undefined;
    }
    if (at === r.row && seen.length > 1) fail(r.row, `Vòng lặp trực thuộc: ${seen.map((n) => `dòng ${n}`).join(' → ')} → dòng ${r.row}.`);
  }

  // Parents first; a row becomes a unit already there, a new unit, or an error.
  const nodeOf = new Map<number, { unitId: string; kind: UnitKind } | { row: number; kind: UnitKind }>();
  const existingById = new Map(existing.map((u) => [u.id, u]));
  const childrenKeys = new Map<string, Map<string, ExistingUnit>>();
  for (const u of open) if (u.parentId) (childrenKeys.get(u.parentId) ?? childrenKeys.set(u.parentId, new Map()).get(u.parentId)!).set(nameKey(u.name), u);
  const siblings = new Map<string, number>();
  const drafts: UnitDraft[] = [];
  let unchanged = 0;
  const visit = (r: Row, depth: number): void => {
    if (nodeOf.has(r.row) || depth > parsed.length || errors.has(r.row) || !r.kind) return;
    const p = parentOf.get(r.row)!;
    let parent: { id: string; kind: UnitKind; name: string; existing: boolean };
    if ('row' in p) {
      const parentRow = byRow.get(p.row)!;
      visit(parentRow, depth + 1);
      const node = nodeOf.get(p.row);
      if (!node) return void fail(r.row, `Đơn vị trực thuộc "${parentRow.name || r.parentText}" (dòng ${p.row}) có lỗi.`);
      parent = 'unitId' in node ? { id: node.unitId, kind: node.kind, name: parentRow.name, existing: true } : { id: `row:${node.row}`, kind: node.kind, name: parentRow.name, existing: false };
    } else {
      const unit = existingById.get(p.unitId)!;
      parent = { id: unit.id, kind: unit.kind, name: unit.name, existing: true };
    }
    const already = parent.existing ? childrenKeys.get(parent.id)?.get(r.key) : undefined;
    if (already) {
      if (already.kind !== r.kind) return void fail(r.row, `"${parent.name}" đã có đơn vị "${already.name}" (${unitKindNames[already.kind]}).`);
      nodeOf.set(r.row, { unitId: already.id, kind: already.kind });
      unchanged += 1;
      return;
    }
    if (!mayContain(parent.kind, r.kind)) return void fail(r.row, kindNotAllowedMessage(parent, r.kind));
    const siblingKey = `${parent.id}|${r.key}`;
    const twin = siblings.get(siblingKey);
    if (twin !== undefined) return void fail(r.row, `Trùng tên với dòng ${twin}: hai đơn vị "${r.name}" cùng trực thuộc "${parent.name}".`);
    siblings.set(siblingKey, r.row);
    nodeOf.set(r.row, { row: r.row, kind: r.kind });
    drafts.push({ row: r.row, name: r.name, kind: r.kind, parent: parent.existing ? { unitId: parent.id } : { row: Number(parent.id.slice(4)) } });
  };
  for (const r of parsed) visit(r, 0);

  const list = [...errors].flatMap(([row, messages]) => messages.map((message) => ({ row, message }))).sort((a, b) => a.row - b.row);
  return { drafts: list.length ? [] : drafts, unchanged, errors: list };
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}
