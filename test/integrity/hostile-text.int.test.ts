// Hostile input (issue 15, item 4): markup, SQL and formulas stored through the API come back as text in
// the public page, a DOCX and an XLSX. See hostile-input.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { type Session, type TestApp } from '../support/app';
import { SCRIPT, SQL } from '../support/hostile';
import { members } from '../../src/server/features/members/tables';
import { units } from '../../src/server/features/units/tables';
import { resolutions } from '../../src/server/features/resolutions/tables';
import { startHostileWorld } from '../support/hostile-world';

let t: TestApp;
let staff: Session;
let communeId: string;
let cellId: string;
let planId: string;
let resolutionId: string;
beforeAll(async () => {
  ({ t, staff, communeId, cellId, planId, resolutionId } = await startHostileWorld());
}, 120_000);
afterAll(() => t?.close());

// --- markup, SQL and formulas shown as text -------------------------------------------------------

const spreadsheetCells = async (bytes: Buffer) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells: ExcelJS.Cell[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
  return cells;
};
const docxText = async (bytes: Buffer) => (await mammoth.extractRawText({ buffer: bytes })).value;

describe('markup, SQL and formulas are stored and shown as text', () => {
  const name = `${SCRIPT} ${SQL}`;
  const formulas = ['=HYPERLINK("http://x","y")', '+84912345678', '-1+2', '@SUM(A1)'];

  it('a member’s name: in the members’ XLSX and CSV, the member’s record (DOCX) and the cell’s record (XLSX)', async () => {
    const [member] = await t.database.db.select().from(members).where(eq(members.cellId, cellId)).limit(1);
    const edit = await staff.inject({ method: 'PATCH', url: `/api/members/${member!.id}`, payload: { version: member!.version, fullName: name, phone: formulas[0], email: null } });
    expect(edit.statusCode, edit.body).toBe(200);
    expect((await t.database.db.select().from(members).where(eq(members.id, member!.id)))[0]!.fullName).toBe(name);
    expect(await t.database.db.select({ n: count() }).from(units)).not.toEqual([{ n: 0 }]);

    const xlsx = await staff.inject({ url: `/api/units/${cellId}/members/export?format=xlsx` });
    expect(xlsx.statusCode).toBe(200);
    const cells = await spreadsheetCells(xlsx.rawPayload);
    const nameCell = cells.find((c) => c.value === name);
    expect(nameCell?.type).toBe(ExcelJS.ValueType.String);
    const phoneCell = cells.find((c) => c.value === formulas[0]);
    expect(phoneCell?.type, 'a phone that looks like a formula stays a text cell').toBe(ExcelJS.ValueType.String);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);

    const docx = await staff.inject({ url: `/api/members/${member!.id}/record.docx?year=2026` });
    expect(docx.statusCode).toBe(200);
    expect(await docxText(docx.rawPayload)).toContain(name);

    const record = await staff.inject({ url: `/api/units/${cellId}/record.xlsx?year=2026` });
    expect(record.statusCode).toBe(200);
    const recordCells = await spreadsheetCells(record.rawPayload);
    expect(recordCells.find((c) => c.value === name)?.type).toBe(ExcelJS.ValueType.String);
    expect(recordCells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
  });

  it('every text that looks like a formula is a text cell in an XLSX export, value unchanged', async () => {
    const [member] = await t.database.db.select().from(members).where(eq(members.cellId, cellId)).limit(1).offset(1);
    for (const phone of formulas) {
      const current = (await t.database.db.select().from(members).where(eq(members.id, member!.id)))[0]!;
      const edit = await staff.inject({ method: 'PATCH', url: `/api/members/${member!.id}`, payload: { version: current.version, phone } });
      expect(edit.statusCode, edit.body).toBe(200);
      const cells = await spreadsheetCells((await staff.inject({ url: `/api/units/${cellId}/members/export?format=xlsx` })).rawPayload);
      expect(cells.find((c) => c.value === phone)?.type, phone).toBe(ExcelJS.ValueType.String);
      expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || c.formula)).toEqual([]);
    }
  });

  it('a resolution’s subject and a propaganda item’s title: escaped in the public page, literal in the plan’s DOCX', async () => {
    const [resolution] = await t.database.db.select().from(resolutions).where(eq(resolutions.id, resolutionId));
    const edit = await staff.inject({ method: 'PATCH', url: `/api/resolutions/${resolutionId}`, payload: { version: resolution!.version, subject: name } });
    expect(edit.statusCode, edit.body).toBe(200);
    const entry = await staff.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: { id: crypto.randomUUID(), unitId: cellId, channel: 'facebook', on: '2026-05-21', title: `${SQL} ${SCRIPT}`, public: true } });
    expect(entry.statusCode, entry.body).toBe(201);

    const list = await t.app.inject({ url: `/p/resolutions?xa=${communeId}` });
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain('<script>');
    expect(list.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &#39;; DROP TABLE units; --');
    const slug = /href="(\/p\/resolutions\/[^"]+)"/u.exec(list.body.slice(list.body.indexOf('<main>')))![1]!;
    const page = await t.app.inject({ url: slug });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('<script>');
    expect(page.body).toContain('&#39;; DROP TABLE units; -- &lt;script&gt;alert(1)&lt;/script&gt;');

    // A plan drafted from the template takes the resolution's subject into its text and its DOCX.
    const draft = await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'template', resolutionId } });
    expect(draft.statusCode, draft.body).toBe(201);
    const docx = await staff.inject({ url: `/api/plans/${draft.json().id}/document?format=docx` });
    expect(docx.statusCode, docx.body.slice(0, 300)).toBe(200);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain(SCRIPT);
    expect(text).toContain(SQL);
  });
});
