import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';

const fixture = readFileSync(new URL('../../../../../shared/fixtures/ke-hoach-91-NQ-TU.md', import.meta.url), 'utf8');

let t: TestApp;
let staff: Session;
let leader: Session;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('vanphong');
  leader = await t.signIn('thuongtruc');
});
afterAll(() => t?.close());

async function issue(issuedOn: string) {
  const plan = (await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'import', source: fixture } })).json();
  await staff.inject({ method: 'POST', url: `/api/plans/${plan.id}/submit`, payload: { version: 1 } });
  await leader.inject({ method: 'POST', url: `/api/plans/${plan.id}/approve`, payload: { version: 2 } });
  return (await staff.inject({ method: 'POST', url: `/api/plans/${plan.id}/issue`, payload: { version: 3, issuedOn } })).json();
}

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
    const a = await issue('2026-12-20');
    const b = await issue('2027-01-10');
    expect(b.number).toBe(a.number + 1);
    const doc = await staff.inject({ url: `/api/plans/${b.id}/document?format=html` });
    expect(doc.body).toContain('ĐẢNG UỶ PHƯỜNG NÔNG TIẾN');
    expect(doc.body).toContain('ngày 10 tháng 01 năm 2027');
  });
});
