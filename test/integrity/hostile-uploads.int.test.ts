// Hostile input (issue 15, item 4), the uploads: every route that takes a file gets random bytes, corrupt
// and truncated office files, zip bombs, an XML entity bomb, a file over the limit, and file names with
// "../", NUL and controls; a refused upload writes nothing (rows, audit, files). See hostile-input.int.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { type Session, type TestApp } from '../support/app';
import { buildMemberCsv, buildMemberXlsx, multipartFile } from '../support/factories';
import { buildZip, deepJson, entityBombXml, noiseText, SCRIPT, SQL, wideZipBomb, zipBomb } from '../support/hostile';
import { MAX_UPLOAD_BYTES } from '../../src/server/app';
import { auditLog } from '../../src/server/features/audit/tables';
import { members } from '../../src/server/features/members/tables';
import { units } from '../../src/server/features/units/tables';
import { attachments } from '../../src/server/features/resolutions/tables';
import { rubrics } from '../../src/server/features/reports/tables';
import { taskEvidence } from '../../src/server/features/tasks/tables';
import { TINY_PDF, TINY_PNG } from '../support/route-ids';
import { fcOptions, send, expectSane, routesOf, isMultipart, eachRoute, startHostileWorld } from '../support/hostile-world';

let t: TestApp;
let admin: Session;
let staff: Session;
let communeId: string;
let resolutionId: string;
let ids: Record<string, string[]>;
beforeAll(async () => {
  ({ t, admin, staff, communeId, resolutionId, ids } = await startHostileWorld());
}, 120_000);
afterAll(() => t?.close());

// --- uploads ----------------------------------------------------------------------------------------

/** Every upload the server takes, how it is addressed, who sends it, and the limit it names. */
const UPLOADS: Record<string, { url: () => string; as: () => Session; kind: 'plan' | 'sheet' | 'document' | 'evidence' | 'rubric' }> = {
  'POST /api/plans/import': { url: () => '/api/plans/import', as: () => staff, kind: 'plan' },
  'POST /api/units/:id/import': { url: () => `/api/units/${communeId}/import?mode=commit`, as: () => staff, kind: 'sheet' },
  'POST /api/units/:id/members/import': { url: () => `/api/units/${communeId}/members/import?mode=commit`, as: () => staff, kind: 'sheet' },
  'POST /api/resolutions/:id/attachments': { url: () => `/api/resolutions/${resolutionId}/attachments`, as: () => staff, kind: 'document' },
  'POST /api/propaganda/:id/attachments': { url: () => `/api/propaganda/${ids.entry![0]}/attachments`, as: () => staff, kind: 'evidence' },
  'POST /api/tasks/:id/evidence': { url: () => `/api/tasks/${ids.task![0]}/evidence`, as: () => staff, kind: 'evidence' },
  'POST /api/rubrics/import': { url: () => '/api/rubrics/import', as: () => admin, kind: 'rubric' },
};

const pdf = TINY_PDF;
const png = TINY_PNG;

async function realDocx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>KẾ HOẠCH ${noiseText(2_000)}</w:t></w:r></w:p></w:body></w:document>`);
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A readable office file whose one XML part is an entity-expansion bomb. */
async function entityBomb(kind: 'docx' | 'xlsx'): Promise<Buffer> {
  const zip = await JSZip.loadAsync(kind === 'docx' ? await realDocx() : await buildMemberXlsx([[1, 'Hoàng Văn Một', '01/01/1980', 'Nam', 'Chi bộ Tràng Đà 1', '', '', '', '', '']]));
  zip.file(kind === 'docx' ? 'word/document.xml' : 'xl/sharedStrings.xml', entityBombXml(kind === 'docx' ? 'w:document' : 'sst'));
  return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** A zip whose one entry's deflated data is garbage (the directory is fine). */
function corruptZip(): Buffer {
  return buildZip([{ name: 'word/document.xml', data: Buffer.from(noiseText(500), 'latin1'), method: 8, uncompressedSize: 4_000 }, { name: '[Content_Types].xml', data: Buffer.from('<Types/>'), method: 0, uncompressedSize: 8 }]);
}

/** Everything written by an upload: rows of the tables uploads write, the audit, files on disk. */
async function written() {
  const db = t.database.db;
  const n = async (table: Parameters<ReturnType<typeof db.select>['from']>[0]) => Number((await db.select({ n: count() }).from(table))[0]!.n);
  return {
    attachments: await n(attachments),
    evidence: await n(taskEvidence),
    members: await n(members),
    units: await n(units),
    rubrics: await n(rubrics),
    audit: await n(auditLog),
    files: storedFiles().length,
  };
}

/** Files under the store, as paths relative to it. */
function storedFiles(): string[] {
  const root = t.env.QT_FILES_DIR;
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  walk(root);
  return out;
}

describe('uploads', () => {
  it('the table above names every route that takes a file', () => {
    const taking = routesOf((r) => isMultipart(r)).map((r) => `${r.method} ${r.url}`);
    // The rubric import reads its file without declaring multipart in its schema: listed by hand.
    expect([...taking, 'POST /api/rubrics/import'].sort()).toEqual(Object.keys(UPLOADS).sort());
  });

  const cases: { name: string; bytes: () => Promise<Buffer> | Buffer; fileName?: string; expect?: number | 'refused' }[] = [
    { name: 'an empty file', bytes: () => Buffer.alloc(0) },
    { name: 'a truncated DOCX', bytes: async () => (await realDocx()).subarray(0, 700) },
    { name: 'a truncated XLSX', bytes: async () => (await buildMemberXlsx([[1, 'Hoàng Văn Một', '01/01/1980', 'Nam', 'Chi bộ Tràng Đà 1', '', '', '', '', '']])).subarray(0, 1_500), fileName: 'ds.xlsx' },
    { name: 'a zip with garbage inside', bytes: corruptZip },
    { name: 'a DOCX zip bomb (2 GiB of zeros, declared)', bytes: () => zipBomb('docx') },
    { name: 'a DOCX zip bomb that declares 1 KB', bytes: () => zipBomb('docx', { honest: false }) },
    { name: 'an XLSX zip bomb (2 GiB of zeros, declared)', bytes: () => zipBomb('xlsx'), fileName: 'ds.xlsx' },
    { name: 'an XLSX zip bomb that declares 1 KB', bytes: () => zipBomb('xlsx', { honest: false }), fileName: 'ds.xlsx' },
    { name: 'an XLSX zip bomb of 300 entries of 8 MiB each', bytes: () => wideZipBomb('xlsx'), fileName: 'ds.xlsx' },
    { name: 'a DOCX with an XML entity bomb', bytes: () => entityBomb('docx') },
    { name: 'an XLSX with an XML entity bomb', bytes: () => entityBomb('xlsx'), fileName: 'ds.xlsx' },
    { name: 'a file one byte over the multipart limit', bytes: () => Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0x41), expect: 413 },
  ];

  for (const c of cases) {
    it(`${c.name}: refused by every upload, nothing written`, async () => {
      const bytes = await c.bytes();
      await eachRoute(routesOf((r) => `${r.method} ${r.url}` in UPLOADS), async (route) => {
        const upload = UPLOADS[`${route.method} ${route.url}`]!;
        const before = await written();
        const res = await send(upload.as(), { method: 'POST', url: upload.url(), ...multipartFile(bytes, c.fileName ?? (upload.kind === 'sheet' || upload.kind === 'rubric' ? 'ds.xlsx' : 'tai-lieu.docx')) });
        expectSane(res, c.name);
        // Entity bombs are refused by a parser that does not expand entities, or read as plain text.
        if (c.name.includes('entity') && res.statusCode < 300) return;
        expect(res.statusCode, res.body.slice(0, 200)).toBe(c.expect === 413 ? 413 : res.statusCode >= 400 && res.statusCode < 500 ? res.statusCode : 400);
        // A zip bomb is named as such wherever a zip is taken (a plan import takes no .xlsx: not its type).
        // (The rubric's 2 MB limit refuses the bombs whole, before the zip is looked at.)
        if (c.name.includes('zip bomb') && !(upload.kind === 'plan' && c.fileName === 'ds.xlsx') && res.statusCode !== 413) expect(res.json().error.id, res.body).toMatch(/zip-bomb$/u);
        expect(await written()).toEqual(before);
      });
    });
  }

  it('random bytes are refused by every upload, nothing written', async () => {
    await eachRoute(routesOf((r) => `${r.method} ${r.url}` in UPLOADS), async (route) => {
      const upload = UPLOADS[`${route.method} ${route.url}`]!;
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 4_096 }), fc.constantFrom('a.docx', 'a.xlsx', 'a.csv', 'a.pdf', 'a.txt', 'a'), async (raw, fileName) => {
          // A PDF, PNG or JPEG signature is the one thing random bytes are not allowed to start with here.
          const bytes = Buffer.concat([Buffer.from([0x00]), Buffer.from(raw)]);
          const before = await written();
          const res = await send(upload.as(), { method: 'POST', url: upload.url(), ...multipartFile(bytes, fileName) });
          expectSane(res, fileName);
          expect(res.statusCode, res.body.slice(0, 200)).toBeGreaterThanOrEqual(400);
          expect(await written()).toEqual(before);
        }),
        fcOptions(8),
      );
    });
  });

  it('a file over its route’s own limit is a 413 that names the limit', async () => {
    const limits: Record<string, number> = { plan: 5, sheet: 10, rubric: 2 };
    await eachRoute(routesOf((r) => `${r.method} ${r.url}` in UPLOADS), async (route) => {
      const upload = UPLOADS[`${route.method} ${route.url}`]!;
      const mb = limits[upload.kind];
      if (!mb) return;
      const before = await written();
      const res = await send(upload.as(), { method: 'POST', url: upload.url(), ...multipartFile(Buffer.alloc(mb * 1024 * 1024 + 1, 0x41), 'a.txt') });
      expectSane(res, 'over the limit');
      expect(res.statusCode).toBe(413);
      expect(res.json().error.message).toContain(`${mb} MB`);
      expect(await written()).toEqual(before);
    });
  });

  it('file names with "../", NUL, controls and direction marks are stored clean; files live only under their hash', async () => {
    const names = ['../../../../etc/passwd', '..\\..\\boot.ini', 'a\u0000b.pdf', 'bell\u0007\u001b[31m.pdf', '\u202Egpj.exe', 'CON', `${'x'.repeat(2_000)}.pdf`, '.htaccess', '%2e%2e%2fx.pdf', SCRIPT, ''];
    for (const [route, file, type] of [
      ['POST /api/resolutions/:id/attachments', pdf, 'application/pdf'],
      ['POST /api/propaganda/:id/attachments', png, 'image/png'],
      ['POST /api/tasks/:id/evidence', png, 'image/png'],
    ] as const) {
      const upload = UPLOADS[route]!;
      for (const name of names) {
        const res = await send(upload.as(), { method: 'POST', url: upload.url(), ...multipartFile(file, name, type) });
        expectSane(res, `${route} ${JSON.stringify(name)}`);
        if (res.statusCode >= 400) continue;
        expect(res.statusCode).toBe(201);
        const stored: string = res.json().fileName;
        expect(stored, JSON.stringify(name)).not.toMatch(/[\\/\u0000-\u001f\u007f-\u009f\u202a-\u202e]|\.\.[\\/]/u);
        expect(stored.length).toBeLessThanOrEqual(130);
      }
    }
    expect(storedFiles().filter((p) => !/^[0-9a-f]{2}\/[0-9a-f]{64}$/u.test(p))).toEqual([]);
  });

  it('text inside an imported list follows the rules of JSON bodies: controls refused, markup and SQL kept as text', async () => {
    const importMembers = (bytes: Buffer, name: string) => send(staff, { method: 'POST', url: UPLOADS['POST /api/units/:id/members/import']!.url(), ...multipartFile(bytes, name) });
    const row = (name: string) => [1, name, '01/01/1980', 'Nam', 'Chi bộ Tràng Đà 1', '01/01/2010', '', '', '', ''];
    // Excel writes a control character as "_x0007_" (an XML file cannot hold it), and readers decode it.
    const escaped = async (xlsx: Buffer, escape: string) => {
      const zip = await JSZip.loadAsync(xlsx);
      zip.file('xl/sharedStrings.xml', (await zip.file('xl/sharedStrings.xml')!.async('string')).replace('ZZ', escape));
      return Buffer.from(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    };
    const xlsxWith = async (escape: string) => escaped(await buildMemberXlsx([row('Hoàng ZZ Văn Một')]), escape);
    const files: [Buffer, string, string][] = [
      [buildMemberCsv([row('Hoàng\u0007 Văn Một')]), 'ds.csv', 'a bell'],
      [buildMemberCsv([row('Hoàng Văn\u001b[31m Hai')]), 'ds.csv', 'an escape'],
      [buildMemberCsv([row('Hoàng\u0085Văn Ba')]), 'ds.csv', 'a C1 control'],
      [await xlsxWith('_x0007_'), 'ds.xlsx', 'a bell'],
      [await xlsxWith('_x0000_'), 'ds.xlsx', 'a NUL'],
    ];
    for (const [bytes, name, bad] of files) {
      {
        const before = await written();
        const res = await importMembers(bytes, name);
        expectSane(res, `${name} ${JSON.stringify(bad)}`);
        expect(res.statusCode, `${name} ${JSON.stringify(bad)}: ${res.body.slice(0, 300)}`).toBe(400);
        expect(await written()).toEqual(before);
      }
    }
    const units = send(staff, { method: 'POST', url: UPLOADS['POST /api/units/:id/import']!.url(), ...multipartFile(Buffer.from('STT,Tên đơn vị,Loại,Trực thuộc\r\n1,"Chi bộ\u0007 Mới",Chi bộ,\r\n'), 'cay.csv') });
    const before = await written();
    const res = await units;
    expectSane(res, 'a unit name with a control character');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(400);
    expect(await written()).toEqual(before);

    // The rubric: its own template, one criterion's name with a bell in it.
    const template = await admin.inject({ url: '/api/rubrics/current.xlsx' });
    expect(template.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    book.getWorksheet('Tiêu chí')!.getCell('C2').value = 'Tiêu chí ZZ có chuông';
    const rubricBefore = await written();
    const rubric = await send(admin, { method: 'POST', url: '/api/rubrics/import', ...multipartFile(await escaped(Buffer.from(await book.xlsx.writeBuffer()), '_x0000_'), 'tieu-chi.xlsx') });
    expectSane(rubric, 'a rubric with a control character');
    expect(rubric.statusCode, rubric.body.slice(0, 300)).toBe(400);
    expect(await written()).toEqual(rubricBefore);

    const name = `${SQL} ${SCRIPT} (nhập từ tệp)`;
    const ok = await importMembers(buildMemberCsv([row(name)]), 'ds.csv');
    expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
    expect((await t.database.db.select().from(members).where(eq(members.fullName, name))).length).toBe(1);
  });

  it('text fields beside a file follow the rules of JSON bodies (no NUL or controls, a bounded length), nothing written', async () => {
    const boundary = '----qtfields';
    const form = (fields: Record<string, string>, file?: { bytes: Buffer; name: string; type: string }) => {
      const parts: Buffer[] = Object.entries(fields).map(([k, v]) => Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
      if (file) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
      parts.push(Buffer.from(`--${boundary}--\r\n`));
      return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
    };
    const attempts = [
      ['POST /api/tasks/:id/evidence', { note: 'Minh chứng\u0000 có NUL' }],
      ['POST /api/tasks/:id/evidence', { note: 'Chuông\u0007' }],
      ['POST /api/tasks/:id/evidence', { note: noiseText(5_000) }],
      ['POST /api/units/:id/members/import', { mappings: deepJson(50_000, 'object', 'cells') }],
      ['POST /api/units/:id/members/import', { mappings: '{"cells":{"Chi bộ":{"__proto__":{"x":"y"}}}}' }],
      ['POST /api/rubrics/import', { title: 'Bộ tiêu chí\u0000' }],
      ['POST /api/rubrics/import', { title: noiseText(1_000) }],
    ] as const;
    for (const [route, fields] of attempts) {
      const upload = UPLOADS[route]!;
      const before = await written();
      const file = upload.kind === 'evidence' ? { bytes: png, name: 'anh.png', type: 'image/png' } : { bytes: await buildMemberXlsx([[1, 'Hoàng Văn Một', '01/01/1980', 'Nam', 'Chi bộ Tràng Đà 1', '01/01/2010', '', '', '', '']]), name: 'ds.xlsx', type: 'application/octet-stream' };
      const res = await send(upload.as(), { method: 'POST', url: upload.url(), ...form(fields, file) });
      expectSane(res, `${route} ${JSON.stringify(fields).slice(0, 80)}`);
      expect(res.statusCode, `${route} ${res.body.slice(0, 200)}`).toBe(400);
      expect(await written()).toEqual(before);
    }
    // A "__proto__" key among the mappings is data, never the prototype of anything.
    const res = await send(staff, { method: 'POST', url: UPLOADS['POST /api/units/:id/members/import']!.url().replace('commit', 'preview'), ...form({ mappings: '{"cells":{"__proto__":{"polluted":"yes"}},"columns":{"constructor":"Họ và tên"}}' }, { bytes: await buildMemberXlsx([[1, 'Hoàng Văn Một', '01/01/1980', 'Nam', 'Chi bộ Tràng Đà 1', '01/01/2010', '', '', '', '']]), name: 'ds.xlsx', type: 'application/octet-stream' }) });
    expectSane(res, 'prototype keys in the mappings');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
