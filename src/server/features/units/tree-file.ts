// The organisation tree as a spreadsheet (STT, Tên đơn vị, Loại, Trực thuộc): import below a unit with
// a preview listing every bad row and a commit that writes all rows or none (decision 014), export in
// the same columns, and the empty template. The file is read with the members' reader (zip guard, CSV).
import { and, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Db, DbOrTx, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { AppError } from '../../errors';
import { childPath } from '../../../domain/org-tree';
import { sortInTreeOrder } from '../../../domain/org-tree';
import { type ExistingUnit, type UnitDraft, checkTreeRows, readTreeHeader, treeColumnFor, treeColumns } from '../../../domain/unit-tree-import';
import { isClosedOn, unitKindNames } from '../../../domain/units';
import { readSheet, type Sheet, type SheetKind } from '../members/import-file';
import { toCsv } from '../../files/csv';
import { recordAudit, type AuditEntry } from '../audit/service';
import { unitErrors } from './errors';
import { today } from './manage';
import { canExportUnitTree, canImportUnitTree } from './policy';
import { loadUnitFor } from './service';
import { units, type Unit } from './tables';
import { xlsxHeaderFooterText } from '../../documents/xlsx-header';

const treeSheet: SheetKind = { prefix: 'units-import', isHeaderCell: (t) => treeColumnFor(t) === 'Tên đơn vị', noRows: 'đơn vị nào' };

export interface TreeImportAnswer {
  units: number;
  unchanged: number;
  errors: { row: number; message: string }[];
  rows: { row: number; name: string; kind: Unit['kind']; parentName: string }[];
}

/** The unit to import below, once the actor may (asked before the upload is read); it must be open. */
export async function loadTreeImportTarget(db: DbOrTx, actor: Actor, id: string): Promise<Unit> {
  const unit = await loadUnitFor(db, actor, id, canImportUnitTree, 'nhập cây tổ chức vào đơn vị này');
  if (isClosedOn(unit, today())) throw unitErrors.parentClosed(unit);
  return unit;
}

async function subtree(db: DbOrTx, root: Unit): Promise<Unit[]> {
  return db.select().from(units).where(and(eq(units.tenantId, root.tenantId!), like(units.path, `${root.path}%`)));
}

function check(sheet: Sheet, root: Unit, below: Unit[]) {
  const day = today();
  const existing: ExistingUnit[] = below.map((u) => ({ id: u.id, parentId: u.parentId, kind: u.kind, name: u.name, closed: isClosedOn(u, day) }));
  const { columns, errors } = readTreeHeader(sheet.header, sheet.headerRow);
  if (errors.length) return { drafts: [] as UnitDraft[], unchanged: 0, errors };
  return checkTreeRows(sheet.rows, columns, existing.find((u) => u.id === root.id)!, existing);
}

function answer(result: ReturnType<typeof check>, below: Unit[]): TreeImportAnswer {
  const names = new Map(below.map((u) => [u.id, u.name]));
  const rowNames = new Map(result.drafts.map((d) => [d.row, d.name]));
  return {
    units: result.drafts.length,
    unchanged: result.unchanged,
    errors: result.errors,
    rows: result.drafts.map((d) => ({ row: d.row, name: d.name, kind: d.kind, parentName: ('unitId' in d.parent ? names.get(d.parent.unitId) : rowNames.get(d.parent.row)) ?? '' })),
  };
}

export async function previewTreeImport(db: Db, root: Unit, bytes: Buffer): Promise<TreeImportAnswer> {
  const sheet = await readSheet(bytes, treeSheet);
  const below = await subtree(db, root);
  return answer(check(sheet, root, below), below);
}

/** Checks again inside the transaction, with the root locked, and writes every unit or none. */
export async function commitTreeImport(db: Db, actor: Actor, root: Unit, bytes: Buffer): Promise<TreeImportAnswer> {
  const sheet = await readSheet(bytes, treeSheet);
  return db.transaction(async (tx) => {
    await tx.select({ id: units.id }).from(units).where(eq(units.id, root.id)).for('update');
    const below = await subtree(tx, root);
    const result = check(sheet, root, below);
    const out = answer(result, below);
    if (result.errors.length) {
      throw new AppError(400, 'units-import.invalid-rows', `Tệp có ${result.errors.length} lỗi; chưa thêm đơn vị nào. Hãy sửa các dòng lỗi rồi nhập lại.`, out);
    }
    await writeDrafts(tx, actor, root, below, result.drafts);
    return out;
  });
}

async function writeDrafts(tx: Tx, actor: Actor, root: Unit, below: Unit[], drafts: UnitDraft[]) {
  const byId = new Map(below.map((u) => [u.id, u]));
  const created = new Map<number, { id: string; path: string }>();
  const nextOrder = new Map<string, number>();
  for (const u of below) if (u.parentId) nextOrder.set(u.parentId, Math.max(nextOrder.get(u.parentId) ?? 0, u.sortOrder + 1));
  const openedOn = today();
  const rows = drafts.map((d) => {
    const parent = 'unitId' in d.parent ? byId.get(d.parent.unitId)! : created.get(d.parent.row)!;
    const id = crypto.randomUUID();
    const path = childPath(parent.path, id);
    created.set(d.row, { id, path });
    const sortOrder = nextOrder.get(parent.id) ?? 0;
    nextOrder.set(parent.id, sortOrder + 1);
    return { id, tenantId: root.tenantId, parentId: parent.id, kind: d.kind, name: d.name, path, sortOrder, openedOn };
  });
  const audit: AuditEntry[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await tx.insert(units).values(rows.slice(i, i + 500)).returning();
    audit.push(...inserted.map((u) => ({ tenantId: u.tenantId, actorId: actor.userId, action: 'unit.import-create', entity: 'unit', entityId: u.id, after: u })));
  }
  await recordAudit(tx, audit);
}

/** The open units below `root` in tree order, parents first; a child of the root has "Trực thuộc" empty. */
export async function exportTreeFor(db: DbOrTx, actor: Actor, id: string) {
  const root = await loadUnitFor(db, actor, id, canExportUnitTree, 'xuất cây tổ chức của đơn vị này');
  const day = today();
  const below = (await subtree(db, root)).filter((u) => !isClosedOn(u, day));
  const byId = new Map(below.map((u) => [u.id, u]));
  const ordered = sortInTreeOrder(below.filter((u) => u.id !== root.id), (u) => u.path, byId);
  const rows = ordered.map((u, i) => [i + 1, u.name, unitKindNames[u.kind], u.parentId === root.id ? '' : byId.get(u.parentId!)?.name ?? '']);
  return { root, rows };
}

type TreeRow = (string | number)[];

export async function treeToXlsx(rows: TreeRow[], title: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'QuánTriệt';
  const sheet = workbook.addWorksheet('Đơn vị', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = treeColumns.map((header, i) => ({ header, width: [6, 40, 20, 40][i] }));
  sheet.getRow(1).font = { bold: true };
  rows.forEach((r) => sheet.addRow(r));
  sheet.headerFooter.oddHeader = xlsxHeaderFooterText(title);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const treeToCsv = (rows: TreeRow[]): Buffer => toCsv([[...treeColumns], ...rows]);

/** The template: the header and three example rows (a grassroots organisation, its cell, a residential group). */
export const treeTemplateXlsx = () =>
  treeToXlsx(
    [
      [1, 'Đảng bộ Công an phường', unitKindNames.grassrootsOrg, ''],
      [2, 'Chi bộ Cảnh sát khu vực', unitKindNames.cell, 'Đảng bộ Công an phường'],
      [3, 'Tổ dân phố 1', unitKindNames.residentialGroup, ''],
    ],
    'Mẫu cây tổ chức',
  );
