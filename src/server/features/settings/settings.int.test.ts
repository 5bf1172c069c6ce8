import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { issueImportedPlan } from '../../../../test/support/fixtures';

let t: TestApp;
let staff: Session;
let leader: Session;
beforeAll(async () => {
  ({ t, staff, leader } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc' }));
});
afterAll(() => t?.close());

describe('document settings', () => {
  it('defaults to the commune’s names and yearly numbering', async () => {
    const res = await leader.inject({ url: '/api/settings/documents' });
    expect(res.json()).toMatchObject({ numbering: 'year', uySpelling: 'ỦY', superiorName: 'Đảng bộ tỉnh Tuyên Quang', issuerName: 'Đảng ủy phường Nông Tiến', placeName: 'Nông Tiến', abilities: { edit: false } });
    expect((await leader.inject({ method: 'PUT', url: '/api/settings/documents', payload: { version: 1, uySpelling: 'UỶ' } })).statusCode).toBe(403);
  });

  it('numbers over the committee’s term when set so, across the new year', async () => {
    const bad = await staff.inject({ method: 'PUT', url: '/api/settings/documents', payload: { version: 1, numbering: 'term' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.id).toBe('settings.term-start-required');
    const wrongType = await staff.inject({ method: 'PUT', url: '/api/settings/documents', payload: { version: 1, numbering: 5 } });
    expect(wrongType.json().error.details[0].message).toMatch(/[à-ỹ]/u); // zod's own messages in Vietnamese
    const set = await staff.inject({ method: 'PUT', url: '/api/settings/documents', payload: { version: 1, numbering: 'term', termStartedOn: '2025-10-01', uySpelling: 'UỶ' } });
    expect(set.statusCode).toBe(200);
    expect((await staff.inject({ method: 'PUT', url: '/api/settings/documents', payload: { version: 1, placeName: 'Tràng Đà' } })).statusCode).toBe(409);
    const a = await issueImportedPlan(staff, leader, { issuedOn: '2026-12-20' });
    const b = await issueImportedPlan(staff, leader, { issuedOn: '2027-01-10' });
    expect(b.number).toBe(a.number + 1);
    const doc = await staff.inject({ url: `/api/plans/${b.id}/document?format=html` });
    expect(doc.body).toContain('ĐẢNG UỶ PHƯỜNG NÔNG TIẾN');
    expect(doc.body).toContain('ngày 10 tháng 01 năm 2027');
  });
});
