import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like } from 'drizzle-orm';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { buildCell, buildCommune, buildUnit, buildUserWithGrant, findUnit } from '../../../../test/support/factories';
import { issueImportedPlan } from '../../../../test/support/fixtures';
import { units } from '../units/tables';
import { studySessions } from './tables';

let t: TestApp;
let staff: Session;
let leader: Session;
beforeAll(async () => {
  ({ t, staff, leader } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc' }));
});
afterAll(() => t?.close());

type Row = { id: string; unitId: string; unitName: string; status: string; kind: string };
const sessionsOf = async (s: Session, planId: string): Promise<Row[]> => (await s.inject({ url: `/api/plans/${planId}/sessions` })).json().sessions;

describe('fan-out of an issued plan', () => {
  it('creates one session per open cell of the commune, none outside it, none for a closed cell, per cell under a grassroots organisation', async () => {
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const closed = await buildCell(t.database, commune, 'Chi bộ Đã Giải Thể');
    await t.database.db.update(units).set({ closedOn: '2026-05-01' }).where(eq(units.id, closed.id));
    const closingLater = await buildCell(t.database, commune, 'Chi bộ Giải Thể Sau');
    await t.database.db.update(units).set({ closedOn: '2026-06-30' }).where(eq(units.id, closingLater.id));
    const other = await buildCommune(t.database, 'Đảng ủy xã Khác Fan');
    const outside = await buildCell(t.database, other, 'Chi bộ Xã Khác');

    const plan = await issueImportedPlan(staff, leader, { issuedOn: '2026-05-15' });
    expect(plan.status).toBe('issued');
    const sessions = await sessionsOf(staff, plan.id);
    const cells = await t.database.db
      .select()
      .from(units)
      .where(and(eq(units.tenantId, commune.id), eq(units.kind, 'cell'), like(units.path, `${commune.path}%`)));
    const openCells = cells.filter((c) => !c.closedOn || c.closedOn > '2026-05-15');
    expect(sessions.map((s) => s.unitId).sort()).toEqual(openCells.map((c) => c.id).sort());
    expect(new Set(sessions.map((s) => s.unitId)).size).toBe(sessions.length);
    expect(sessions.some((s) => s.unitId === closed.id)).toBe(false);
    expect(sessions.some((s) => s.unitId === closingLater.id)).toBe(true);
    expect(sessions.some((s) => s.unitId === outside.id)).toBe(false);
    // A grassroots organisation with cells holds no session of its own by default.
    const org = await findUnit(t.database, 'Đảng bộ Ủy ban nhân dân phường');
    expect(sessions.some((s) => s.unitId === org.id)).toBe(false);
    // The plan's "Cấp cơ sở … Hoàn thành trong tháng 5/2026" is each session's deadline: past, unheld → overdue.
    const [stored] = await t.database.db.select().from(studySessions).where(eq(studySessions.planId, plan.id)).limit(1);
    expect(stored!.due).toMatchObject({ kind: 'within-month', from: '2026-05-01', to: '2026-05-31' });
    expect(sessions.every((s) => s.status === 'overdue')).toBe(true);
  });

  it('a grassroots organisation without cells gets one session; one with cells switches joint ↔ per cell until one is held', async () => {
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const lone = await buildUnit(t.database, commune, { kind: 'grassrootsOrg', name: 'Đảng bộ Cơ Sở Lẻ' });
    const plan = await issueImportedPlan(staff, leader, { issuedOn: '2026-05-15' });
    const org = await findUnit(t.database, 'Đảng bộ Công ty cổ phần Xi măng Tân Quang');
    const orgCells = await t.database.db.select().from(units).where(and(like(units.path, `${org.path}%`), eq(units.kind, 'cell')));
    expect((await sessionsOf(staff, plan.id)).some((s) => s.unitId === lone.id)).toBe(true);

    const joint = await staff.inject({ method: 'PUT', url: `/api/plans/${plan.id}/units/${org.id}/session-mode`, payload: { mode: 'joint' } });
    expect(joint.statusCode).toBe(200);
    let sessions = await sessionsOf(staff, plan.id);
    expect(sessions.filter((s) => s.unitId === org.id)).toHaveLength(1);
    expect(sessions.some((s) => orgCells.some((c) => c.id === s.unitId))).toBe(false);

    // The joint session expects every member of the organisation's cells.
    const jointId = sessions.find((s) => s.unitId === org.id)!.id;
    const detail = (await staff.inject({ url: `/api/sessions/${jointId}` })).json();
    expect(detail.expected.length + detail.exempt.length).toBe(16 + 13 + 12);

    expect((await staff.inject({ method: 'PUT', url: `/api/plans/${plan.id}/units/${org.id}/session-mode`, payload: { mode: 'per-cell' } })).statusCode).toBe(200);
    sessions = await sessionsOf(staff, plan.id);
    expect(sessions.some((s) => s.unitId === org.id)).toBe(false);
    expect(sessions.filter((s) => orgCells.some((c) => c.id === s.unitId))).toHaveLength(orgCells.length);

    // Once a cell's session is held, the choice is made.
    const cellSession = sessions.find((s) => s.unitId === orgCells[0]!.id)!;
    const cellDetail = (await staff.inject({ url: `/api/sessions/${cellSession.id}` })).json();
    await staff.inject({ method: 'PUT', url: `/api/sessions/${cellSession.id}/attendance`, payload: { version: cellDetail.version, marks: [{ memberId: cellDetail.expected[0].memberId, status: 'present' }] } });
    expect((await staff.inject({ method: 'POST', url: `/api/sessions/${cellSession.id}/held`, payload: { version: cellDetail.version + 1, heldOn: '2026-05-20' } })).statusCode).toBe(200);
    const refused = await staff.inject({ method: 'PUT', url: `/api/plans/${plan.id}/units/${org.id}/session-mode`, payload: { mode: 'joint' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.id).toBe('session.mode-after-held');
    expect((await sessionsOf(staff, plan.id)).filter((s) => orgCells.some((c) => c.id === s.unitId))).toHaveLength(orgCells.length);
  });

  it('lists sessions by role: the ward sees all, a secretary their own cell, another commune nothing', async () => {
    const plan = await issueImportedPlan(staff, leader, { issuedOn: '2026-05-15' });
    const all = await sessionsOf(staff, plan.id);
    expect((await sessionsOf(leader, plan.id)).length).toBe(all.length);
    const bithu = await t.signIn('bithu');
    const own = await sessionsOf(bithu, plan.id);
    expect(own.map((s) => s.unitName)).toEqual(['Chi bộ Tràng Đà 1']);
    const other = await buildCommune(t.database, 'Đảng ủy xã Khác Danh Sách');
    const stranger = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: other });
    const strangerSession = await t.signIn(stranger.username, stranger.password);
    expect((await strangerSession.inject({ url: `/api/plans/${plan.id}/sessions` })).statusCode).toBe(404);
    expect((await strangerSession.inject({ url: `/api/sessions/${all[0]!.id}` })).statusCode).toBe(404);
    const overview = await bithu.inject({ url: `/api/plans/${plan.id}/sessions/overview` });
    expect(overview.statusCode).toBe(403);
    const res = await staff.inject({ url: `/api/plans/${plan.id}/sessions/overview` });
    expect(res.json()).toMatchObject({ makeUp: { owed: 0 } });
    const counts = res.json().counts;
    expect(counts.overdue).toBe(all.length);
  });
});
