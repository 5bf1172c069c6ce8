// The views of the tasks (issue 12, item 4): my unit's tasks, the ward overview by unit and by plan,
// a plan's timeline, the month calendar and the personal iCal feed — for every role, against a second
// commune's real ids, with overdue decided at the day's boundary in Hà Nội under a fixed clock.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, isNotNull } from 'drizzle-orm';
import ical from 'node-ical';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { buildCell, buildCommune, buildPlan, findUnit } from '../../../../test/support/factories';
import { dueMoment } from '../../../domain/due-moment';
import type { Due } from '../../../domain/plan-import/types';
import { roleGrants, users } from '../../auth/tables';
import { plans, type Plan } from '../plans/tables';
import { planTasks, type TaskStatus } from '../tasks/tables';
import { units, type Unit } from '../units/tables';

let t: TestApp;
const s: Record<string, Session> = {};
let ward: Unit;
let cell: Unit; // bithu's
let otherCell: Unit;
let ubnd: Unit;
let plan: Plan;
let b: { commune: Unit; cell: Unit; plan: Plan; draft: Plan; taskId: string };
const ids: Record<string, string> = {};

const before: Due = { phrase: 'Hoàn thành trước ngày 05/6/2026', kind: 'before', date: '2026-06-05' };
const onDay: Due = { phrase: 'Ngày 25/5/2026', kind: 'on', date: '2026-05-25' };
const inMay: Due = { phrase: 'Hoàn thành trong tháng 5/2026', kind: 'within-month', from: '2026-05-01', to: '2026-05-31' };
const ongoing: Due = { phrase: 'Thường xuyên', kind: 'ongoing' };

async function insertTask(values: { tenantId: string; planId: string; assigneeUnitId: string | null; assigneeLabel: string; text: string; due: Due | null; status?: TaskStatus; parentId?: string; position: number }) {
  const [row] = await t.database.db
    .insert(planTasks)
    .values({ ...values, dueAt: values.due ? dueMoment(values.due) : null, status: values.status ?? 'not-started', completedOn: values.status === 'done' ? '2026-05-22' : null })
    .returning();
  return row!.id;
}

/**
 * A request at a fixed moment: the clock every overdue decision reads (now(), todayInVietnam) is
 * `moment`, on a server whose own zone is UTC. (clock.ts's atMoment does not reach a request
 * made through inject(), so the request's Date is faked.)
 */
async function at(moment: string, session: Session, url: string) {
  const previousTz = process.env.TZ;
  process.env.TZ = 'UTC';
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(moment));
  try {
    return await session.inject({ url });
  } finally {
    vi.useRealTimers();
    process.env.TZ = previousTz;
  }
}

beforeAll(async () => {
  t = await startTestApp();
  for (const name of ['dangvien', 'bithu', 'ubnd', 'banxaydung', 'thuongtruc', 'admin', 'tinhuy']) s[name] = await t.signIn(name);
  const grantUnitOf = async (username: string) =>
    (await t.database.db.select({ unit: units }).from(roleGrants).innerJoin(users, and(eq(users.tenantId, roleGrants.tenantId), eq(users.id, roleGrants.userId))).innerJoin(units, and(eq(units.tenantId, roleGrants.tenantId), eq(units.id, roleGrants.unitId))).where(eq(users.username, username)))[0]!.unit;
  ward = await grantUnitOf('banxaydung');
  cell = await grantUnitOf('bithu');
  ubnd = await grantUnitOf('ubnd');
  otherCell = await findUnit(t.database, 'Chi bộ Tràng Đà 2');
  [plan] = await t.database.db.select().from(plans).where(and(eq(plans.tenantId, ward.id), eq(plans.status, 'issued')));

  // The demo's plan comes with its section IV tasks (created on issue, worked on by the seed): this
  // test counts exactly the tasks it writes, so the plan's own are cleared first.
  await t.database.db.delete(planTasks).where(and(eq(planTasks.tenantId, ward.id), eq(planTasks.planId, plan!.id), isNotNull(planTasks.parentId)));
  await t.database.db.delete(planTasks).where(and(eq(planTasks.tenantId, ward.id), eq(planTasks.planId, plan!.id)));
  const base = { tenantId: ward.id, planId: plan!.id };
  ids.report = await insertTask({ ...base, assigneeUnitId: ward.id, assigneeLabel: 'Ban Xây dựng Đảng', text: 'Tổng hợp, báo cáo kết quả thực hiện về Ban Tuyên giáo Tỉnh ủy', due: before, position: 9 });
  ids.ubndDay = await insertTask({ ...base, assigneeUnitId: ubnd.id, assigneeLabel: 'Ủy ban nhân dân phường', text: 'Tham mưu xây dựng Kế hoạch thực hiện Nghị quyết', due: onDay, status: 'in-progress', position: 1 });
  ids.ubndOngoing = await insertTask({ ...base, assigneeUnitId: ubnd.id, assigneeLabel: 'Ủy ban nhân dân phường', text: 'Tuyên truyền thường xuyên trên hệ thống loa', due: ongoing, position: 2 });
  ids.group = await insertTask({ ...base, assigneeUnitId: null, assigneeLabel: 'Các chi bộ, đảng bộ cơ sở', text: 'Tổ chức học tập, quán triệt Nghị quyết', due: inMay, position: 3 });
  ids.cellChild = await insertTask({ ...base, parentId: ids.group, assigneeUnitId: cell.id, assigneeLabel: cell.name, text: 'Tổ chức học tập, quán triệt Nghị quyết', due: inMay, position: 3 });
  ids.otherChild = await insertTask({ ...base, parentId: ids.group, assigneeUnitId: otherCell.id, assigneeLabel: otherCell.name, text: 'Tổ chức học tập, quán triệt Nghị quyết', due: inMay, status: 'done', position: 3 });

  const commune = await buildCommune(t.database, 'Đảng ủy xã Khác Nhiệm Vụ');
  const bCell = await buildCell(t.database, commune, 'Chi bộ Thôn Riêng');
  const { plan: bPlan } = await buildPlan(t.database, commune, { status: 'issued' });
  const { plan: draft } = await buildPlan(t.database, commune);
  const taskId = await insertTask({ tenantId: commune.id, planId: bPlan.id, assigneeUnitId: bCell.id, assigneeLabel: bCell.name, text: 'Nhiệm vụ bí mật của xã khác', due: onDay, position: 1 });
  b = { commune, cell: bCell, plan: bPlan, draft, taskId };
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/my/tasks', () => {
  it('lists the tasks of the very unit each account answers for, open first and overdue first', async () => {
    const mine = async (name: string, moment = '2026-05-26T03:00:00Z') => (await at(moment, s[name]!, '/api/my/tasks')).json().tasks as { id: string; overdue: boolean; planTitle: string; dueAt: string | null }[];
    expect((await mine('bithu')).map((x) => x.id)).toEqual([ids.cellChild]);
    const officer = await mine('ubnd');
    expect(officer.map((x) => x.id)).toEqual([ids.ubndDay, ids.ubndOngoing]);
    expect(officer[0]).toMatchObject({ overdue: true, planTitle: plan.title, dueAt: '2026-05-25T17:00:00.000Z' });
    expect(officer[1]).toMatchObject({ overdue: false, dueAt: null });
    // Ward staff and leadership: the commune's own (root-unit) tasks, not every cell's.
    expect((await mine('banxaydung')).map((x) => x.id)).toEqual([ids.report]);
    expect((await mine('thuongtruc')).map((x) => x.id)).toEqual([ids.report]);
  });

  it('overdue turns at the very start of the next Vietnamese day, whatever the server zone', async () => {
    const state = async (moment: string) => ((await at(moment, s.ubnd!, '/api/my/tasks')).json().tasks as { id: string; overdue: boolean }[]).find((x) => x.id === ids.ubndDay)!.overdue;
    expect(await state('2026-05-25T16:59:59.999Z')).toBe(false); // 23:59:59 on 25/5 in Hà Nội
    expect(await state('2026-05-25T17:00:00.000Z')).toBe(true); // 00:00 on 26/5
    // "trước ngày 05/6": overdue from the start of 05/6.
    const report = async (moment: string) => ((await at(moment, s.banxaydung!, '/api/my/tasks')).json().tasks as { overdue: boolean }[])[0]!.overdue;
    expect(await report('2026-06-04T16:59:59Z')).toBe(false);
    expect(await report('2026-06-04T17:00:00Z')).toBe(true);
  });

  it('a member, the province and an administrator of the province answer for no unit: 403', async () => {
    for (const name of ['dangvien', 'tinhuy', 'admin']) {
      const res = await s[name]!.inject({ url: '/api/my/tasks' });
      expect({ name, status: res.statusCode }).toEqual({ name, status: 403 });
      expect(res.json().error.id).toBe('forbidden');
    }
  });
});

describe('GET /api/tasks/overview', () => {
  type Row = { id: string; name: string; total: number; done: number; inProgress: number; notStarted: number; overdue: number };
  const overview = async (session: Session, query: string, moment = '2026-05-26T03:00:00Z') => at(moment, session, `/api/tasks/overview?${query}`);

  it('by unit: counts per unit, overdue first; by plan: the plan’s units’ tasks (a group counted through its units)', async () => {
    const res = await overview(s.banxaydung!, 'by=unit');
    expect(res.statusCode).toBe(200);
    const rows = res.json().rows as Row[];
    expect(rows.find((r) => r.id === ubnd.id)).toMatchObject({ total: 2, done: 0, inProgress: 1, notStarted: 1, overdue: 1 });
    expect(rows.find((r) => r.id === cell.id)).toMatchObject({ total: 1, notStarted: 1, overdue: 0 }); // due by the end of May
    expect(rows.find((r) => r.id === otherCell.id)).toMatchObject({ total: 1, done: 1, overdue: 0 });
    expect(rows.find((r) => r.id === ward.id)).toMatchObject({ total: 1, overdue: 0 });
    expect(rows.findIndex((r) => r.overdue === 0)).toBeGreaterThan(rows.findLastIndex((r) => r.overdue > 0));
    expect(res.json().totals).toEqual({ total: 5, done: 1, inProgress: 1, notStarted: 3, overdue: 1 });

    const byPlan = (await overview(s.banxaydung!, 'by=plan')).json();
    expect(byPlan.rows).toEqual([{ id: plan.id, name: plan.title, number: `${plan.number}-${plan.symbol}`, total: 5, done: 1, inProgress: 1, notStarted: 3, overdue: 1 }]);
    // Before 26/5 nothing is overdue; on 05/6 the report is too.
    expect((await overview(s.banxaydung!, 'by=plan', '2026-05-20T03:00:00Z')).json().totals.overdue).toBe(0);
    expect((await overview(s.banxaydung!, 'by=plan', '2026-06-05T03:00:00Z')).json().totals.overdue).toBe(3);
  });

  it('the leadership, the administrator and the province (read-only) see it; a cell, an agency and a member do not', async () => {
    expect((await overview(s.thuongtruc!, 'by=unit')).statusCode).toBe(200);
    const admin = await overview(s.admin!, `by=plan&communeId=${ward.id}`);
    expect(admin.json().totals.total).toBe(5);
    expect((await overview(s.tinhuy!, `by=plan&communeId=${ward.id}`)).json().totals.total).toBe(5);
    const province = (await overview(s.tinhuy!, `by=unit&communeId=${b.commune.id}`)).json();
    expect(province.rows.map((r: Row) => r.id)).toEqual([b.cell.id]);
    for (const name of ['bithu', 'ubnd', 'dangvien']) expect((await overview(s[name]!, 'by=unit')).statusCode).toBe(403);
  });

  it('another commune is not found; a bad choice is refused in Vietnamese', async () => {
    const res = await overview(s.banxaydung!, `by=unit&communeId=${b.commune.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Riêng');
    const bad = await overview(s.banxaydung!, 'by=cell');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.id).toBe('validation');
  });

  it('a row opened: the unit’s or the plan’s tasks; another commune’s unit or plan is not found', async () => {
    const unitList = (await at('2026-05-26T03:00:00Z', s.banxaydung!, `/api/tasks?unitId=${ubnd.id}`)).json().tasks as { id: string }[];
    expect(unitList.map((x) => x.id)).toEqual([ids.ubndDay, ids.ubndOngoing]);
    const planList = (await s.banxaydung!.inject({ url: `/api/tasks?planId=${plan.id}` })).json().tasks as { id: string }[];
    expect(planList.map((x) => x.id).sort()).toEqual([ids.report, ids.ubndDay, ids.ubndOngoing, ids.cellChild, ids.otherChild].sort());
    for (const query of [`unitId=${b.cell.id}`, `planId=${b.plan.id}`, `communeId=${b.commune.id}`]) {
      const res = await s.banxaydung!.inject({ url: `/api/tasks?${query}` });
      expect({ query, status: res.statusCode }).toEqual({ query, status: 404 });
      expect(res.body).not.toContain('bí mật');
    }
    expect((await s.bithu!.inject({ url: `/api/tasks?unitId=${cell.id}` })).statusCode).toBe(403);
  });
});

describe('GET /api/plans/:id/timeline', () => {
  type Item = { kind: string; date: string | null; from: string | null; to: string | null; label: string; status: string; taskId: string | null; progress: { done: number; total: number; overdue: number } | null };

  it('the plan’s dated items in order: issue, conference, the cells’ window, tasks by due, the report deadline', async () => {
    const res = await at('2026-05-26T03:00:00Z', s.bithu!, `/api/plans/${plan.id}/timeline`);
    expect(res.statusCode).toBe(200);
    const { items, today } = res.json() as { items: Item[]; today: string };
    expect(today).toBe('2026-05-26');
    expect(items[0]).toMatchObject({ kind: 'issued', date: plan.issuedOn, status: 'done' });
    expect(items.find((i) => i.kind === 'conference')).toMatchObject({ date: '2026-05-20', status: 'done' });
    expect(items.find((i) => i.kind === 'sessions')).toMatchObject({ from: plan.issuedOn, to: '2026-05-31', status: 'open' });
    expect(items.find((i) => i.taskId === ids.ubndDay)).toMatchObject({ kind: 'task', date: '2026-05-25', status: 'overdue' });
    expect(items.find((i) => i.taskId === ids.group)).toMatchObject({ kind: 'task', from: '2026-05-01', to: '2026-05-31', status: 'open', progress: { done: 1, total: 2, overdue: 0 } });
    expect(items.at(-1)).toMatchObject({ kind: 'report', taskId: ids.report, date: '2026-06-04', status: 'open' });
    // "Thường xuyên" has no place on a timeline; the units of a group are one line.
    expect(items.some((i) => i.taskId === ids.ubndOngoing || i.taskId === ids.cellChild)).toBe(false);
    // On 01/6 the month has passed: the group and the cells' window are overdue.
    const june = (await at('2026-05-31T17:00:00Z', s.bithu!, `/api/plans/${plan.id}/timeline`)).json().items as Item[];
    expect(june.find((i) => i.taskId === ids.group)).toMatchObject({ status: 'overdue', progress: { done: 1, total: 2, overdue: 1 } });
    const keys = items.map((i) => i.date ?? i.to ?? i.from!);
    expect([...keys].sort()).toEqual(keys);
  });

  it('read by whoever reads the plan; another commune’s plans are not found', async () => {
    for (const name of ['dangvien', 'ubnd', 'banxaydung', 'thuongtruc', 'admin', 'tinhuy']) {
      expect({ name, status: (await s[name]!.inject({ url: `/api/plans/${plan.id}/timeline` })).statusCode }).toEqual({ name, status: 200 });
    }
    for (const id of [b.plan.id, b.draft.id]) {
      const res = await s.banxaydung!.inject({ url: `/api/plans/${id}/timeline` });
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('bí mật');
    }
    // The province reads the other commune's issued plan, never its draft.
    expect((await s.tinhuy!.inject({ url: `/api/plans/${b.plan.id}/timeline` })).statusCode).toBe(200);
    expect((await s.tinhuy!.inject({ url: `/api/plans/${b.draft.id}/timeline` })).statusCode).toBe(404);
  });
});

describe('GET /api/calendar/month', () => {
  type Event = { id: string; kind: string; date: string; title: string; targetId: string; status: string };
  const month = async (session: Session, query: string) => at('2026-05-26T03:00:00Z', session, `/api/calendar/month?${query}`);

  it('the ward sees the month’s tasks (a group as one event), its conference and the sessions', async () => {
    const res = await month(s.banxaydung!, 'month=2026-05');
    expect(res.statusCode).toBe(200);
    const { events, today } = res.json() as { events: Event[]; today: string };
    expect(today).toBe('2026-05-26');
    expect(events.find((e) => e.targetId === ids.ubndDay)).toMatchObject({ kind: 'task', date: '2026-05-25', status: 'overdue' });
    expect(events.find((e) => e.targetId === ids.group)).toMatchObject({ kind: 'task', date: '2026-05-31', title: 'Tổ chức học tập, quán triệt Nghị quyết (1/2 xong)' });
    expect(events.find((e) => e.kind === 'conference')).toMatchObject({ date: '2026-05-20', status: 'done' });
    expect(events.some((e) => e.kind === 'session')).toBe(true);
    expect(events.some((e) => e.targetId === ids.report)).toBe(false); // its last day is 04/6
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    const june = (await month(s.banxaydung!, 'month=2026-06')).json().events as Event[];
    expect(june.find((e) => e.targetId === ids.report)).toMatchObject({ date: '2026-06-04' });
  });

  it('a secretary sees their cell’s, an officer their agency’s; the province chooses the commune', async () => {
    const secretary = (await month(s.bithu!, 'month=2026-05')).json().events as Event[];
    expect(secretary.filter((e) => e.kind === 'task').map((e) => e.targetId)).toEqual([ids.cellChild]);
    expect(secretary.some((e) => e.kind === 'conference')).toBe(false);
    const officer = (await month(s.ubnd!, 'month=2026-05')).json().events as Event[];
    expect(officer.filter((e) => e.kind === 'task').map((e) => e.targetId)).toEqual([ids.ubndDay]);
    expect((await month(s.thuongtruc!, 'month=2026-05')).statusCode).toBe(200);
    expect((await month(s.admin!, `month=2026-05&communeId=${ward.id}`)).statusCode).toBe(200);
    const province = (await month(s.tinhuy!, `month=2026-05&communeId=${b.commune.id}`)).json().events as Event[];
    expect(province.map((e) => e.targetId)).toEqual([b.taskId]);
    expect((await month(s.dangvien!, 'month=2026-05')).statusCode).toBe(403);
  });

  it('another commune is not found; a month that is not one is refused, in Vietnamese', async () => {
    const res = await month(s.banxaydung!, `month=2026-05&communeId=${b.commune.id}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('bí mật');
    for (const bad of ['2026-13', '2026-5', 'thang-5']) {
      const answer = await month(s.banxaydung!, `month=${bad}`);
      expect(answer.statusCode).toBe(400);
      expect(answer.body).toContain('YYYY-MM');
    }
  });
});

describe('the personal iCal feed', () => {
  it('lists the open, dated tasks of the person’s unit as all-day events with stable UIDs', async () => {
    const { url } = (await s.bithu!.inject({ method: 'POST', url: '/api/calendar/feed' })).json();
    const read = async () => {
      const res = await t.app.inject({ url: new URL(url).pathname });
      expect(res.statusCode).toBe(200);
      return { body: res.body, events: Object.values(ical.sync.parseICS(res.body)).filter((e) => e?.type === 'VEVENT') as ical.VEvent[] };
    };
    const { body, events } = await read();
    const task = events.find((e) => e.uid === `task-${ids.cellChild}@quantriet`);
    expect(task).toBeDefined();
    expect(task!.datetype).toBe('date');
    expect(body).toContain('DTSTART;VALUE=DATE:20260531');
    expect(body).toContain('DTEND;VALUE=DATE:20260601');
    expect(task!.summary).toContain('Tổ chức học tập, quán triệt Nghị quyết');
    // Not another unit's, not the group's own line, and the same UID on every read.
    expect(events.some((e) => [ids.otherChild, ids.group, ids.ubndDay, ids.report].some((id) => e.uid === `task-${id}@quantriet`))).toBe(false);
    expect((await read()).events.filter((e) => e.uid === task!.uid)).toHaveLength(1);

    // Done: gone from the feed.
    await t.database.db.update(planTasks).set({ status: 'done' }).where(and(eq(planTasks.tenantId, ward.id), eq(planTasks.id, ids.cellChild)));
    expect((await read()).events.some((e) => e.uid === task!.uid)).toBe(false);
    await t.database.db.update(planTasks).set({ status: 'not-started' }).where(and(eq(planTasks.tenantId, ward.id), eq(planTasks.id, ids.cellChild)));
  });
});
