import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq } from 'drizzle-orm';
import { Document, Packer, Paragraph } from 'docx';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { multipartFile } from '../../../../test/support/factories';
import { planFixture } from '../../../../test/support/fixtures';
import { attachments, resolutions } from './tables';

let t: TestApp;
let staff: Session;
const filesDir = mkdtempSync(join(tmpdir(), 'qt-files-'));
beforeAll(async () => {
  t = await startTestApp({ QT_FILES_DIR: filesDir });
  staff = await t.signIn('vanphong');
});
afterAll(() => t?.close());

const r91 = {
  kind: 'nghi-quyet',
  number: '91-NQ/TU',
  issuedOn: '2026-05-12',
  issuer: 'Ban Thường vụ Tỉnh ủy',
  subject: 'tiếp tục đột phá xây dựng kết cấu hạ tầng kinh tế - xã hội, trọng tâm là hạ tầng giao thông',
  content: 'Nghị quyết xác định hạ tầng giao thông là khâu đột phá.',
};

async function create(body: object) {
  return staff.inject({ method: 'POST', url: '/api/resolutions', payload: body });
}

describe('the document registry', () => {
  let id: string;
  it('registers a resolution and finds it with or without diacritics, ranked', async () => {
    // 91-NQ/TU is in the demo registry already.
    id = (await staff.inject({ url: '/api/resolutions?q=91-NQ/TU' })).json().resolutions[0].id;
    const res = await create({ ...r91, number: '103-NQ/TU', subject: 'phát triển nông nghiệp hàng hóa', content: '' });
    expect(res.statusCode).toBe(201);
    await create({ ...r91, number: '12-CT/TU', kind: 'chi-thi', subject: 'tăng cường công tác tuyên truyền trên nền tảng số', content: '' });
    for (const q of ['nghi quyet ha tang', 'Nghị quyết hạ tầng', 'HA TANG GIAO', '91-NQ/TU', 'ket cau ha tang']) {
      const found = await staff.inject({ url: `/api/resolutions?q=${encodeURIComponent(q)}` });
      expect({ q, first: found.json().resolutions[0]?.number }).toEqual({ q, first: '91-NQ/TU' });
    }
    const broad = (await staff.inject({ url: `/api/resolutions?q=${encodeURIComponent('đột phá')}` })).json().resolutions;
    expect(broad.map((r: { number: string }) => r.number)).toEqual(expect.arrayContaining(['91-NQ/TU', '57-NQ/TW']));
    const none = await staff.inject({ url: `/api/resolutions?q=${encodeURIComponent('du lịch')}` });
    expect(none.json().resolutions).toEqual([]);
    const kind = await staff.inject({ url: '/api/resolutions?kind=chi-thi' });
    expect(kind.json().resolutions.map((r: { number: string }) => r.number)).toEqual(['12-CT/TU']);
  });

  it('refuses a duplicate number, a malformed one and an impossible date, writing nothing', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(resolutions);
    expect((await create(r91)).json().error.id).toBe('resolution.number-taken');
    expect((await create({ ...r91, number: 'abc' })).statusCode).toBe(400);
    expect((await create({ ...r91, number: '5-NQ/TU', issuedOn: '2026-02-30' })).statusCode).toBe(400);
    const [after] = await t.database.db.select({ n: count() }).from(resolutions);
    expect(after!.n).toBe(before!.n);
  });

  it('edits with a version and answers a stale edit with 409', async () => {
    const { version } = (await staff.inject({ url: `/api/resolutions/${id}` })).json().resolution;
    const first = await staff.inject({ method: 'PATCH', url: `/api/resolutions/${id}`, payload: { version, content: 'Nội dung cốt lõi mới.' } });
    expect(first.statusCode).toBe(200);
    const stale = await staff.inject({ method: 'PATCH', url: `/api/resolutions/${id}`, payload: { version, content: 'Ghi đè' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.content).toBe('Nội dung cốt lõi mới.');
  });

  it('stores attachments by content hash, checks their type by content and size, and streams them back', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const up = multipartFile(pdf, 'Nghị quyết 91.pdf');
    const res = await staff.inject({ method: 'POST', url: `/api/resolutions/${id}/attachments`, ...up });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ fileName: 'Nghị quyết 91.pdf', contentType: 'application/pdf', size: pdf.length });
    const again = await staff.inject({ method: 'POST', url: `/api/resolutions/${id}/attachments`, ...multipartFile(pdf, 'ban-sao.pdf') });
    expect(again.statusCode).toBe(201);
    const stored = readdirSync(filesDir, { recursive: true }).filter((f) => String(f).length > 10);
    expect(stored).toHaveLength(1);

    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Nghị quyết')] }] }));
    const word = await staff.inject({ method: 'POST', url: `/api/resolutions/${id}/attachments`, ...multipartFile(docx, 'nq.pdf') });
    expect(word.json()).toMatchObject({ fileName: 'nq.docx', contentType: expect.stringContaining('wordprocessingml') });

    const download = await (await t.signIn('bithu')).inject({ url: `/api/resolutions/${id}/attachments/${res.json().id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Ngh%E1%BB%8B");
    expect(download.rawPayload.equals(pdf)).toBe(true);
  });

  it('says plainly, in JSON, when a stored file has lost its bytes (410), instead of breaking the download', async () => {
    const lost = Buffer.from('%PDF-1.4\n% mất tệp\n%%EOF\n');
    const up = await staff.inject({ method: 'POST', url: `/api/resolutions/${id}/attachments`, ...multipartFile(lost, 'mat-tep.pdf') });
    const [row] = await t.database.db.select().from(attachments).where(eq(attachments.id, up.json().id));
    rmSync(join(filesDir, row!.sha256.slice(0, 2), row!.sha256));
    const res = await staff.inject({ url: `/api/resolutions/${id}/attachments/${up.json().id}` });
    expect(res.statusCode).toBe(410);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.json().error).toMatchObject({ id: 'file.missing', message: expect.stringContaining('không còn trên máy chủ') });
  });

  it('refuses a forbidden type (415) or an oversized file (413) and stores nothing', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(attachments);
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100)]);
    const renamed = await staff.inject({ method: 'POST', url: `/api/resolutions/${id}/attachments`, ...multipartFile(exe, 'nghi-quyet.pdf') });
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().error.id).toBe('attachment.unsupported-type');
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024)]);
    const tooBig = await staff.inject({ method: 'POST', url: `/api/resolutions/${id}/attachments`, ...multipartFile(big, 'lon.pdf') });
    expect(tooBig.statusCode).toBe(413);
    const [after] = await t.database.db.select({ n: count() }).from(attachments);
    expect(after!.n).toBe(before!.n);
  });

  it('changes only the fields sent, and refuses a number already taken', async () => {
    const { version, content } = (await staff.inject({ url: `/api/resolutions/${id}` })).json().resolution;
    const edit = await staff.inject({ method: 'PATCH', url: `/api/resolutions/${id}`, payload: { version, issuer: 'Ban Chấp hành Đảng bộ tỉnh' } });
    expect(edit.json()).toMatchObject({ issuer: 'Ban Chấp hành Đảng bộ tỉnh', content });
    const taken = await staff.inject({ method: 'PATCH', url: `/api/resolutions/${id}`, payload: { version: version + 1, number: '22-QĐ/TU' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.id).toBe('resolution.number-taken');
  });

  it('refuses an oversized file sent over a real connection, every time', async () => {
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    for (let i = 0; i < 3; i++) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(big)], { type: 'application/pdf' }), 'lon.pdf');
      const res = await fetch(`${address}/api/resolutions/${id}/attachments`, {
        method: 'POST',
        body: form,
        headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrfToken },
      });
      expect(res.status).toBe(413);
    }
  });

  it('links documents and lists both directions', async () => {
    const guide = await create({ ...r91, kind: 'huong-dan', number: '15-HD/BTGDVTU', subject: 'hướng dẫn học tập Nghị quyết 91', content: '' });
    const link = await staff.inject({ method: 'POST', url: `/api/resolutions/${guide.json().id}/links`, payload: { toId: id, relation: 'guides' } });
    expect(link.statusCode).toBe(201);
    const detail = await staff.inject({ url: `/api/resolutions/${id}` });
    expect(detail.json().links).toEqual([expect.objectContaining({ relation: 'guides', direction: 'incoming', other: expect.objectContaining({ number: '15-HD/BTGDVTU' }) })]);
    expect(detail.json().plans).toEqual([expect.objectContaining({ status: 'issued', kind: 'propagation' })]);
  });

  it('lets the commune read but only the office write; keeps other communes out', async () => {
    const member = await t.signIn('dangvien');
    const read = await member.inject({ url: `/api/resolutions/${id}` });
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities.edit).toBe(false);
    // A draft plan of the resolution stays with the office and the leadership.
    await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'import', source: planFixture } });
    expect((await staff.inject({ url: `/api/resolutions/${id}` })).json().plans.map((p: { status: string }) => p.status).sort()).toEqual(['draft', 'issued']);
    expect(read.json().plans.map((p: { status: string }) => p.status)).toEqual(['issued']);
    expect((await member.inject({ url: `/api/resolutions/${id}` })).json().plans.map((p: { status: string }) => p.status)).toEqual(['issued']);
    // The province's accounts work in the only commune below them.
    expect((await (await t.signIn('tinhuy')).inject({ url: `/api/resolutions?q=${encodeURIComponent('91-NQ/TU')}` })).json().resolutions[0].number).toBe('91-NQ/TU');
    expect((await member.inject({ method: 'POST', url: '/api/resolutions', payload: { ...r91, number: '7-NQ/TU' } })).statusCode).toBe(403);
    const leader = await t.signIn('thuongtruc');
    expect((await leader.inject({ method: 'PATCH', url: `/api/resolutions/${id}`, payload: { version: 1, subject: 'x x x' } })).statusCode).toBe(403);
    expect((await staff.inject({ url: '/api/resolutions/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
  });
});
