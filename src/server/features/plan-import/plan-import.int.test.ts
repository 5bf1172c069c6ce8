import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { multipartFile } from '../../../../test/support/factories';
import { planFixture } from '../../../../test/support/fixtures';

const fixture = planFixture;

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('vanphong');
});
afterAll(() => t?.close());

const analyse = (s: Session, text: string) => s.inject({ method: 'POST', url: '/api/plans/import', payload: { text } });

describe('POST /api/plans/import', () => {
  it('answers the contract’s JSON for pasted text, with diagnostics at their lines', async () => {
    const res = await analyse(staff, fixture);
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan.kind).toBe('ke-hoach');
    expect(plan.resolutions[0]).toMatchObject({ number: '91-NQ/TU', issuedOn: '2026-05-12', issuer: 'Ban Thường vụ Tỉnh ủy' });
    expect(plan.tasks.find((task: { assignee: string }) => task.assignee === 'Ban xây dựng Đảng')).toBeTruthy();
    const codes = plan.diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['known-misspelling', 'repeated-word']));
    const misspelling = plan.diagnostics.find((d: { code: string; message: string }) => d.code === 'known-misspelling' && d.message.includes('QUÁN'));
    expect(fixture.replace(/^\uFEFF/u, '').split('\n')[misspelling.line - 1]).toContain('QUẢN TRIỆT');
  });

  it('reads an uploaded .docx', async () => {
    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: fixture.split('\n').map((line) => new Paragraph(line.replace(/\*\*/gu, ''))) }] }),
    );
    const res = await staff.inject({ method: 'POST', url: '/api/plans/import', ...multipartFile(docx, 'ke-hoach.docx') });
    expect(res.json().error).toBeUndefined();
    expect(res.json().resolutions[0].number).toBe('91-NQ/TU');
    expect(res.json()).not.toHaveProperty('text');
    const withText = await staff.inject({ method: 'POST', url: '/api/plans/import?withText=true', ...multipartFile(docx, 'ke-hoach.docx') });
    expect(withText.json().text).toContain('IV. TỔ CHỨC THỰC HIỆN');
  });

  it('refuses empty, binary, oversized and non-zip .docx input with a clear message', async () => {
    const cases: [Buffer, string, number][] = [
      [Buffer.alloc(0), 'rong.md', 400],
      [Buffer.from([0, 1, 2, 3, 0, 0, 255, 254]), 'anh.md', 400],
      [Buffer.from('không phải zip'), 'ke-hoach.docx', 400],
      [Buffer.alloc(5 * 1024 * 1024 + 100, 'a'), 'lon.md', 413],
    ];
    for (const [bytes, name, status] of cases) {
      const res = await staff.inject({ method: 'POST', url: '/api/plans/import', ...multipartFile(bytes, name) });
      expect({ name, status: res.statusCode }).toEqual({ name, status });
      expect(res.json().error.message).toMatch(/[à-ỹ]/u);
    }
    expect((await analyse(staff, '')).statusCode).toBe(400);
    expect((await analyse(staff, 'x'.repeat(5 * 1024 * 1024 + 10))).statusCode).toBe(413);
  });

  it('is the office’s tool: members, secretaries and the province are refused', async () => {
    for (const username of ['dangvien', 'bithu', 'tinhuy', 'ubnd']) {
      expect((await analyse(await t.signIn(username), fixture)).statusCode).toBe(403);
    }
    expect((await analyse(await t.signIn('admin'), fixture)).statusCode).toBe(200);
  });
});

describe('the vocabulary extension', () => {
  it('lets an administrator add a misspelling that the linter then flags', async () => {
    const text = fixture.replace('đẩy mạnh công tác', 'đẩy mạnh công tắc');
    const before = (await analyse(staff, text)).json().diagnostics.filter((d: { message: string }) => d.message.includes('công tắc'));
    expect(before).toEqual([]);
    expect((await staff.inject({ method: 'PUT', url: '/api/plan-import/vocabulary', payload: { version: 0, data: { misspellings: { 'công tắc': 'công tác' } } } })).statusCode).toBe(403);
    const admin = await t.signIn('admin');
    const invalid = await admin.inject({ method: 'PUT', url: '/api/plan-import/vocabulary', payload: { version: 0, data: { misspellings: ['x'] } } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details.errors[0]).toMatch(/misspellings/u);
    const saved = await admin.inject({ method: 'PUT', url: '/api/plan-import/vocabulary', payload: { version: 0, data: { misspellings: { 'công tắc': 'công tác' } } } });
    expect(saved.json().version).toBe(1);
    const after = (await analyse(staff, text)).json().diagnostics.filter((d: { code: string; message: string }) => d.code === 'known-misspelling' && d.message.includes('công tác'));
    expect(after).toHaveLength(1);
    expect((await admin.inject({ method: 'PUT', url: '/api/plan-import/vocabulary', payload: { version: 0, data: {} } })).statusCode).toBe(409);
  });
});
