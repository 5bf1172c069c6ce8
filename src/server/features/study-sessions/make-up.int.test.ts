import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ical from 'node-ical';
import { startSignedIn, type Session, type TestApp } from '../../../../test/support/app';
import { buildCommune, buildUserWithGrant, findUnit } from '../../../../test/support/factories';
import { detailOf, sessionOfCell } from '../../../../test/support/sessions';
import { persons } from '../people/tables';
import { members } from '../members/tables';

let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;
beforeAll(async () => {
  ({ t, staff, leader, bithu } = await startSignedIn({ staff: 'vanphong', leader: 'thuongtruc', bithu: 'bithu' }));
});
afterAll(() => t?.close());

type Person = { memberId: string; fullName: string };

/** Holds the cell's session with everyone present but `away` (absent, with a reason). */
async function hold(s: Session, sessionId: string, away: number) {
  const detail = await detailOf(s, sessionId);
  const ids: string[] = detail.expected.map((p: Person) => p.memberId);
  const marks = ids.map((memberId, i) => (i < away ? { memberId, status: i % 2 ? 'excused' : 'absent', reason: 'Bận việc gia đình' } : { memberId, status: 'present' }));
  const saved = (await s.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, payload: { version: detail.version, marks } })).json();
  await s.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, payload: { version: saved.version, heldOn: '2026-05-22' } });
  return ids.slice(0, away);
}

describe('make-up (học bù)', () => {
  it('absent and excused members stay on the make-up list until they attend a make-up of their cell or one they are sent to', async () => {
    const { plan, sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const owed = await hold(bithu, sessionId, 3);
    const overview = async () => (await staff.inject({ url: `/api/plans/${plan.id}/sessions/overview` })).json();
    let o = await overview();
    expect(o.makeUp).toMatchObject({ owed: 3, madeUp: 0, missing: 3 });
    expect(o.makeUp.cells[0]).toMatchObject({ unitName: 'Chi bộ Tràng Đà 1', owed: 3, missing: 3 });
    expect(o.counts.held).toBe(1);

    // A make-up of an unheld session is refused.
    const unheld = (await staff.inject({ url: `/api/plans/${plan.id}/sessions` })).json().sessions.find((s: { unitName: string }) => s.unitName === 'Chi bộ Tràng Đà 2');
    expect((await staff.inject({ method: 'POST', url: `/api/sessions/${unheld.id}/make-ups`, payload: {} })).json().error.id).toBe('session.make-up-needs-held');

    const created = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/make-ups`, payload: { scheduledAt: '2026-06-02T19:30:00+07:00' } });
    expect(created.statusCode).toBe(201);
    const makeUp = created.json();
    expect(makeUp).toMatchObject({ kind: 'make-up', makeUpOfId: sessionId });
    expect(makeUp.expected.map((p: Person) => p.memberId).sort()).toEqual([...owed].sort());
    // Only the owed may be marked at the make-up.
    const present = (await detailOf(bithu, sessionId)).marks.find((m: { status: string }) => m.status === 'present').memberId;
    expect((await bithu.inject({ method: 'PUT', url: `/api/sessions/${makeUp.id}/attendance`, payload: { version: 1, marks: [{ memberId: present, status: 'present' }] } })).statusCode).toBe(400);
    // One attends, one is still away: one made up, two missing.
    await bithu.inject({ method: 'PUT', url: `/api/sessions/${makeUp.id}/attendance`, payload: { version: 1, marks: [{ memberId: owed[0], status: 'present' }, { memberId: owed[1], status: 'absent', reason: 'Ốm' }] } });
    o = await overview();
    expect(o.makeUp).toMatchObject({ owed: 3, madeUp: 1, missing: 2 });
    expect(o.makeUp.cells[0].members.find((m: { memberId: string }) => m.memberId === owed[0]).madeUp).toBe(true);
    // The report of the session counts the same (its figures' "madeUp").
    const madeUpInReport = async () => (await bithu.inject({ url: `/api/sessions/${sessionId}/report` })).json().prefill.figures.members.madeUp;
    expect(await madeUpInReport()).toBe(1);
    expect(o.counts.held).toBe(1); // make-ups are not counted among the cells' sessions

    // Sent to another cell's make-up: the ward sends the third; attending there clears the debt.
    const sessions = (await staff.inject({ url: `/api/plans/${plan.id}/sessions` })).json().sessions;
    const td2 = sessions.find((s: { unitName: string; kind: string }) => s.unitName === 'Chi bộ Tràng Đà 2' && s.kind === 'regular');
    await hold(staff, td2.id, 1);
    const td2MakeUp = (await staff.inject({ method: 'POST', url: `/api/sessions/${td2.id}/make-ups`, payload: {} })).json();
    expect((await bithu.inject({ method: 'POST', url: `/api/sessions/${td2MakeUp.id}/guests`, payload: { memberId: owed[2] } })).statusCode).toBe(403);
    expect((await staff.inject({ method: 'POST', url: `/api/sessions/${td2MakeUp.id}/guests`, payload: { memberId: owed[0] } })).json().error.id).toBe('session.guest-not-owed');
    const withGuest = (await staff.inject({ method: 'POST', url: `/api/sessions/${td2MakeUp.id}/guests`, payload: { memberId: owed[2] } })).json();
    expect(withGuest.guests.map((p: Person) => p.memberId)).toEqual([owed[2]]);
    await staff.inject({ method: 'PUT', url: `/api/sessions/${td2MakeUp.id}/attendance`, payload: { version: withGuest.version, marks: [{ memberId: owed[2], status: 'late' }] } });
    o = await overview();
    const td1 = o.makeUp.cells.find((c: { unitName: string }) => c.unitName === 'Chi bộ Tràng Đà 1');
    expect(td1).toMatchObject({ owed: 3, madeUp: 2, missing: 1 });
    expect(o.makeUp).toMatchObject({ owed: 4, madeUp: 2, missing: 2 });
    expect(await madeUpInReport()).toBe(2);
    expect((await staff.inject({ url: `/api/sessions/${td2.id}/report` })).json().prefill.figures.members.madeUp).toBe(0);
  });
});

describe('the private iCal feed', () => {
  it('lists the person’s sessions in Asia/Ho_Chi_Minh; a rotated or revoked URL is refused', async () => {
    const { sessionId, plan } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    await bithu.inject({ method: 'PATCH', url: `/api/sessions/${sessionId}`, payload: { version: 1, scheduledAt: '2026-05-22T19:30:00+07:00', place: 'Nhà văn hóa Tràng Đà 1' } });
    const other = (await staff.inject({ url: `/api/plans/${plan.id}/sessions` })).json().sessions.find((s: { unitName: string }) => s.unitName === 'Chi bộ Tràng Đà 2');
    await staff.inject({ method: 'PATCH', url: `/api/sessions/${other.id}`, payload: { version: 1, scheduledAt: '2026-05-23T08:00:00+07:00' } });

    const member = await t.signIn('dangvien');
    // An account that is nobody (an office account with no person) has no calendar.
    const nobody = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: await findUnit(t.database, 'Đảng ủy phường Nông Tiến') });
    const office = await t.signIn(nobody.username, nobody.password);
    expect((await office.inject({ method: 'POST', url: '/api/calendar/feed' })).json().error.id).toBe('calendar.no-person');

    const { url } = (await member.inject({ method: 'POST', url: '/api/calendar/feed' })).json();
    const path = new URL(url).pathname;
    const res = await t.app.inject({ url: path });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    expect(res.body).toContain('BEGIN:VTIMEZONE');
    expect(res.body).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20260522T193000');
    const events = Object.values(ical.sync.parseICS(res.body)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[];
    const mine = events.filter((e) => e.uid === `session-${sessionId}@quantriet`);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.start.toISOString()).toBe('2026-05-22T12:30:00.000Z');
    expect(mine[0]!.location).toBe('Nhà văn hóa Tràng Đà 1');
    expect(events.some((e) => e.uid === `session-${other.id}@quantriet`)).toBe(false); // not their cell

    // Rotating revokes the old URL; revoking stops the new one. Another commune's id never answers.
    const { url: second } = (await member.inject({ method: 'POST', url: '/api/calendar/feed' })).json();
    expect((await t.app.inject({ url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ url: new URL(second).pathname })).statusCode).toBe(200);
    const foreign = await buildCommune(t.database, 'Đảng ủy xã Khác Lịch');
    expect((await t.app.inject({ url: new URL(second).pathname.replace(member.me.user.tenantId!, foreign.id) })).statusCode).toBe(404);
    expect((await member.inject({ method: 'DELETE', url: '/api/calendar/feed' })).statusCode).toBe(200);
    expect((await t.app.inject({ url: new URL(second).pathname })).statusCode).toBe(404);
    expect((await member.inject({ url: '/api/calendar/feed' })).json()).toMatchObject({ active: false });
  });
});
