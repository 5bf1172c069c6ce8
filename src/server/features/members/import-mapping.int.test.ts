// Mapping the names an office's workbook uses to the commune's cells and columns; the template.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp, type Session } from '../../../../test/support/app';
import { buildMemberXlsx, findUnit, memberHeader } from '../../../../test/support/factories';
import { auditLog } from '../audit/tables';
import { units } from '../units/tables';
import { memberImportMappings, members } from './tables';

let t: TestApp;
let staff: Session;
let communeId: string;
let cellId: string;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('vanphong');
  communeId = (await findUnit(t.database, 'Đảng ủy phường Nông Tiến')).id;
  cellId = (await findUnit(t.database, 'Chi bộ Tràng Đà 1')).id;
});
afterAll(() => t?.close());

const counts = async () => ({
  members: Number((await t.database.db.select({ n: count() }).from(members))[0]!.n),
  audit: Number((await t.database.db.select({ n: count() }).from(auditLog))[0]!.n),
  mappings: Number((await t.database.db.select({ n: count() }).from(memberImportMappings))[0]!.n),
});

/** A multipart body with the file and, after it, the `mappings` field (order must not matter). */
function form(bytes: Buffer, fields: Record<string, string> = {}) {
  const boundary = `----qt${Math.random().toString(16).slice(2)}`;
  const part = (head: string, body: Buffer | string) => Buffer.concat([Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.from(body), Buffer.from('\r\n')]);
  const payload = Buffer.concat([
    part('Content-Disposition: form-data; name="file"; filename="ds.xlsx"\r\nContent-Type: application/octet-stream', bytes),
    ...Object.entries(fields).map(([name, value]) => part(`Content-Disposition: form-data; name="${name}"`, value)),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function upload(session: Session, bytes: Buffer, mode: 'preview' | 'commit', mappings?: object, unitId = communeId) {
  const body = form(bytes, mappings ? { mappings: JSON.stringify(mappings) } : {});
  return session.inject({ method: 'POST', url: `/api/units/${unitId}/members/import?mode=${mode}`, ...body });
}

const OFFICE_NAME = 'Chi bộ Tổ dân phố Tràng Đà 1';
const officeRows = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => [i + 1, `Đinh Văn ${String.fromCharCode(65 + i)}`, '01/01/1970', 'Nam', OFFICE_NAME, '', '', `${prefix}${i}`, '', '']);

describe('cell names the commune does not use', () => {
  it('are listed once with their rows and suggestions; mapped, the rows import, and the mapping is remembered', async () => {
    const bytes = await buildMemberXlsx(officeRows('0888100', 3));
    const first = (await upload(staff, bytes, 'preview')).json();
    expect(first.issues).toEqual([{ row: 2, column: 'Chi bộ', message: `Không có chi bộ "${OFFICE_NAME}" trong đảng bộ (3 dòng). Hãy chọn chi bộ tương ứng.` }]);
    expect(first.cellNames).toHaveLength(1);
    expect(first.cellNames[0]).toMatchObject({ name: OFFICE_NAME, rows: [2, 3, 4], count: 3, chosen: null, remembered: false });
    expect(first.cellNames[0].suggestions[0]).toEqual({ id: cellId, name: 'Chi bộ Tràng Đà 1', score: 1 });
    expect(first.cellNames[0].suggestions.map((s: { name: string }) => s.name)).not.toContain('Chi bộ Tràng Đà 11');
    expect(first.cells.length).toBeGreaterThan(10);

    const mappings = { cells: { [OFFICE_NAME]: cellId } };
    const mapped = (await upload(staff, bytes, 'preview', mappings)).json();
    expect(mapped).toMatchObject({ valid: 3, toCreate: 3, issues: [] });
    expect(mapped.cellNames[0]).toMatchObject({ chosen: cellId, remembered: false });
    expect((await counts()).mappings).toBe(0); // a preview writes nothing

    const commit = await upload(staff, bytes, 'commit', mappings);
    expect(commit.statusCode).toBe(200);
    const imported = await t.database.db.select().from(members).where(eq(members.cardNumber, '08881000'));
    expect(imported[0]?.cellId).toBe(cellId);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'member-import.mappings'));
    expect(audit).toHaveLength(1);

    // The next file with the same name needs no mapping.
    const next = (await upload(staff, await buildMemberXlsx(officeRows('0888200', 2)), 'preview')).json();
    expect(next).toMatchObject({ valid: 2, issues: [] });
    expect(next.cellNames[0]).toMatchObject({ name: OFFICE_NAME, chosen: cellId, remembered: true });
  });

  it('refuses a mapping to a cell of another commune (403) or to a unit that is not a cell (400), writing nothing', async () => {
    const province = (await t.database.db.select().from(units).where(eq(units.kind, 'province')))[0]!;
    const otherCommune = randomUUID();
    const otherCell = randomUUID();
    await t.database.db.insert(units).values([
      { id: otherCommune, tenantId: otherCommune, parentId: province.id, kind: 'commune', name: 'Đảng ủy xã Khác', path: `${province.path}${otherCommune}/` },
      { id: otherCell, tenantId: otherCommune, parentId: otherCommune, kind: 'cell', name: 'Chi bộ Tràng Đà 1', path: `${province.path}${otherCommune}/${otherCell}/` },
    ]);
    const bytes = await buildMemberXlsx(officeRows('0888300', 2));
    const adminSession = await t.signIn('admin'); // signing in is audited: before counting
    const before = await counts();
    const cases: [string, number, string][] = [
      [otherCell, 403, 'forbidden'],
      [communeId, 400, 'members-import.mapping-not-cell'],
      [randomUUID(), 400, 'members-import.mapping-not-cell'],
    ];
    for (const [id, status, errorId] of cases) {
      for (const mode of ['preview', 'commit'] as const) {
        const res = await upload(staff, bytes, mode, { cells: { 'Chi bộ Khác': id } });
        expect({ mode, status: res.statusCode, id: res.json().error.id }).toEqual({ mode, status, id: errorId });
      }
    }
    // An administrator of both communes may not mix them either.
    const admin = await upload(adminSession, bytes, 'commit', { cells: { [OFFICE_NAME]: otherCell } });
    expect(admin.json().error.id).toBe('members-import.mapping-other-commune');
    const garbage = await upload(staff, bytes, 'commit', { cells: { x: 'not-a-uuid' } });
    expect(garbage.json().error.id).toBe('members-import.bad-mappings');
    expect(await counts()).toEqual(before);
  });
});

describe('column headers', () => {
  it('reads known synonyms and takes the user\'s mapping for an unknown header, remembered on commit', async () => {
    const header = ['TT', 'Họ tên', 'Ngày sinh', 'Giới tính', 'Nơi sinh hoạt', 'Ngày kết nạp', 'Ngày chính thức', 'Số thẻ', 'SĐT', 'Email'];
    const rows = [[1, 'Hà Thị Lan', '02/03/1975', 'Nữ', 'Chi bộ Tràng Đà 2', '01/01/2000', '01/01/2001', '0888 4001', '0912 000 111', '']];
    const bytes = await buildMemberXlsx(rows, header);
    const first = (await upload(staff, bytes, 'preview')).json();
    expect(first.issues.map((i: { message: string }) => i.message)).toEqual([expect.stringContaining('Cột "Nơi sinh hoạt" không đúng mẫu'), 'Thiếu cột "Chi bộ".']);
    expect(first.columns).toEqual([{ name: 'Nơi sinh hoạt', chosen: null, remembered: false, suggestions: expect.any(Array) }]);

    const mappings = { columns: { 'Nơi sinh hoạt': 'Chi bộ' } };
    expect((await upload(staff, bytes, 'commit', mappings)).statusCode).toBe(200);
    const [lan] = await t.database.db.select().from(members).where(eq(members.cardNumber, '08884001'));
    expect(lan).toMatchObject({ fullName: 'Hà Thị Lan', phone: '0912000111', joinedOn: '2000-01-01' });

    const again = (await upload(staff, bytes, 'preview')).json();
    expect(again).toMatchObject({ issues: [], toUpdate: 1 });
    expect(again.columns).toEqual([{ name: 'Nơi sinh hoạt', chosen: 'Chi bộ', remembered: true, suggestions: [] }]);
  });
});

describe('the XLSX template', () => {
  it('downloads with the header and an example row, and imports back with no issues once filled', async () => {
    const res = await staff.inject({ url: '/api/members/import-template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1, 11)).toEqual(memberHeader);
    expect(sheet.rowCount).toBe(2);
    sheet.getRow(2).getCell(5).value = 'Chi bộ Tràng Đà 3';
    sheet.getRow(2).getCell(8).value = '08885001';
    sheet.addRow(['2', 'Phạm Thị Hoa', '20/11/1990', 'Nữ', 'Tràng Đà 3', '', '', '', '', '', '']);
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = (await upload(staff, filled, 'preview')).json();
    expect(preview).toMatchObject({ total: 2, valid: 2, issues: [], cellNames: [], columns: [] });
  });
});

describe('who may import is asked before the upload is read', () => {
  it('answers 403 to a forbidden user whatever the file: oversized, garbage, or none', async () => {
    const secretary = await t.signIn('bithu');
    const before = await counts();
    for (const bytes of [Buffer.alloc(11 * 1024 * 1024, 'x'), Buffer.from('not a spreadsheet'), Buffer.alloc(0)]) {
      const res = await upload(secretary, bytes, 'commit');
      expect({ status: res.statusCode, id: res.json().error.id }).toEqual({ status: 403, id: 'forbidden' });
    }
    const noFile = await secretary.inject({ method: 'POST', url: `/api/units/${communeId}/members/import`, payload: {} });
    expect(noFile.statusCode).toBe(403);
    expect((await upload(staff, Buffer.alloc(11 * 1024 * 1024, 'x'), 'preview', undefined, cellId)).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });
});
