import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp, type Session } from '../../../../test/support/app';
import { buildMemberCsv, buildMemberXlsx, findUnit, memberHeader, multipartFile } from '../../../../test/support/factories';
import { auditLog } from '../audit/tables';
import { members } from './tables';

let t: TestApp;
let staff: Session;
let communeId: string;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('vanphong');
  communeId = (await findUnit(t.database, 'Đảng ủy phường Nông Tiến')).id;
});
afterAll(() => t?.close());

const memberCount = async () => Number((await t.database.db.select({ n: count() }).from(members))[0]!.n);
const auditCount = async () => Number((await t.database.db.select({ n: count() }).from(auditLog))[0]!.n);

function upload(session: Session, bytes: Buffer, name: string, mode: 'preview' | 'commit', unitId = communeId) {
  const { payload, headers } = multipartFile(bytes, name);
  return session.inject({ method: 'POST', url: `/api/units/${unitId}/members/import?mode=${mode}`, payload, headers });
}

const good = [
  [1, 'Hoàng Thị Ngọc Ánh', '03/04/1985', 'Nữ', 'Chi bộ Tràng Đà 5', '12/10/2010', '12/10/2011', '09990001', '0912 345 678', 'anh.ht@example.vn'],
  [2, 'Ma Văn Quyết', '1/1/1979', 'Nam', 'Tràng Đà 5', '2/9/2005', '2/9/2006', '09990002', '', ''],
];

describe('members import', () => {
  it('previews a file with one bad row, lists the reason, and imports nothing', async () => {
    const before = { members: await memberCount(), audit: await auditCount() };
    const rows = [...good, [3, 'Lý Thị Mến', '31/02/1980', 'Nữ', 'Chi bộ Tràng Đà 5', '01/01/2005', '01/01/2006', '09990003', '', '']];
    const bytes = await buildMemberXlsx(rows);
    const preview = await upload(staff, bytes, 'ds.xlsx', 'preview');
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ total: 3, valid: 2, toCreate: 2, toUpdate: 0 });
    expect(preview.json().issues).toEqual([{ row: 4, column: 'Ngày sinh', message: 'Ngày sinh "31/02/1980" không tồn tại.' }]);
    const commit = await upload(staff, bytes, 'ds.xlsx', 'commit');
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.id).toBe('members-import.invalid-rows');
    expect(await memberCount()).toBe(before.members);
    expect(await auditCount()).toBe(before.audit);
  });

  it('reports every kind of bad row in Vietnamese', async () => {
    const rows = [
      [1, '', '01/01/1980', 'Nam', 'Chi bộ Tràng Đà 5', '', '', '', '', ''],
      [2, 'Trần Văn Bình', '01/01/1980', 'Nam', 'Chi bộ Không Có', '', '', '', '', ''],
      [3, 'Trần Văn Cường', '01/01/1980', 'Khác', 'Chi bộ Tràng Đà 5', '', '', '', '', ''],
      [4, 'Trần Văn Dũng', '01/01/1980', 'Nam', 'Chi bộ Tràng Đà 5', '', '', '09990010', '', ''],
      [5, 'Trần Văn Đức', '01/01/1980', 'Nam', 'Chi bộ Tràng Đà 5', '', '', '09990010', '', ''],
      [6, 'Trần Văn Giang', '01/01/1980', 'Nam', 'Chi bộ Tràng Đà 5', '31/4/2010', '', '', '', ''],
    ];
    const res = await upload(staff, buildMemberCsv(rows), 'ds.csv', 'preview');
    const messages = res.json().issues.map((i: { row: number; message: string }) => `${i.row}: ${i.message}`);
    expect(messages).toEqual([
      '2: Thiếu họ và tên.',
      '3: Không có chi bộ "Chi bộ Không Có" trong đảng bộ. Hãy chọn chi bộ tương ứng.',
      '4: Giới tính "Khác" không hợp lệ (ghi "Nam" hoặc "Nữ").',
      '6: Số thẻ 09990010 trùng với dòng 5.',
      '7: Ngày vào Đảng "31/4/2010" không tồn tại.',
    ]);
  });

  it('refuses a wrong column header', async () => {
    const header = [...memberHeader];
    header[1] = 'Tên';
    const res = await upload(staff, buildMemberCsv([good[0]!.map(String)], header), 'ds.csv', 'preview');
    expect(res.json().issues.map((i: { message: string }) => i.message)).toEqual([
      expect.stringContaining('Cột "Tên" không đúng mẫu'),
      'Thiếu cột "Họ và tên".',
    ]);
  });

  it('imports all rows of a valid file in one go, audited, and updates them on a second import', async () => {
    const before = await memberCount();
    const bytes = await buildMemberXlsx(good);
    const res = await upload(staff, bytes, 'ds.xlsx', 'commit');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ valid: 2, toCreate: 2 });
    expect(await memberCount()).toBe(before + 2);
    const [anh] = await t.database.db.select().from(members).where(eq(members.cardNumber, '09990001'));
    expect(anh).toMatchObject({ fullName: 'Hoàng Thị Ngọc Ánh', gender: 'female', birthDate: '1985-04-03', joinedOn: '2010-10-12', phone: '0912345678' });
    const again = await upload(staff, bytes, 'ds.xlsx', 'commit');
    expect(again.json()).toMatchObject({ toCreate: 0, toUpdate: 2 });
    expect(await memberCount()).toBe(before + 2);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, anh!.id));
    expect(audit.map((a) => a.action)).toEqual(['member.import-create', 'member.import-update']);
  });

  it('refuses files that are not XLSX/CSV, empty, or over 10 MB, writing nothing', async () => {
    const before = await memberCount();
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const cases: [Buffer, string, number, string][] = [
      [png, 'anh.xlsx', 415, 'members-import.unsupported-type'],
      [Buffer.alloc(0), 'rong.csv', 400, 'members-import.empty'],
      [Buffer.from('PK\u0003\u0004 not really a zip'), 'hong.xlsx', 400, 'members-import.bad-xlsx'],
      [Buffer.alloc(10 * 1024 * 1024 + 10, 'a'), 'lon.csv', 413, 'payload-too-large'],
    ];
    for (const [bytes, name, status, id] of cases) {
      const res = await upload(staff, bytes, name, 'commit');
      expect({ name, status: res.statusCode, id: res.json().error.id }).toEqual({ name, status, id });
      expect(res.json().error.message).toMatch(/[à-ỹ]/u);
    }
    const noFile = await staff.inject({ method: 'POST', url: `/api/units/${communeId}/members/import`, payload: {} });
    expect(noFile.json().error.id).toBe('upload.no-file');
    expect(await memberCount()).toBe(before);
  });

  it('allows only ward staff and administrators of the commune', async () => {
    const bytes = await buildMemberXlsx(good);
    for (const username of ['bithu', 'thuongtruc', 'ubnd', 'dangvien', 'tinhuy']) {
      const res = await upload(await t.signIn(username), bytes, 'ds.xlsx', 'preview');
      expect({ username, status: res.statusCode }).toEqual({ username, status: 403 });
    }
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 5');
    expect((await upload(staff, bytes, 'ds.xlsx', 'preview', cell.id)).statusCode).toBe(403);
    expect((await upload(await t.signIn('admin'), bytes, 'ds.xlsx', 'preview')).statusCode).toBe(200);
  });
});

describe('members export', () => {
  it('exports a cell in the import format, which imports back without errors', async () => {
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    const secretary = await t.signIn('bithu');
    const res = await secretary.inject({ url: `/api/units/${cell.id}/members/export?format=xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const header = (workbook.worksheets[0]!.getRow(1).values as string[]).slice(1);
    expect(header.slice(0, 10)).toEqual(memberHeader);
    const back = await upload(staff, res.rawPayload, 'export.xlsx', 'preview');
    expect(back.json().issues).toEqual([]);
    expect(back.json().total).toBe(workbook.worksheets[0]!.rowCount - 1);

    const csv = await secretary.inject({ url: `/api/units/${cell.id}/members/export?format=csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFSTT,Họ và tên')).toBe(true);
  });
});
