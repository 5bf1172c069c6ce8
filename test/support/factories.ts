// Small factories for test data on top of the demo ward.
import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Database } from '../../src/server/db/client';
import { units } from '../../src/server/features/units/tables';
import { childPath } from '../../src/domain/org-tree';
import { members } from '../../src/server/features/members/tables';

export async function findUnit(database: Database, name: string) {
  const [unit] = await database.db.select().from(units).where(eq(units.name, name));
  if (!unit) throw new Error(`no unit ${name}`);
  return unit;
}

/** A second commune under the demo province: its own tenant, with a materialised path like the seed's. */
export async function buildCommune(database: Database, name: string) {
  const [province] = await database.db.select().from(units).where(eq(units.kind, 'province'));
  if (!province) throw new Error('no province');
  const id = crypto.randomUUID();
  const [commune] = await database.db
    .insert(units)
    .values({ id, tenantId: id, parentId: province.id, kind: 'commune', name, path: childPath(province.path, id) })
    .returning();
  return commune!;
}

export async function membersOf(database: Database, cellName: string) {
  const cell = await findUnit(database, cellName);
  return database.db.select().from(members).where(and(eq(members.cellId, cell.id)));
}

export const memberHeader = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chi bộ', 'Ngày vào Đảng', 'Ngày chính thức', 'Số thẻ đảng viên', 'Điện thoại', 'Email'];

export async function buildMemberXlsx(rows: (string | number | Date)[][], header = memberHeader): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('DS');
  sheet.addRow(header);
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function buildMemberCsv(rows: (string | number)[][], header = memberHeader): Buffer {
  const quote = (v: string | number) => `"${String(v).replace(/"/g, '""')}"`;
  return Buffer.from([header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n'), 'utf8');
}

/** A multipart/form-data body with one file, for inject(). */
export function multipartFile(bytes: Buffer, filename: string, contentType = 'application/octet-stream') {
  const boundary = `----qt${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
