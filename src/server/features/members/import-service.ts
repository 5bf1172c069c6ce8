// Member import: a preview that lists every bad row with its reason and every unknown cell name and
// header once (with suggestions), and a commit that writes all rows or none. The commit re-reads and
// re-validates the file: nothing from the preview is trusted. The file is parsed and checked before
// the transaction opens; inside, only the card owners are read again and the rows written.
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { AppError, forbidden, badRequest } from '../../errors';
import { todayInVietnam } from '../../../domain/dates';
import { type ImportIssue, mappingKey, normaliseCardNumber, readHeader, suggestColumns, validateMemberRows } from '../../../domain/member-import';
import { suggestNames } from '../../../domain/name-matching';
import { recordAudit } from '../audit/service';
import type { Unit } from '../units/tables';
import { listCellsOfTenant, loadUnitFor, toRef } from '../units/service';
import { readMemberSheet } from './import-file';
import { checkCellMappings, type ImportMappings, loadRememberedMappings, rememberMappings } from './import-mappings';
import { writeImportedMembers } from './import-write';
import { canImportMembers } from './policy';
import { cardOwners } from './cards';

export interface CellNameChoice {
  name: string;
  rows: number[];
  count: number;
  chosen: string | null;
  remembered: boolean;
  suggestions: { id: string; name: string; score: number }[];
}

export interface ColumnChoice {
  name: string;
  chosen: string | null;
  remembered: boolean;
  suggestions: string[];
}

export interface ImportPreview {
  total: number;
  valid: number;
  toCreate: number;
  toUpdate: number;
  issues: ImportIssue[];
  /** Names of the file's "Chi bộ" column that are not a cell's name, once each. */
  cellNames: CellNameChoice[];
  /** Headers that are neither a column nor a known synonym. */
  columns: ColumnChoice[];
  /** The commune's cells, for choosing. */
  cells: { id: string; name: string }[];
}

const MAX_ROWS_LISTED = 50;

/** The commune to import into, once the actor may: asked before the upload is read. */
export async function loadImportCommune(db: DbOrTx, actor: Actor, communeId: string): Promise<Unit> {
  return loadUnitFor(db, actor, communeId, canImportMembers, 'nhập danh sách đảng viên cho đơn vị này');
}

/** The numbers' holders, from the national lookup table (decision 017): another commune's, or this one's. */
async function cardHolders(db: DbOrTx, communeId: string, cards: string[]) {
  const owners = await cardOwners(db, cards);
  return {
    foreign: new Set(owners.filter((o) => o.tenantId !== communeId).map((o) => o.cardNumber)),
    existing: new Map(owners.filter((o) => o.tenantId === communeId).map((o) => [o.cardNumber, o.memberId])),
  };
}

async function analyse(db: Db, actor: Actor, commune: Unit, bytes: Buffer, sent: ImportMappings) {
  if (!canImportMembers(actor, toRef(commune))) throw forbidden('nhập danh sách đảng viên cho đơn vị này');
  const sheet = await readMemberSheet(bytes);
  const [cells, remembered] = await Promise.all([listCellsOfTenant(db, commune.id), loadRememberedMappings(db, commune.id)]);
  await checkCellMappings(db, actor, commune, cells, sent);
  const cellList = cells.map((c) => ({ id: c.id, name: c.name })).sort((a, b) => a.name.localeCompare(b.name, 'vi', { numeric: true }));
  const ownCells = new Set(cells.map((c) => c.id));

  const sentColumns = new Map(Object.entries(sent.columns).map(([k, v]) => [mappingKey(k), v]));
  const columnMap = Object.fromEntries([...remembered.columns, ...sentColumns]);
  const { columns, issues: headerIssues, unknown } = readHeader(sheet.header, columnMap);
  const columnChoices: ColumnChoice[] = unknown.map((name) => ({ name, chosen: null, remembered: false, suggestions: suggestColumns(name, new Set(columns.keys())) }));
  for (const [index, cell] of sheet.header.entries()) {
    const name = String(cell ?? '').trim();
    const chosen = sentColumns.get(mappingKey(name)) ?? remembered.columns.get(mappingKey(name));
    if (name && chosen && columns.get(chosen) === index) columnChoices.push({ name, chosen, remembered: !sentColumns.has(mappingKey(name)), suggestions: [] });
  }
  const base = { cellNames: [] as CellNameChoice[], columns: columnChoices, cells: cellList };
  if (headerIssues.length > 0) {
    return { drafts: [], existing: new Map<string, string>(), cards: [], preview: { total: sheet.rows.length, valid: 0, toCreate: 0, toUpdate: 0, issues: headerIssues, ...base } };
  }

  const sentCells = new Map(Object.entries(sent.cells).map(([k, v]) => [mappingKey(k), v]));
  const cellMappings = new Map([...[...remembered.cells].filter(([, id]) => ownCells.has(id)), ...sentCells]);
  const cards = sheet.rows.map((r) => normaliseCardNumber(r.values[columns.get('Số thẻ đảng viên') ?? -1])).filter((c): c is string => c !== null);
  const { foreign, existing } = await cardHolders(db, commune.id, cards);
  const { drafts, issues, cellNames } = validateMemberRows(sheet.rows, columns, { cells, foreignCardNumbers: foreign, today: todayInVietnam(), cellMappings });
  const toUpdate = drafts.filter((d) => d.cardNumber && existing.has(d.cardNumber)).length;
  base.cellNames = cellNames.map((use) => ({
    name: use.name,
    rows: use.rows.slice(0, MAX_ROWS_LISTED),
    count: use.count,
    chosen: use.cellId,
    remembered: use.cellId !== null && !sentCells.has(mappingKey(use.name)),
    suggestions: suggestNames(use.name, cellList, (c) => c.name).map((s) => ({ ...s.item, score: Math.round(s.score * 100) / 100 })),
  }));
  return {
    drafts,
    existing,
    cards,
    preview: { total: sheet.rows.length, valid: drafts.length, toCreate: drafts.length - toUpdate, toUpdate, issues, ...base },
  };
}

export async function previewMemberImport(db: Db, actor: Actor, commune: Unit, bytes: Buffer, mappings: ImportMappings = { cells: {}, columns: {} }): Promise<ImportPreview> {
  return (await analyse(db, actor, commune, bytes, mappings)).preview;
}

export async function commitMemberImport(db: Db, actor: Actor, commune: Unit, bytes: Buffer, mappings: ImportMappings = { cells: {}, columns: {} }): Promise<ImportPreview> {
  const { drafts, existing, cards, preview } = await analyse(db, actor, commune, bytes, mappings);
  if (preview.issues.length > 0) {
    throw new AppError(400, 'members-import.invalid-rows', `Tệp có ${preview.issues.length} lỗi; chưa nhập đảng viên nào. Hãy sửa các dòng lỗi rồi nhập lại.`, { preview });
  }
  if (drafts.length === 0) throw badRequest('members-import.no-rows', 'Tệp không có đảng viên nào để nhập.');
  return db.transaction(async (tx) => {
    // The card numbers' owners may have changed since the file was checked: then check it again.
    const now = await cardHolders(tx, commune.id, cards);
    const same = now.foreign.size === 0 && now.existing.size === existing.size && [...existing].every(([card, id]) => now.existing.get(card) === id);
    if (!same) throw new AppError(409, 'members-import.changed', 'Danh sách đảng viên vừa được người khác thay đổi. Hãy kiểm tra lại tệp rồi nhập.');
    const audit = await writeImportedMembers(tx, actor.userId, commune.id, drafts, existing);
    await rememberMappings(tx, commune.id, mappings);
    const mapped = Object.keys(mappings.cells).length + Object.keys(mappings.columns).length;
    if (mapped > 0) audit.push({ tenantId: commune.id, actorId: actor.userId, action: 'member-import.mappings', entity: 'unit', entityId: commune.id, after: mappings });
    await recordAudit(tx, audit);
    return preview;
  });
}
