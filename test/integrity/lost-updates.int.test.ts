// No lost update (issue 15, item 2), through HTTP on the real app:
// - every versioned record (a `version` column written through updateVersioned) not already raced in
//   src/server/db/versioned-writes.int.test.ts: N saves sent at once with the same version, exactly
//   one wins (200), the others get 409 with the record's stable error id, and the stored record is
//   the winner's;
// - 200 cells' reports created and then submitted at once: every one stored;
// - a double-clicked create (the same request twice at once, the same Idempotency-Key or client id):
//   stored once, both answers name the same record.
// On PGlite the requests serialise; on PostgreSQL the pool runs them concurrently (READ COMMITTED).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { LightMyRequestResponse } from 'fastify';
import { startTestApp, type Session, type TestApp } from '../support/app';
import { buildCell, buildMember, findUnit, multipartFile } from '../support/factories';
import { issueImportedPlan } from '../support/fixtures';
import { units } from '../../src/server/features/units/tables';
import { persons, positions } from '../../src/server/features/people/tables';
import { members } from '../../src/server/features/members/tables';
import { plans } from '../../src/server/features/plans/tables';
import { studySessions } from '../../src/server/features/study-sessions/tables';
import { planTasks, taskEvidence } from '../../src/server/features/tasks/tables';
import { propagandaEntries, loudspeakerSchedules } from '../../src/server/features/propaganda/tables';
import { cellReports, sessionInspections } from '../../src/server/features/reports/tables';
import { conferences } from '../../src/server/features/conferences/tables';
import { attachments } from '../../src/server/features/resolutions/tables';
import { TINY_PNG } from '../support/route-ids';

type Res = LightMyRequestResponse;
const N = 5;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

let t: TestApp;
let staff: Session;
let staff2: Session;
let leader: Session;
let bithu: Session;
let demoPlanId: string;
beforeAll(async () => {
  t = await startTestApp();
  [staff, staff2, leader, bithu] = await Promise.all([t.signIn('vanphong'), t.signIn('banxaydung'), t.signIn('thuongtruc'), t.signIn('bithu')]);
  const [plan] = await t.database.db.select().from(plans).where(eq(plans.issuedOn, '2026-05-15'));
  demoPlanId = plan!.id;
}, 120_000);
afterAll(() => t?.close());

/**
 * Sends `send(0..n-1)` at once: exactly one 200 (or `okStatus`), every other a 409 whose id is one
 * of `loserIds`. Returns the winner's index.
 */
async function race(n: number, send: (i: number) => Promise<Res>, loserIds: string[], okStatus = 200): Promise<number> {
  const results = await Promise.all(range(n).map(send));
  const statuses = results.map((r) => r.statusCode);
  expect(statuses.filter((s) => s === okStatus), JSON.stringify(results.map((r) => [r.statusCode, r.body.slice(0, 200)]))).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(n - 1);
  for (const r of results.filter((x) => x.statusCode === 409)) expect(loserIds).toContain(r.json().error.id);
  return statuses.indexOf(okStatus);
}

describe('concurrent saves of one version: one wins, the others 409, the winner stored', () => {
  it('PATCH /api/units/:id', async () => {
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const cell = await buildCell(t.database, commune);
    const w = await race(N, (i) => staff.inject({ method: 'PATCH', url: `/api/units/${cell.id}`, payload: { version: cell.version, name: `Chi bộ Đua ${i}` } }), ['unit.version-conflict']);
    const [stored] = await t.database.db.select().from(units).where(eq(units.id, cell.id));
    expect(stored).toMatchObject({ name: `Chi bộ Đua ${w}`, version: cell.version + 1 });
  });

  it('PATCH /api/people/:id', async () => {
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 2');
    const member = await buildMember(t.database, cell);
    const [person] = await t.database.db.select().from(persons).where(eq(persons.id, member.personId));
    const w = await race(N, (i) => (i % 2 ? staff : staff2).inject({ method: 'PATCH', url: `/api/people/${person!.id}`, payload: { version: person!.version, phone: `091234567${i}` } }), ['person.version-conflict']);
    const [stored] = await t.database.db.select().from(persons).where(eq(persons.id, person!.id));
    expect(stored).toMatchObject({ phone: `091234567${w}`, version: person!.version + 1 });
  });

  it('PATCH /api/positions/:id', async () => {
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const [position] = await t.database.db.select().from(positions).where(and(eq(positions.tenantId, commune.id), isNull(positions.toOn))).limit(1);
    const w = await race(N, (i) => staff.inject({ method: 'PATCH', url: `/api/positions/${position!.id}`, payload: { version: position!.version, toOn: `2031-01-1${i}` } }), ['position.version-conflict']);
    const [stored] = await t.database.db.select().from(positions).where(eq(positions.id, position!.id));
    expect(stored).toMatchObject({ toOn: `2031-01-1${w}`, version: position!.version + 1 });
  });

  it('PATCH /api/conferences/:id', async () => {
    const created = await staff.inject({ method: 'POST', url: `/api/plans/${demoPlanId}/conferences`, payload: { title: 'Hội nghị thử đua' } });
    expect(created.statusCode).toBe(201);
    const [conference] = await t.database.db.select().from(conferences).where(eq(conferences.id, created.json().id));
    const w = await race(N, (i) => (i % 2 ? staff : staff2).inject({ method: 'PATCH', url: `/api/conferences/${conference!.id}`, payload: { version: conference!.version, venue: `Hội trường ${i}` } }), ['conference.version-conflict']);
    const [stored] = await t.database.db.select().from(conferences).where(eq(conferences.id, conference!.id));
    expect(stored).toMatchObject({ venue: `Hội trường ${w}`, version: conference!.version + 1 });
  });

  it('PATCH /api/sessions/:id', async () => {
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    const [session] = await t.database.db.select().from(studySessions).where(and(eq(studySessions.planId, demoPlanId), eq(studySessions.unitId, cell.id)));
    const w = await race(N, (i) => (i % 2 ? staff : bithu).inject({ method: 'PATCH', url: `/api/sessions/${session!.id}`, payload: { version: session!.version, place: `Nhà văn hóa ${i}` } }), ['session.version-conflict']);
    const [stored] = await t.database.db.select().from(studySessions).where(eq(studySessions.id, session!.id));
    expect(stored).toMatchObject({ place: `Nhà văn hóa ${w}`, version: session!.version + 1 });
  });

  it('PATCH /api/tasks/:id and POST /api/tasks/:id/complete', async () => {
    const [task] = await t.database.db
      .select()
      .from(planTasks)
      .where(and(eq(planTasks.planId, demoPlanId), eq(planTasks.status, 'in-progress'), isNull(planTasks.parentId)))
      .limit(1);
    const w = await race(N, (i) => (i % 2 ? staff : staff2).inject({ method: 'PATCH', url: `/api/tasks/${task!.id}`, payload: { version: task!.version, text: `Nhiệm vụ đua ${i}` } }), ['task.version-conflict']);
    const [edited] = await t.database.db.select().from(planTasks).where(eq(planTasks.id, task!.id));
    expect(edited).toMatchObject({ text: `Nhiệm vụ đua ${w}`, version: task!.version + 1 });
    const c = await race(N, (i) => (i % 2 ? staff : staff2).inject({ method: 'POST', url: `/api/tasks/${task!.id}/complete`, payload: { version: edited!.version, note: `Xong ${i}` } }), ['task.version-conflict', 'task.done']);
    const [done] = await t.database.db.select().from(planTasks).where(eq(planTasks.id, task!.id));
    expect(done).toMatchObject({ status: 'done', version: edited!.version + 1 });
    expect(c).toBeGreaterThanOrEqual(0);
  });

  it('PUT /api/settings/reminders', async () => {
    const { version } = (await staff.inject({ url: '/api/settings/reminders' })).json();
    const w = await race(N, (i) => (i % 2 ? staff : staff2).inject({ method: 'PUT', url: '/api/settings/reminders', payload: { version, overdueEveryDays: i + 1 } }), ['reminder-settings.version-conflict']);
    const stored = (await staff.inject({ url: '/api/settings/reminders' })).json();
    expect(stored).toMatchObject({ overdueEveryDays: w + 1, version: version + 1 });
  });

  it('PUT /api/me/notification-preferences (two sessions of one account)', async () => {
    const other = await t.signIn('vanphong');
    const { version } = (await staff.inject({ url: '/api/me/notification-preferences' })).json();
    const choice = (i: number) => ({ muteEmail: i % 2 === 1, dailyDigest: i >= 2 });
    const w = await race(4, (i) => (i % 2 ? staff : other).inject({ method: 'PUT', url: '/api/me/notification-preferences', payload: { version, ...choice(i) } }), ['notification-preferences.version-conflict']);
    const stored = (await staff.inject({ url: '/api/me/notification-preferences' })).json();
    expect(stored).toMatchObject({ ...choice(w), version: version + 1 });
  });

  it('PATCH /api/propaganda/:id', async () => {
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    const created = await bithu.inject({ method: 'POST', url: `/api/plans/${demoPlanId}/propaganda`, payload: { id: crypto.randomUUID(), unitId: cell.id, channel: 'zalo', on: '2026-05-20', title: 'Tin đua' } });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json();
    const w = await race(N, (i) => (i % 2 ? staff : bithu).inject({ method: 'PATCH', url: `/api/propaganda/${entry.id}`, payload: { version: entry.version, title: `Tin đua ${i}` } }), ['propaganda.version-conflict']);
    const [stored] = await t.database.db.select().from(propagandaEntries).where(eq(propagandaEntries.id, entry.id));
    expect(stored).toMatchObject({ title: `Tin đua ${w}`, version: entry.version + 1 });
  });

  it('PATCH /api/reports/:id', async () => {
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    const [session] = await t.database.db.select().from(studySessions).where(and(eq(studySessions.planId, demoPlanId), eq(studySessions.unitId, cell.id), eq(studySessions.kind, 'regular')));
    const created = await bithu.inject({ method: 'POST', url: `/api/sessions/${session!.id}/report`, payload: {} });
    expect(created.statusCode, created.body).toBe(201);
    const report = created.json();
    const w = await race(N, (i) => (i % 2 ? staff : bithu).inject({ method: 'PATCH', url: `/api/reports/${report.id}`, payload: { version: report.version, summary: `Tóm tắt ${i}` } }), ['report.version-conflict']);
    const [stored] = await t.database.db.select().from(cellReports).where(eq(cellReports.id, report.id));
    expect(stored).toMatchObject({ summary: `Tóm tắt ${w}`, version: report.version + 1 });
  });

  it('PUT /api/plans/:id/consolidated-report', async () => {
    const { version } = (await staff.inject({ url: `/api/plans/${demoPlanId}/consolidated-report` })).json();
    const w = await race(N, (i) => (i % 2 ? staff : leader).inject({ method: 'PUT', url: `/api/plans/${demoPlanId}/consolidated-report`, payload: { version, difficulties: `Khó khăn ${i}` } }), ['consolidated-report.version-conflict']);
    const stored = (await staff.inject({ url: `/api/plans/${demoPlanId}/consolidated-report` })).json();
    expect(stored).toMatchObject({ difficulties: `Khó khăn ${w}`, version: version + 1 });
  });
});

/** The rubric's items scored in full: a report that may be submitted. */
async function fullScores(s: Session) {
  const rubric = (await s.inject({ url: '/api/rubrics/current' })).json();
  return (rubric.groups as { items: { id: string; maxPoints: number }[] }[]).flatMap((g) => g.items.map((i) => ({ itemId: i.id, points: i.maxPoints })));
}

describe('200 cells report at once', () => {
  it('200 reports created at once, then submitted at once: every one stored and submitted', { timeout: 300_000 }, async () => {
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    for (let i = 0; i < 160; i++) await buildCell(t.database, commune, `Chi bộ Báo cáo ${String(i).padStart(3, '0')}`);
    const plan = await issueImportedPlan(staff, leader);
    const sessions = (await t.database.db.select().from(studySessions).where(and(eq(studySessions.planId, plan.id), eq(studySessions.kind, 'regular')))).slice(0, 200);
    expect(sessions).toHaveLength(200);
    // Held (the secretaries' roll calls are not what this test is about).
    await t.database.db.update(studySessions).set({ heldOn: '2026-05-20' }).where(inArray(studySessions.id, sessions.map((x) => x.id)));
    const scores = await fullScores(staff);
    const created = await Promise.all(sessions.map((x, i) => (i % 2 ? staff : staff2).inject({ method: 'POST', url: `/api/sessions/${x.id}/report`, headers: { 'idempotency-key': `bao-cao-${x.id}` }, payload: { scores, summary: `Báo cáo ${i}` } })));
    expect(created.filter((r) => r.statusCode !== 201).map((r) => r.body)).toEqual([]);
    const submitted = await Promise.all(created.map((r, i) => (i % 2 ? staff2 : staff).inject({ method: 'POST', url: `/api/reports/${r.json().id}/submit`, payload: { version: r.json().version } })));
    expect(submitted.filter((r) => r.statusCode !== 200).map((r) => r.body)).toEqual([]);
    const stored = await t.database.db.select().from(cellReports).where(eq(cellReports.planId, plan.id));
    expect(stored).toHaveLength(200);
    expect(stored.every((r) => r.status === 'submitted')).toBe(true);
    expect(new Set(stored.map((r) => r.sessionId))).toEqual(new Set(sessions.map((x) => x.id)));
    const bySession = new Map(sessions.map((x, i) => [x.id, i]));
    for (const r of stored) expect(r.summary).toBe(`Báo cáo ${bySession.get(r.sessionId)}`);
  });
});

/** A 1×1 PNG. */
const png = TINY_PNG;

describe('a double-clicked create (the same request twice at once) is stored once', () => {
  /** Sends the request twice at once; both succeed and name the same record; returns its id. */
  async function twice(send: () => Promise<Res>, okStatuses = [200, 201]): Promise<string> {
    const [a, b] = await Promise.all([send(), send()]);
    expect(okStatuses, a.body).toContain(a.statusCode);
    expect(okStatuses, b.body).toContain(b.statusCode);
    expect(a.json().id).toBeDefined();
    expect(b.json().id).toBe(a.json().id);
    return a.json().id;
  }
  const key = () => ({ 'idempotency-key': `nhap-dup-${crypto.randomUUID()}` });
  const rows = async (table: PgTable, where: SQL | undefined) => Number((await t.database.db.select({ n: count() }).from(table).where(where))[0]!.n);

  let tranDa2: Awaited<ReturnType<typeof findUnit>>;
  let heldSessionId: string;
  beforeAll(async () => {
    tranDa2 = await findUnit(t.database, 'Chi bộ Tràng Đà 2');
    const [session] = await t.database.db.select().from(studySessions).where(and(eq(studySessions.planId, demoPlanId), eq(studySessions.unitId, tranDa2.id), eq(studySessions.kind, 'regular')));
    heldSessionId = session!.id;
    expect(session!.heldOn).not.toBeNull();
  });

  it('POST /api/sessions/:id/report (Idempotency-Key)', async () => {
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    const plan = await issueImportedPlan(staff, leader);
    const [session] = await t.database.db.select().from(studySessions).where(and(eq(studySessions.planId, plan.id), eq(studySessions.unitId, cell.id), eq(studySessions.kind, 'regular')));
    const headers = key();
    await twice(() => bithu.inject({ method: 'POST', url: `/api/sessions/${session!.id}/report`, headers, payload: { summary: 'Một lần' } }), [201]);
    expect(await rows(cellReports, eq(cellReports.sessionId, session!.id))).toBe(1);
  });

  it('POST /api/plans/:id/tasks (the client names the id)', async () => {
    const payload = { id: crypto.randomUUID(), assigneeUnitId: tranDa2.id, text: 'Nhiệm vụ bấm hai lần' };
    await twice(() => staff.inject({ method: 'POST', url: `/api/plans/${demoPlanId}/tasks`, payload }));
    expect(await rows(planTasks, eq(planTasks.id, payload.id))).toBe(1);
  });

  it('POST /api/plans/:id/propaganda and /loudspeaker (the client names the id)', async () => {
    const entry = { id: crypto.randomUUID(), unitId: tranDa2.id, channel: 'zalo', on: '2026-05-21', title: 'Tin bấm hai lần' };
    await twice(() => staff.inject({ method: 'POST', url: `/api/plans/${demoPlanId}/propaganda`, payload: entry }));
    expect(await rows(propagandaEntries, eq(propagandaEntries.id, entry.id))).toBe(1);
    const schedule = { id: crypto.randomUUID(), unitId: tranDa2.id, title: 'Phát thanh bấm hai lần', from: '2026-05-18', to: '2026-06-30', weekdays: ['MO'], time: '06:30' };
    await twice(() => staff.inject({ method: 'POST', url: `/api/plans/${demoPlanId}/loudspeaker`, payload: schedule }));
    expect(await rows(loudspeakerSchedules, eq(loudspeakerSchedules.id, schedule.id))).toBe(1);
  });

  it('POST /api/propaganda/:id/attachments (Idempotency-Key, a file)', async () => {
    const entry = (await staff.inject({ method: 'POST', url: `/api/plans/${demoPlanId}/propaganda`, payload: { id: crypto.randomUUID(), unitId: tranDa2.id, channel: 'zalo', on: '2026-05-21', title: 'Tin có ảnh' } })).json();
    const headers = key();
    const body = multipartFile(png, 'anh.png', 'image/png');
    await twice(() => staff.inject({ method: 'POST', url: `/api/propaganda/${entry.id}/attachments`, headers: { ...body.headers, ...headers }, payload: body.payload }), [201]);
    expect(await rows(attachments, eq(attachments.ownerId, entry.id))).toBe(1);
  });

  it('POST /api/tasks/:id/evidence (Idempotency-Key, a note and a file)', async () => {
    const [task] = await t.database.db.select().from(planTasks).where(and(eq(planTasks.planId, demoPlanId), eq(planTasks.assigneeUnitId, tranDa2.id))).limit(1);
    const note = key();
    await twice(() => staff.inject({ method: 'POST', url: `/api/tasks/${task!.id}/evidence`, headers: note, payload: { note: 'Minh chứng bấm hai lần' } }), [201]);
    const file = key();
    const body = multipartFile(png, 'minh-chung.png', 'image/png');
    await twice(() => staff.inject({ method: 'POST', url: `/api/tasks/${task!.id}/evidence`, headers: { ...body.headers, ...file }, payload: body.payload }), [201]);
    expect(await rows(taskEvidence, eq(taskEvidence.taskId, task!.id))).toBe(2);
  });

  it('POST /api/sessions/:id/make-ups and /inspections (Idempotency-Key)', async () => {
    const makeUps = await rows(studySessions, eq(studySessions.makeUpOfId, heldSessionId));
    const headers = key();
    await twice(() => staff.inject({ method: 'POST', url: `/api/sessions/${heldSessionId}/make-ups`, headers, payload: {} }), [201]);
    expect(await rows(studySessions, eq(studySessions.makeUpOfId, heldSessionId))).toBe(makeUps + 1);
    const inspections = await rows(sessionInspections, eq(sessionInspections.sessionId, heldSessionId));
    const again = key();
    await twice(() => staff.inject({ method: 'POST', url: `/api/sessions/${heldSessionId}/inspections`, headers: again, payload: { inspectedOn: '2026-05-25', inspectors: 'Ban xây dựng Đảng', findings: 'Đúng quy định.' } }), [201]);
    expect(await rows(sessionInspections, eq(sessionInspections.sessionId, heldSessionId))).toBe(inspections + 1);
  });

  it('POST /api/members, /api/people and /api/positions (Idempotency-Key)', async () => {
    const member = key();
    const memberId = await twice(() => staff.inject({ method: 'POST', url: '/api/members', headers: member, payload: { cellId: tranDa2.id, fullName: 'Trần Thị Bấm Hai', gender: 'female', arrival: { kind: 'joined', on: '2026-05-02' } } }), [201]);
    expect(await rows(members, eq(members.fullName, 'Trần Thị Bấm Hai'))).toBe(1);
    const [row] = await t.database.db.select().from(members).where(eq(members.id, memberId));
    expect(row!.cellId).toBe(tranDa2.id);
    const person = key();
    const personId = await twice(() => staff.inject({ method: 'POST', url: '/api/people', headers: person, payload: { fullName: 'Lê Văn Bấm Hai' } }), [201]);
    expect(await rows(persons, eq(persons.fullName, 'Lê Văn Bấm Hai'))).toBe(1);
    const [kind] = await t.database.db.select({ kindCode: positions.kindCode }).from(positions).where(eq(positions.unitId, tranDa2.id)).limit(1);
    const position = key();
    await twice(() => staff.inject({ method: 'POST', url: '/api/positions', headers: position, payload: { personId, kindCode: kind!.kindCode, unitId: tranDa2.id, fromOn: '2026-05-02' } }), [201]);
    expect(await rows(positions, eq(positions.personId, personId))).toBe(1);
  });

  it('a key sent by another person, or for another request, is refused and adds nothing', async () => {
    const headers = key();
    const first = await staff.inject({ method: 'POST', url: '/api/people', headers, payload: { fullName: 'Phạm Văn Khóa' } });
    expect(first.statusCode).toBe(201);
    const other = await staff2.inject({ method: 'POST', url: '/api/people', headers, payload: { fullName: 'Phạm Văn Khóa' } });
    expect(other.statusCode).toBe(409);
    expect(other.json().error.id).toBe('person.id-taken');
    const elsewhere = await staff.inject({ method: 'POST', url: '/api/members', headers, payload: { cellId: tranDa2.id, fullName: 'Phạm Văn Khóa', gender: 'male', arrival: { kind: 'joined', on: '2026-05-02' } } });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error.id).toBe('member.id-taken');
    expect(await rows(persons, eq(persons.fullName, 'Phạm Văn Khóa'))).toBe(1);
    const short = await staff.inject({ method: 'POST', url: '/api/people', headers: { 'idempotency-key': 'ngan' }, payload: { fullName: 'Phạm Văn Ngắn' } });
    expect(short.statusCode).toBe(400);
    expect(await rows(persons, eq(persons.fullName, 'Phạm Văn Ngắn'))).toBe(0);
  });
});
