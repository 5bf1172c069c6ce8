// The tree from a spreadsheet: preview lists every bad row, commit writes all or nothing, export
// writes the same columns and imports again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, like } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { buildCommune, buildMemberCsv, findUnit, multipartFile } from '../../../../test/support/factories';
import { auditLog } from '../audit/tables';
import { units, type Unit } from './tables';

let t: TestApp;
let staff: Session;
let commune: Unit;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('vanphong');
  commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
});
afterAll(() => t?.close());

const header = ['STT', 'Tên đơn vị', 'Loại', 'Trực thuộc'];
const unitCount = async () => Number((await t.database.db.select({ n: count() }).from(units))[0]!.n);
const auditCount = async () => Number((await t.database.db.select({ n: count() }).from(auditLog))[0]!.n);

async function xlsx(rows: (string | number)[][], title?: string) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cây');
  if (title) sheet.addRow([title]);
  sheet.addRow(header);
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function upload(s: Session, bytes: Buffer, mode: 'preview' | 'commit', unitId = commune.id) {
  const { payload, headers } = multipartFile(bytes, 'cay.xlsx');
  return s.inject({ method: 'POST', url: `/api/units/${unitId}/import?mode=${mode}`, payload, headers });
}

const good = [
  [1, 'Chi bộ Khu Công nghiệp 1', 'Chi bộ', 'Đảng bộ Khu Công nghiệp'],
  [2, 'Đảng bộ Khu Công nghiệp', 'Đảng bộ cơ sở', ''],
  [3, 'Chi bộ Khu Công nghiệp 2', 'chi bo', 'Đảng bộ Khu Công nghiệp'],
  [4, 'Tổ dân phố Tân Lập', 'Tổ dân phố', 'Đảng ủy phường Nông Tiến'],
  [5, 'Hội Người cao tuổi phường', 'Đoàn thể/Mặt trận', ''],
  [6, 'Chi bộ Phân xưởng Đóng bao', 'Chi bộ', 'Đảng bộ Công ty cổ phần Xi măng Tân Quang'],
];

describe('importing the tree', () => {
  it('lists every bad row with its spreadsheet row number, and commit writes nothing', async () => {
    const bytes = await xlsx(
      [
        [1, 'Chi bộ A', 'Chi bộ', 'Đảng bộ Không Có'],
        [2, 'Đảng bộ X', 'Đảng bộ cơ sở', 'Đảng bộ Y'],
        [3, 'Đảng bộ Y', 'Đảng bộ cơ sở', 'Đảng bộ X'],
        [4, 'Hợp tác xã Mới', 'Hợp tác xã', ''],
        [5, 'Chi bộ Tràng Đà 1', 'Chi bộ', 'Đảng ủy phường Nông Tiến'],
        [6, 'Chi bộ Trùng', 'Chi bộ', ''],
        [7, 'chi bo trung', 'Chi bộ', ''],
        [8, '', 'Chi bộ', ''],
        [9, 'Chi bộ Tốt', 'Chi bộ', ''],
      ],
      'CÂY TỔ CHỨC ĐẢNG BỘ PHƯỜNG',
    );
    const [before, audit] = [await unitCount(), await auditCount()];
    const preview = await upload(staff, bytes, 'preview');
    expect(preview.statusCode, preview.body).toBe(200);
    const body = preview.json();
    expect(body.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5, 6, 9, 10]);
    expect(body.errors.find((e: { row: number }) => e.row === 7)).toBeUndefined();
    expect(body.errors.map((e: { message: string }) => e.message).join('\n')).toMatch(/Không tìm thấy đơn vị trực thuộc "Đảng bộ Không Có"[\s\S]*Vòng lặp[\s\S]*Loại "Hợp tác xã" không có[\s\S]*Trùng tên với dòng 8[\s\S]*Thiếu tên đơn vị/u);
    const commit = await upload(staff, bytes, 'commit');
    expect(commit.statusCode).toBe(400);
    expect(commit.json().error.id).toBe('units-import.invalid-rows');
    expect(commit.json().error.details.errors.length).toBe(body.errors.length);
    expect(await unitCount()).toBe(before);
    expect(await auditCount()).toBe(audit);
  });

  it('previews then commits a good file: rows in any order, parents from the file or the tree', async () => {
    const bytes = await xlsx(good);
    const before = await unitCount();
    const preview = (await upload(staff, bytes, 'preview')).json();
    expect(preview).toMatchObject({ units: 6, unchanged: 0, errors: [] });
    expect(preview.rows.map((r: { name: string; parentName: string }) => [r.name, r.parentName])).toContainEqual(['Chi bộ Khu Công nghiệp 1', 'Đảng bộ Khu Công nghiệp']);
    expect(await unitCount()).toBe(before);
    const commit = await upload(staff, bytes, 'commit');
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ units: 6, errors: [] });
    expect(await unitCount()).toBe(before + 6);
    const org = await findUnit(t.database, 'Đảng bộ Khu Công nghiệp');
    const cells = await t.database.db.select().from(units).where(like(units.path, `${org.path}%_`));
    expect(cells.filter((c) => c.id !== org.id).map((c) => c.name).sort()).toEqual(['Chi bộ Khu Công nghiệp 1', 'Chi bộ Khu Công nghiệp 2']);
    expect((await findUnit(t.database, 'Chi bộ Phân xưởng Đóng bao')).parentId).toBe((await findUnit(t.database, 'Đảng bộ Công ty cổ phần Xi măng Tân Quang')).id);
    // The same file again changes nothing.
    expect((await upload(staff, bytes, 'preview')).json()).toMatchObject({ units: 0, unchanged: 6, errors: [] });
  });

  it('reads CSV too', async () => {
    const csv = buildMemberCsv([[1, 'Tổ dân phố CSV', 'to dan pho', '']], header);
    const { payload, headers } = multipartFile(csv, 'cay.csv');
    const res = await staff.inject({ method: 'POST', url: `/api/units/${commune.id}/import?mode=preview`, payload, headers });
    expect(res.json()).toMatchObject({ units: 1, errors: [] });
  });

  it('is refused to those who may not manage the tree, and another commune is not found', async () => {
    const bytes = await xlsx(good);
    for (const username of ['thuongtruc', 'bithu', 'tinhuy']) expect((await upload(await t.signIn(username), bytes, 'preview')).statusCode).toBe(403);
    const second = await buildCommune(t.database, 'Đảng ủy xã Nhập Cây');
    const before = await unitCount();
    expect((await upload(staff, bytes, 'commit', second.id)).statusCode).toBe(404);
    expect(await unitCount()).toBe(before);
  });
});

describe('exporting the tree', () => {
  it('writes the same columns, imports again into another commune as the same tree', async () => {
    const res = await staff.inject({ url: `/api/units/${commune.id}/export?format=xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    const exported = sheet.rowCount - 1;
    const below = Number((await t.database.db.select({ n: count() }).from(units).where(like(units.path, `${commune.path}_%`)))[0]!.n);
    expect(exported).toBe(below);

    const admin = await t.signIn('admin');
    const second = await buildCommune(t.database, 'Đảng ủy phường Sao Chép');
    const commit = await upload(admin, res.rawPayload, 'commit', second.id);
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ units: exported, errors: [] });
    const csv = (id: string) => admin.inject({ url: `/api/units/${id}/export?format=csv` }).then((r) => r.body);
    expect(await csv(second.id)).toBe(await csv(commune.id));
  });

  it('leaves closed units out, and offers the template', async () => {
    const group = await findUnit(t.database, 'Tổ dân phố Khuôn Hấu 4');
    await t.database.db.update(units).set({ closedOn: '2020-01-01' }).where(eq(units.id, group.id));
    const csv = (await staff.inject({ url: `/api/units/${commune.id}/export?format=csv` })).body;
    expect(csv).not.toContain('Tổ dân phố Khuôn Hấu 4');
    expect(csv.split('\n')[0]).toBe('\uFEFFSTT,Tên đơn vị,Loại,Trực thuộc');
    const template = await staff.inject({ url: '/api/units/import-template.xlsx' });
    expect(template.statusCode).toBe(200);
    const preview = await upload(staff, template.rawPayload, 'preview');
    expect(preview.json()).toMatchObject({ units: 3, errors: [] });
    expect((await (await t.signIn('bithu')).inject({ url: '/api/units/import-template.xlsx' })).statusCode).toBe(403);
  });
});
