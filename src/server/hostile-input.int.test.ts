// Defects found by probing (issue 7): control characters and broken Unicode, formulas in CSV
// exports, the plan import's 413, file names with direction marks, impossible member dates, and a
// zip bomb in the members import. Each bad request is refused and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { parse as parseCsv } from 'csv-parse/sync';
import { startTestApp, type Session, type TestApp } from '../../test/support/app';
import { buildMemberXlsx, findUnit, membersOf, multipartFile } from '../../test/support/factories';
import { auditLog } from './features/audit/tables';
import { members } from './features/members/tables';
import { resolutions } from './features/resolutions/tables';

let t: TestApp;
let staff: Session;
let memberId: string;
let resolutionId: string;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('vanphong');
  memberId = (await membersOf(t.database, 'Chi bộ Tràng Đà 1'))[0]!.id;
  resolutionId = (await staff.inject({ url: '/api/resolutions?q=91-NQ/TU' })).json().resolutions[0].id;
});
afterAll(() => t?.close());

const auditCount = async () => Number((await t.database.db.select({ n: count() }).from(auditLog))[0]!.n);
const memberRow = async () => (await t.database.db.select().from(members).where(eq(members.id, memberId)))[0]!;
const resolutionRow = async () => (await t.database.db.select().from(resolutions).where(eq(resolutions.id, resolutionId)))[0]!;

async function expectRefused(request: Promise<{ statusCode: number; json(): { error: { id: string; message: string } } }>, id: string) {
  const res = await request;
  expect(res.statusCode).toBe(400);
  expect(res.json().error.id).toBe(id);
  expect(res.json().error.message).toMatch(/[àáảãạăâđêôơư]/u); // Vietnamese, for a person
  return res;
}

describe('text that is not what a person types', () => {
  it('refuses NUL and other control characters in bodies and queries, and changes nothing', async () => {
    const before = { member: await memberRow(), resolution: await resolutionRow(), audit: await auditCount() };
    const version = before.member.version;
    await expectRefused(staff.inject({ method: 'PATCH', url: `/api/members/${memberId}`, payload: { version, phone: '0912\u0000345678' } }), 'text.control-character');
    await expectRefused(staff.inject({ method: 'PATCH', url: `/api/members/${memberId}`, payload: { version, fullName: 'Nguyễn\u0007 Văn A' } }), 'text.control-character');
    await expectRefused(
      staff.inject({ method: 'PATCH', url: `/api/resolutions/${resolutionId}`, payload: { version: before.resolution.version, subject: 'a\u0000b' } }),
      'text.control-character',
    );
    await expectRefused(staff.inject({ url: '/api/members/search?q=a%00b' }), 'text.control-character');
    await expectRefused(staff.inject({ url: '/api/resolutions?q=a%00b' }), 'text.control-character');
    expect(await memberRow()).toEqual(before.member);
    expect(await resolutionRow()).toEqual(before.resolution);
    expect(await auditCount()).toBe(before.audit);
  });

  it('keeps line breaks and tabs, which people do type', async () => {
    const before = await resolutionRow();
    const content = 'Dòng một\nDòng hai\r\n\tthụt lề';
    const res = await staff.inject({ method: 'PATCH', url: `/api/resolutions/${resolutionId}`, payload: { version: before.version, content } });
    expect(res.statusCode).toBe(200);
    expect((await resolutionRow()).content).toBe(content);
  });

  it('refuses bytes that are not UTF-8 and unpaired surrogates instead of storing "�"', async () => {
    const before = { member: await memberRow(), audit: await auditCount() };
    const json = Buffer.concat([Buffer.from(`{"version":${before.member.version},"phone":"09`), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    await expectRefused(
      staff.inject({ method: 'PATCH', url: `/api/members/${memberId}`, payload: json, headers: { 'content-type': 'application/json' } }),
      'text.invalid-utf8',
    );
    await expectRefused(
      staff.inject({
        method: 'PATCH',
        url: `/api/members/${memberId}`,
        payload: `{"version":${before.member.version},"fullName":"Nguy\\ud800n Văn A"}`,
        headers: { 'content-type': 'application/json' },
      }),
      'text.invalid-unicode',
    );
    await expectRefused(staff.inject({ url: '/api/members/search?q=%FF%FE' }), 'text.invalid-utf8');
    expect(await memberRow()).toEqual(before.member);
    expect(await auditCount()).toBe(before.audit);
  });
});

describe('CSV exports', () => {
  it('neutralise a cell that a spreadsheet would run as a formula', async () => {
    const current = await memberRow();
    const formula = "=cmd|' /C calc'!A0";
    const edit = await staff.inject({ method: 'PATCH', url: `/api/members/${memberId}`, payload: { version: current.version, phone: formula } });
    expect(edit.statusCode).toBe(200);
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    const csv = await staff.inject({ url: `/api/units/${cell.id}/members/export?format=csv` });
    expect(csv.statusCode).toBe(200);
    const rows: string[][] = parseCsv(csv.body.replace(/^\uFEFF/u, ''));
    const phones = rows.slice(1).map((r) => r[8]!);
    expect(phones).toContain(`'${formula}`);
    expect(rows.flat().some((value) => /^[=+\-@\t\r]/u.test(value))).toBe(false);
  });
});

describe('limits and names', () => {
  it('says the plan import’s own limit in its 413', async () => {
    const text = 'a'.repeat(10 * 1024 * 1024 + 100);
    const res = await staff.inject({ method: 'POST', url: '/api/plans/import', payload: { text } });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('tối đa 10 MB');
  });

  it('drops direction marks and controls from an attachment’s name', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const res = await staff.inject({ method: 'POST', url: `/api/resolutions/${resolutionId}/attachments`, ...multipartFile(pdf, 'hoa-don\u202Excod.pdf') });
    expect(res.statusCode).toBe(201);
    expect(res.json().fileName).toBe('hoa-don xcod.pdf');
  });
});

describe('member dates that tell an impossible life', () => {
  const cases: [string, Record<string, string>][] = [
    ['born in 9999', { birthDate: '9999-01-01' }],
    ['born before 1900', { birthDate: '1899-12-31' }],
    ['admitted before birth', { birthDate: '1980-05-01', joinedOn: '1979-01-01' }],
    ['admitted at 17', { birthDate: '1980-05-01', joinedOn: '1998-04-30' }],
    ['official before admission', { birthDate: '1980-05-01', joinedOn: '2005-01-01', officialOn: '2004-12-31' }],
  ];
  for (const [name, dates] of cases) {
    it(`refuses a member ${name} and changes nothing`, async () => {
      const before = { member: await memberRow(), audit: await auditCount() };
      const res = await expectRefused(staff.inject({ method: 'PATCH', url: `/api/members/${memberId}`, payload: { version: before.member.version, ...dates } }), 'member.dates-invalid');
      expect(res.json().error.message.length).toBeGreaterThan(10);
      expect(await memberRow()).toEqual(before.member);
      expect(await auditCount()).toBe(before.audit);
    });
  }

  it('accepts admission on the 18th birthday', async () => {
    const current = await memberRow();
    const res = await staff.inject({ method: 'PATCH', url: `/api/members/${memberId}`, payload: { version: current.version, birthDate: '1980-05-01', joinedOn: '1998-05-01', officialOn: '1999-05-01' } });
    expect(res.statusCode).toBe(200);
  });

  it('lists the same rules in the members import preview', async () => {
    const communeId = (await findUnit(t.database, 'Đảng ủy phường Nông Tiến')).id;
    const bytes = await buildMemberXlsx([
      [1, 'Hoàng Văn Một', '01/01/9999', 'Nam', 'Chi bộ Tràng Đà 5', '', '', '', '', ''],
      [2, 'Hoàng Văn Hai', '01/05/1990', 'Nam', 'Chi bộ Tràng Đà 5', '01/05/2007', '', '', '', ''],
    ]);
    const res = await staff.inject({ method: 'POST', url: `/api/units/${communeId}/members/import?mode=preview`, ...multipartFile(bytes, 'ds.xlsx') });
    expect(res.statusCode).toBe(200);
    expect(res.json().issues).toEqual([
      { row: 2, column: 'Ngày sinh', message: 'Ngày sinh không thể sau ngày hôm nay.' },
      { row: 3, column: 'Ngày vào Đảng', message: 'Ngày vào Đảng phải khi đủ 18 tuổi trở lên.' },
    ]);
  });
});

describe('a zip bomb in the members import', () => {
  const importXlsx = async (bytes: Buffer) => {
    const communeId = (await findUnit(t.database, 'Đảng ủy phường Nông Tiến')).id;
    return staff.inject({ method: 'POST', url: `/api/units/${communeId}/members/import?mode=preview`, ...multipartFile(bytes, 'ds.xlsx') });
  };

  it('is refused from the sizes its directory declares, before anything is inflated', async () => {
    const bomb = await new JSZip()
      .file('xl/worksheets/sheet1.xml', new Uint8Array(64 * 1024 * 1024))
      .generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const before = await t.database.db.select({ n: count() }).from(members);
    const res = await importXlsx(bomb);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe('members-import.zip-bomb');
    expect(await t.database.db.select({ n: count() }).from(members)).toEqual(before);
  });

  it('is refused when it lies about its sizes', async () => {
    const zip = Buffer.from(await new JSZip().file('xl/worksheets/sheet1.xml', 'x'.repeat(50_000)).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    zip.writeUInt32LE(100, zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    const res = await importXlsx(zip);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.id).toBe('members-import.zip-bomb');
  });

  it('still reads an honest workbook', async () => {
    const res = await importXlsx(await buildMemberXlsx([[1, 'Hoàng Văn Ba', '01/05/1990', 'Nam', 'Chi bộ Tràng Đà 5', '01/05/2010', '', '', '', '']]));
    expect(res.statusCode).toBe(200);
    expect(res.json().issues).toEqual([]);
  });
});
