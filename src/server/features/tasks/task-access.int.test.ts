// Who may do what to a plan's tasks beyond the ward's own roles: another commune's people (404, nothing
// of theirs changes, nothing of ours given to them), the administrator (reads, edits, adds, completes)
// and the province viewer (reads; every write 403, nothing changes). On a plan of the fixture issued here.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, count, eq, isNull } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { buildCommune, buildPlan, buildUserWithGrant, findUnit, FACTORY_PASSWORD } from '../../../../test/support/factories';
import { issueImportedPlan } from '../../../../test/support/fixtures';
import { planTasks, taskEvidence } from './tables';

let t: TestApp;
let staff: Session;
let ubnd: Session;
let bithu: Session;
let planId: string;
let tasks: Task[];

// After both of the fixture's deadlines (31/05 and 05/06/2026).
const TODAY = '2026-06-10T10:00:00+07:00';

type Task = { id: string | null; text: string; status: string; version: number };

beforeAll(async () => {
  // Signed in at the real time (sessions keep it, and PostgreSQL checks them against its own clock).
  t = await startTestApp();
  staff = await t.signIn('vanphong');
  ubnd = await t.signIn('ubnd');
  bithu = await t.signIn('bithu');
  const leader = await t.signIn('thuongtruc');
  planId = (await issueImportedPlan(staff, leader, { issuedOn: '2026-05-15' })).id;
  tasks = (await staff.inject({ url: `/api/plans/${planId}/tasks` })).json().tasks;
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(TODAY));
});
afterAll(async () => {
  await t?.close();
  vi.useRealTimers();
});

describe('another commune', () => {
  it('its plan’s tasks and its tasks’ ids answer 404 to this commune’s people; nothing of it changes', async () => {
    const other = await buildCommune(t.database, 'Đảng ủy xã Khác Nhiệm Vụ');
    const { plan } = await buildPlan(t.database, other, { status: 'issued' });
    const [task] = await t.database.db
      .insert(planTasks)
      .values({ tenantId: other.id, planId: plan.id, assigneeUnitId: other.id, assigneeLabel: 'Văn phòng', text: 'Việc của xã khác' })
      .returning();
    const ownCommune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const otherStaff = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: other });
    vi.useRealTimers();
    const theirs = await t.signIn(otherStaff.username, FACTORY_PASSWORD);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(TODAY));
    for (const s of [staff, ubnd, bithu]) {
      expect((await s.inject({ url: `/api/plans/${plan.id}/tasks` })).statusCode).toBe(404);
      expect((await s.inject({ url: `/api/tasks/${task!.id}` })).statusCode).toBe(404);
      expect((await s.inject({ method: 'POST', url: `/api/tasks/${task!.id}/complete`, payload: { version: 1 } })).statusCode).toBe(404);
      expect((await s.inject({ method: 'PATCH', url: `/api/tasks/${task!.id}`, payload: { version: 1, text: 'x' } })).statusCode).toBe(404);
      expect((await s.inject({ method: 'POST', url: `/api/tasks/${task!.id}/evidence`, payload: { note: 'x' } })).statusCode).toBe(404);
      expect((await s.inject({ method: 'POST', url: `/api/plans/${plan.id}/tasks`, payload: { id: randomUUID(), assigneeUnitId: other.id, text: 'x' } })).statusCode).toBe(404);
    }
    // Their staff may not give our plan a task, nor give theirs to one of our units.
    expect((await theirs.inject({ method: 'POST', url: `/api/plans/${planId}/tasks`, payload: { id: randomUUID(), assigneeUnitId: other.id, text: 'x' } })).statusCode).toBe(404);
    const cross = await theirs.inject({ method: 'POST', url: `/api/plans/${plan.id}/tasks`, payload: { id: randomUUID(), assigneeUnitId: ownCommune.id, text: 'x' } });
    expect(cross.statusCode).toBe(400);
    expect(cross.json().error.id).toBe('task.unknown-unit');
    const [after] = await t.database.db.select().from(planTasks).where(eq(planTasks.id, task!.id));
    expect(after).toMatchObject({ text: 'Việc của xã khác', status: 'not-started', version: 1 });
    expect(await t.database.db.select().from(taskEvidence).where(eq(taskEvidence.taskId, task!.id))).toHaveLength(0);
    expect(await t.database.db.select().from(planTasks).where(and(eq(planTasks.planId, plan.id), isNull(planTasks.parentId)))).toHaveLength(1);
  });
});

describe('the administrator and the province viewer', () => {
  it('the administrator reads, edits and completes the ward’s tasks; the province viewer reads them, every write 403 and nothing changes', async () => {
    vi.useRealTimers();
    const admin = await t.signIn('admin');
    const province = await t.signIn('tinhuy');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(TODAY));
    const report = tasks[1]!;
    const later = tasks[2]!;

    // The province viewer reads the plan's tasks and a task, and may do nothing to them.
    const seen = await province.inject({ url: `/api/plans/${planId}/tasks` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().tasks.map((x: Task) => x.id)).toContain(report.id);
    expect((await province.inject({ url: `/api/tasks/${report.id}` })).json()).toMatchObject({ id: report.id, text: report.text });
    const ubndUnit = await findUnit(t.database, 'Ủy ban nhân dân phường');
    const writes = [
      province.inject({ method: 'POST', url: `/api/tasks/${report.id}/complete`, payload: { version: report.version } }),
      province.inject({ method: 'PATCH', url: `/api/tasks/${report.id}`, payload: { version: report.version, text: 'Sửa từ tỉnh' } }),
      province.inject({ method: 'PATCH', url: `/api/tasks/${report.id}`, payload: { version: report.version, status: 'in-progress' } }),
      province.inject({ method: 'POST', url: `/api/tasks/${report.id}/evidence`, payload: { note: 'Minh chứng từ tỉnh' } }),
      province.inject({ method: 'POST', url: `/api/plans/${planId}/tasks`, payload: { id: randomUUID(), assigneeUnitId: ubndUnit.id, text: 'Việc tỉnh giao' } }),
    ];
    for (const res of await Promise.all(writes)) expect(res.statusCode).toBe(403);
    const [unchanged] = await t.database.db.select().from(planTasks).where(eq(planTasks.id, report.id!));
    expect(unchanged).toMatchObject({ text: report.text, status: 'not-started', version: report.version });
    expect(await t.database.db.select().from(taskEvidence).where(eq(taskEvidence.taskId, report.id!))).toHaveLength(0);
    const topLevel = async () => (await t.database.db.select({ n: count() }).from(planTasks).where(and(eq(planTasks.planId, planId), isNull(planTasks.parentId))))[0]!.n;
    const before = await topLevel();

    // The administrator: reads, edits, adds and completes, like the ward staff.
    expect((await admin.inject({ url: `/api/plans/${planId}/tasks` })).statusCode).toBe(200);
    const edited = await admin.inject({ method: 'PATCH', url: `/api/tasks/${later.id}`, payload: { version: later.version, text: 'Sơ kết việc thực hiện Nghị quyết (quản trị sửa)' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ text: 'Sơ kết việc thực hiện Nghị quyết (quản trị sửa)', version: later.version + 1 });
    const done = await admin.inject({ method: 'POST', url: `/api/tasks/${report.id}/complete`, payload: { version: report.version, note: 'Đã báo cáo Ban Thường vụ' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', completedOn: '2026-06-10', completionNote: 'Đã báo cáo Ban Thường vụ' });
    const added = await admin.inject({ method: 'POST', url: `/api/plans/${planId}/tasks`, payload: { id: randomUUID(), assigneeUnitId: ubndUnit.id, text: 'Rà soát kết quả tuyên truyền' } });
    expect(added.statusCode).toBe(201);
    expect(await topLevel()).toBe(before + 1);
  });
});
