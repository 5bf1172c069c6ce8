import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { detailOf, fullMarks, sessionOfCell } from '../../../../test/support/sessions';
import { issueCheckInToken } from '../../../domain/check-in-token';
import { members } from '../members/tables';

const SECRET = 'khoa-ky-ma-diem-danh-hoc-tai-hoi-nghi-0123456789';
let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;
let member: Session;
beforeAll(async () => {
  t = await startTestApp({ QT_CHECK_IN_SECRET: SECRET });
  staff = await t.signIn('vanphong');
  leader = await t.signIn('thuongtruc');
  bithu = await t.signIn('bithu');
  member = await t.signIn('dangvien');
});
afterAll(() => t?.close());

type Person = { memberId: string; fullName: string };
type Mark = { memberId: string; status: string; reason: string | null; fromConference?: boolean };

describe('a cell studying at the ward conference takes its attendance from the conference roll call', () => {
  it('counts those present at the conference, sends those absent to make-up, prefills the report, and lets the cell’s own marks win', async () => {
    const { plan, cell, sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const flagged = await staff.inject({ method: 'POST', url: `/api/sessions/${sessionId}/at-conference`, payload: { version: 1, atConference: true } });
    expect(flagged.json()).toMatchObject({ status: 'at-conference', marks: [] });

    // The ward conference summons every member of the cell.
    const created = (await staff.inject({ method: 'POST', url: `/api/plans/${plan.id}/conferences`, payload: { scheduledAt: '2026-05-20T07:30:00+07:00' } })).json();
    const grouped = await staff.inject({ method: 'PUT', url: `/api/conferences/${created.id}/groups`, payload: { version: created.version, groups: [{ label: 'Đảng viên Chi bộ Tràng Đà 1', kind: 'unitMembers', unitIds: [cell.id] }] } });
    expect(grouped.statusCode).toBe(200);
    const sent = (await staff.inject({ method: 'POST', url: `/api/conferences/${created.id}/send`, payload: { version: grouped.json().version } })).json().conference;

    const detail = await detailOf(bithu, sessionId);
    const expected: string[] = detail.expected.map((p: Person) => p.memberId);
    const me = member.me.user.memberId!;
    const secretary = bithu.me.user.memberId!;
    expect(expected).toEqual(expect.arrayContaining([me, secretary]));
    const rows = await t.database.db.select({ id: members.id, personId: members.personId }).from(members).where(inArray(members.id, expected));
    const personOf = new Map(rows.map((r) => [r.id, r.personId]));
    const excusedId = expected.find((id) => id !== me && id !== secretary)!;
    expect(sent.participants.map((p: { personId: string }) => p.personId)).toEqual(expect.arrayContaining(expected.map((id) => personOf.get(id))));

    // The roll call: everyone present but the member (absent) and one excused.
    const marks = expected.map((id) =>
      id === me ? { personId: personOf.get(id), status: 'absent', reason: 'Đi công tác' } : id === excusedId ? { personId: personOf.get(id), status: 'excused', reason: 'Ốm' } : { personId: personOf.get(id), status: 'present' },
    );
    const roll = await staff.inject({ method: 'PUT', url: `/api/conferences/${sent.id}/attendance`, payload: { version: sent.version, marks } });
    expect(roll.statusCode).toBe(200);

    const taken = await detailOf(bithu, sessionId);
    expect(taken.status).toBe('at-conference');
    expect(taken.marks).toHaveLength(expected.length);
    expect(taken.marks.every((m: Mark) => m.fromConference === true)).toBe(true);
    expect(taken.marks.find((m: Mark) => m.memberId === me)).toMatchObject({ status: 'absent', reason: 'Đi công tác' });
    expect(taken.counts).toMatchObject({ expected: expected.length, present: expected.length - 2, absent: 1, excused: 1, unmarked: 0 });

    // The report starts from the conference's figures.
    const report = (await bithu.inject({ url: `/api/sessions/${sessionId}/report` })).json();
    expect(report.prefill.figures.members).toMatchObject({ expected: expected.length, present: expected.length - 2, absent: 1, excused: 1, madeUp: 0 });

    // Nothing is owed while the conference has not taken place; a make-up waits for it.
    const overview = async () => (await staff.inject({ url: `/api/plans/${plan.id}/sessions/overview` })).json();
    expect((await overview()).makeUp).toMatchObject({ owed: 0 });
    const early = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/make-ups`, payload: {} });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.id).toBe('session.make-up-needs-held');

    const held = await staff.inject({ method: 'POST', url: `/api/conferences/${sent.id}/held`, payload: { version: roll.json().version, heldOn: '2026-05-20' } });
    expect(held.json().status).toBe('held');
    let o = await overview();
    expect(o.makeUp).toMatchObject({ owed: 2, madeUp: 0, missing: 2 });
    expect(o.makeUp.cells).toEqual([expect.objectContaining({ unitId: cell.id, owed: 2 })]);
    expect(o.makeUp.cells[0].members.map((m: { memberId: string }) => m.memberId).sort()).toEqual([me, excusedId].sort());

    // The make-up expects exactly those two; the member checks in there with the QR code.
    const makeUp = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/make-ups`, payload: {} });
    expect(makeUp.statusCode).toBe(201);
    expect(makeUp.json().expected.map((p: Person) => p.memberId).sort()).toEqual([me, excusedId].sort());
    const refused = await bithu.inject({ method: 'POST', url: '/api/check-in', payload: { token: issueCheckInToken(SECRET, `session_${makeUp.json().id}`, new Date()) } });
    expect(refused.json().error.id).toBe('check-in.not-expected'); // present at the conference: nothing to make up
    const scanned = await member.inject({ method: 'POST', url: '/api/check-in', payload: { token: issueCheckInToken(SECRET, `session_${makeUp.json().id}`, new Date()) } });
    expect(scanned.json()).toMatchObject({ outcome: 'checked-in' });
    o = await overview();
    expect(o.makeUp).toMatchObject({ owed: 2, madeUp: 1, missing: 1 });
    expect((await bithu.inject({ url: `/api/sessions/${sessionId}/report` })).json().prefill.figures.members.madeUp).toBe(1);

    // The cell held a short session of its own after all: its own mark of the excused member wins.
    const own = await bithu.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, payload: { version: taken.version, marks: [{ memberId: excusedId, status: 'present' }] } });
    expect(own.statusCode).toBe(200);
    expect(own.json().marks.find((m: Mark) => m.memberId === excusedId)).toMatchObject({ status: 'present' });
    expect(own.json().marks.find((m: Mark) => m.memberId === excusedId).fromConference).toBeUndefined();
    expect(own.json().counts).toMatchObject({ present: expected.length - 1, excused: 0, absent: 1 });
    expect((await overview()).makeUp).toMatchObject({ owed: 1, madeUp: 1, missing: 0 });

    // Its report, submitted, freezes those figures (counted apart from the creation's statement).
    const rubric = (await bithu.inject({ url: '/api/rubrics/current' })).json();
    const scores = fullMarks(rubric);
    const draft = (await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, payload: { scores } })).json();
    const heldSession = await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, payload: { version: own.json().version, heldOn: '2026-05-20' } });
    expect(heldSession.statusCode, heldSession.body).toBe(200);
    // Counted on the day it was held (a member's exemption began after it).
    const onTheDay = (await detailOf(bithu, sessionId)).counts;
    const submitted = await bithu.inject({ method: 'POST', url: `/api/reports/${draft.id}/submit`, payload: { version: draft.version } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json().figures.members).toMatchObject({ expected: onTheDay.expected, present: onTheDay.present, excused: 0, absent: 1, madeUp: 1 });
    expect(submitted.json()).toEqual((await bithu.inject({ url: `/api/reports/${draft.id}` })).json());
  });

  it('a cell not studying at the conference keeps its own marks only; a member present at the plan’s held conference counts as made up', async () => {
    const { plan, cell, sessionId } = await sessionOfCell(t, staff, leader, 'Chi bộ Tràng Đà 1');
    const me = member.me.user.memberId!;
    const [row] = await t.database.db.select().from(members).where(eq(members.id, me));
    const detail = await detailOf(bithu, sessionId);
    const marks = detail.expected.map((p: Person) => (p.memberId === me ? { memberId: me, status: 'absent', reason: 'Đi công tác' } : { memberId: p.memberId, status: 'present' }));
    const saved = (await bithu.inject({ method: 'PUT', url: `/api/sessions/${sessionId}/attendance`, payload: { version: detail.version, marks } })).json();
    await bithu.inject({ method: 'POST', url: `/api/sessions/${sessionId}/held`, payload: { version: saved.version, heldOn: '2026-05-22' } });
    const overview = async () => (await staff.inject({ url: `/api/plans/${plan.id}/sessions/overview` })).json();
    expect((await overview()).makeUp).toMatchObject({ owed: 1, madeUp: 0 });

    // The member attends the ward conference of another date: made up.
    const c = (await staff.inject({ method: 'POST', url: `/api/plans/${plan.id}/conferences`, payload: {} })).json();
    const grouped = (await staff.inject({ method: 'PUT', url: `/api/conferences/${c.id}/groups`, payload: { version: c.version, groups: [{ label: 'Đảng viên Chi bộ Tràng Đà 1', kind: 'unitMembers', unitIds: [cell.id] }] } })).json();
    const sent = (await staff.inject({ method: 'POST', url: `/api/conferences/${c.id}/send`, payload: { version: grouped.version } })).json().conference;
    const roll = (await staff.inject({ method: 'PUT', url: `/api/conferences/${c.id}/attendance`, payload: { version: sent.version, marks: [{ personId: row!.personId, status: 'present' }] } })).json();
    // The session's own marks stand: the cell does not study at the conference.
    expect((await detailOf(bithu, sessionId)).marks.find((m: Mark) => m.memberId === me)).toMatchObject({ status: 'absent' });
    expect((await overview()).makeUp).toMatchObject({ owed: 1, madeUp: 0 }); // not held yet
    await staff.inject({ method: 'POST', url: `/api/conferences/${c.id}/held`, payload: { version: roll.version, heldOn: '2026-05-28' } });
    expect((await overview()).makeUp).toMatchObject({ owed: 1, madeUp: 1, missing: 0 });
  });
});
