// The commune's rubric: the current version (the shipped example written on first use), a new
// version saved by the administrator, or imported from a spreadsheet (sheets "Tiêu chí", "Xếp loại").
import ExcelJS from 'exceljs';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, forbidden, notFound, validationFailed } from '../../errors';
import { inspectZip, isZip } from '../../files/zip-guard';
import { textFault } from '../../text-guard';
import { defaultRubric, rubricFromRows, rubricProblems, type RubricContent } from '../../../domain/rubrics';
import { recordAudit } from '../audit/service';
import { resolveCommune, toRef } from '../units/service';
import { canEditRubric, canViewRubric } from './policy';
import { rubrics, type Rubric } from './tables';

/** The current version of a tenant's rubric, or null before the first is written. */
export async function currentRubricRow(db: DbOrTx, tenantId: string): Promise<Rubric | null> {
  const [current] = await db.select().from(rubrics).where(eq(rubrics.tenantId, tenantId)).orderBy(desc(rubrics.version)).limit(1);
  return current ?? null;
}

/** The current version of a tenant's rubric, writing the shipped example as version 1 when there is none. */
export async function ensureCurrentRubric(tx: DbOrTx, tenantId: string): Promise<Rubric> {
  const [current] = await tx.select().from(rubrics).where(eq(rubrics.tenantId, tenantId)).orderBy(desc(rubrics.version)).limit(1);
  if (current) return current;
  await tx
    .insert(rubrics)
    .values({ tenantId, version: 1, title: defaultRubric.title, groups: defaultRubric.groups, bands: defaultRubric.bands })
    .onConflictDoNothing({ target: [rubrics.tenantId, rubrics.version] });
  const [written] = await tx.select().from(rubrics).where(and(eq(rubrics.tenantId, tenantId), eq(rubrics.version, 1)));
  return written!;
}

/**
 * A version of a rubric never changes once written (a change is a new version, a new id; nothing
 * updates or deletes a row of rubrics), so the rows read by id are kept for the process: every report
 * read or written asks for its rubric. Bounded; a row of a transaction rolled back is never asked for
 * again (no committed report names it). Callers must not modify what they get.
 */
const byId = new Map<string, Rubric>();
const MAX_CACHED = 5_000;

export async function loadRubric(db: DbOrTx, tenantId: string, id: string): Promise<Rubric> {
  const key = `${tenantId}/${id}`;
  const known = byId.get(key);
  if (known) return known;
  const [row] = await db.select().from(rubrics).where(and(eq(rubrics.tenantId, tenantId), eq(rubrics.id, id)));
  if (!row) throw notFound('rubric');
  if (byId.size >= MAX_CACHED) byId.clear();
  byId.set(key, row);
  return row;
}

/** The stable shape of GET /api/rubrics/current, with the title and guidance besides. */
export const describeRubric = (r: Rubric) => ({ id: r.id, version: r.version, title: r.title, groups: r.groups, bands: r.bands });

async function communeFor(db: DbOrTx, actor: Actor, communeId: string | undefined, allowed: typeof canViewRubric, action: string) {
  const commune = await resolveCommune(db, actor, communeId);
  if (!allowed(actor, toRef(commune))) throw forbidden(action);
  return commune;
}

/** GET /api/rubrics/current. */
export async function currentRubric(db: Db, actor: Actor, communeId?: string) {
  const commune = await communeFor(db, actor, communeId, canViewRubric, 'xem bộ tiêu chí');
  return describeRubric(await db.transaction((tx) => ensureCurrentRubric(tx, commune.id)));
}

/** POST /api/rubrics: a new version; the reports scored with an earlier one keep theirs. */
export async function saveRubric(db: Db, actor: Actor, content: RubricContent, communeId?: string) {
  const problems = rubricProblems(content);
  if (problems.length > 0) throw badRequest('rubric.invalid', problems.join(' '), { problems });
  return db.transaction(async (tx) => {
    const commune = await communeFor(tx, actor, communeId, canEditRubric, 'sửa bộ tiêu chí');
    const previous = await ensureCurrentRubric(tx, commune.id);
    const [written] = await tx
      .insert(rubrics)
      .values({ tenantId: commune.id, version: sql`(select coalesce(max(version), 0) + 1 from rubrics where tenant_id = ${commune.id})`, title: content.title, groups: content.groups, bands: content.bands, createdBy: actor.userId })
      .returning();
    await recordAudit(tx, { tenantId: commune.id, actorId: actor.userId, action: 'rubric.version', entity: 'rubric', entityId: written!.id, before: { version: previous.version }, after: written });
    return describeRubric(written!);
  });
}

const XLSX_LIMITS = { maxEntries: 200, maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 40 * 1024 * 1024, maxRatio: 100 };

const cellValue = (v: ExcelJS.CellValue): unknown => {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return v.result;
    if ('text' in v) return v.text;
  }
  return v;
};

function rowsOf(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  const rows: unknown[][] = [];
  sheet?.eachRow({ includeEmpty: false }, (row) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => (values[col - 1] = cellValue(cell.value)));
    rows.push(values);
  });
  return rows;
}

/** Reads the rubric of an XLSX file: problems name the row; nothing is written. */
export async function readRubricXlsx(bytes: Buffer, title: string): Promise<RubricContent> {
  const unreadable = () => badRequest('rubric.bad-xlsx', 'Không đọc được tệp Excel: tệp bị hỏng hoặc không phải .xlsx.');
  if (!isZip(bytes)) throw unreadable();
  const verdict = inspectZip(bytes, XLSX_LIMITS);
  if (verdict === 'bomb') throw badRequest('rubric.zip-bomb', 'Tệp Excel bị từ chối: nội dung nén quá lớn hoặc có tỉ lệ nén bất thường.');
  if (verdict !== 'ok') throw unreadable();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw unreadable();
  }
  const items = workbook.getWorksheet('Tiêu chí') ?? workbook.worksheets[0];
  const bands = workbook.getWorksheet('Xếp loại') ?? workbook.worksheets[1];
  if (!items || !bands) throw badRequest('rubric.sheets', 'Tệp cần hai trang tính: "Tiêu chí" (Nhóm, Mã, Tiêu chí, Điểm tối đa, Hướng dẫn) và "Xếp loại" (Xếp loại, Điểm tối thiểu).');
  const [itemRows, bandRows] = [rowsOf(items), rowsOf(bands)];
  // The cells follow the rules of text sent in a form (text-guard.ts): no control character (NUL,
  // written by Excel as "_x0000_", is refused by the database's JSON too) and no broken Unicode.
  for (const [sheet, rows] of [['Tiêu chí', itemRows], ['Xếp loại', bandRows]] as const) {
    for (const cell of rows.flat()) {
      if (typeof cell === 'string' && textFault(cell)) throw badRequest('rubric.control-character', `Trang "${sheet}" có ô chứa ký tự điều khiển hoặc ký tự Unicode không hợp lệ. Hãy xóa ký tự đó rồi tải lên lại.`);
    }
  }
  const { rubric, problems } = rubricFromRows(itemRows, bandRows, title);
  if (problems.length > 0) throw badRequest('rubric.invalid', problems.join(' '), { problems });
  return rubric;
}

/** The template (or the current rubric) as an XLSX an administrator fills in. */
export async function rubricWorkbook(content: RubricContent): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const items = workbook.addWorksheet('Tiêu chí');
  items.addRow(['Nhóm', 'Mã', 'Tiêu chí', 'Điểm tối đa', 'Hướng dẫn']);
  for (const g of content.groups) for (const i of g.items) items.addRow([g.name, i.id, i.name, i.maxPoints, i.guidance]);
  const bands = workbook.addWorksheet('Xếp loại');
  bands.addRow(['Xếp loại', 'Điểm tối thiểu']);
  for (const b of content.bands) bands.addRow([b.name, b.minTotal]);
  items.getRow(1).font = { bold: true };
  bands.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** GET /api/rubrics/current.xlsx: the current rubric as a spreadsheet to edit and import back. */
export async function currentRubricWorkbook(db: Db, actor: Actor, communeId?: string) {
  const current = await currentRubric(db, actor, communeId);
  return rubricWorkbook(current);
}

/** POST /api/rubrics/import: asks the policy first, then reads the file and saves it as a new version. */
export async function importRubric(db: Db, actor: Actor, read: () => Promise<{ bytes: Buffer; fields: Record<string, string> }>, communeId?: string) {
  await communeFor(db, actor, communeId, canEditRubric, 'nhập bộ tiêu chí');
  const { bytes, fields } = await read();
  if ((fields.title ?? '').length > 300) throw validationFailed([{ path: '/title', message: 'Tên bộ tiêu chí tối đa 300 ký tự.' }]);
  const content = await readRubricXlsx(bytes, fields.title ?? '');
  return saveRubric(db, actor, content, communeId);
}
