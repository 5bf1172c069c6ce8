// A plan's tasks end to end: created on issue from section IV (the fixture plan: 6 single tasks and
// 2 group tasks with one child per open cell), the draft's preview, completion (version, 409, 403),
// edits (staff only), tasks added by hand (idempotent), evidence (413/415, nothing stored), the cells'
// study task done when its session is held, completeFollowingTasks. Another commune's ids, the
// administrator and the province viewer: task-access.int.test.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, count, eq, inArray, like } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { buildCell, findUnit, multipartFile } from '../../../../test/support/factories';
import { issueImportedPlan, planFixture } from '../../../../test/support/fixtures';
import { units } from '../units/tables';
import { studySessions } from '../study-sessions/tables';
import { auditLog } from '../audit/tables';
import { planTasks, taskEvidence } from './tables';
import { completeFollowingTasks } from './follow';

let t: TestApp;
let staff: Session;
let leader: Session;
let ubnd: Session;
let bithu: Session;
let member: Session;

// After both of the fixture's deadlines (31/05 and 05/06/2026): what is not done is overdue.
const TODAY = '2026-06-10T10:00:00+07:00';

beforeAll(async () => {
  // Signed in at the real time (sessions keep it, and PostgreSQL checks them against its own clock).
  t = await startTestApp();
  staff = await t.signIn('vanphong');
  leader = await t.signIn('thuongtruc');
  ubnd = await t.signIn('ubnd');
  bithu = await t.signIn('bithu');
  member = await t.signIn('dangvien');
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(TODAY));
});
afterAll(async () => {
  await t?.close();
  vi.useRealTimers();
});

type Task = {
  id: string | null;
  assigneeUnitId: string | null;
  assigneeName: string;
  assigneeResolved: boolean;
  text: string;
  due: { phrase: string; kind: string; date?: string; from?: string; to?: string } | null;
  dueAt: string | null;
  status: string;
  overdue: boolean;
  follows: string | null;
  version: number;
  rollUp?: { done: number; total: number; overdue: number };
  children?: { id: string; assigneeUnitId: string; assigneeName: string; status: string; overdue: boolean; version: number }[];
};
const tasksOf = async (s: Session, planId: string): Promise<{ preview: boolean; tasks: Task[] }> => (await s.inject({ url: `/api/plans/${planId}/tasks` })).json();
const openCellsOf = async (communeId: string, day = '2026-05-15') =>
  (await t.database.db.select().from(units).where(and(eq(units.tenantId, communeId), inArray(units.kind, ['cell', 'grassrootsOrg'])))).filter((u) => !u.closedOn || u.closedOn > day);

let planId: string;
let tasks: Task[];

describe('tasks created on issue from section IV', () => {
  it('the draft answers what issuing will create: resolved units, due, the group tasks', async () => {
    const draft = (await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'import', source: planFixture } })).json();
    const preview = await tasksOf(staff, draft.id);
    expect(preview.preview).toBe(true);
    expect(preview.tasks.map((x) => x.assigneeName)).toEqual([
      'Ban xây dựng Đảng',
      'Ban xây dựng Đảng',
      'Ban xây dựng Đảng',
      'Ủy ban nhân dân phường',
      'Ủy ban nhân dân phường',
      'Văn phòng Đảng ủy',
      'Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc',
      'Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc',
    ]);
    expect(preview.tasks.every((x) => x.id === null && x.assigneeResolved)).toBe(true);
    expect(preview.tasks[6]!.follows).toBe('study-session');
    expect(preview.tasks[7]!.follows).toBe('cell-report');
    // Nothing is stored for a draft; a member of a cell does not see the ward's draft.
    expect((await t.database.db.select({ n: count() }).from(planTasks).where(eq(planTasks.planId, draft.id)))[0]!.n).toBe(0);
    expect((await member.inject({ url: `/api/plans/${draft.id}/tasks` })).statusCode).toBe(404);
  });

  it('issuing the fixture plan creates its 8 tasks: 6 to one unit each, 2 fanned out to every open cell and grassroots organisation', async () => {
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const plan = await issueImportedPlan(staff, leader, { issuedOn: '2026-05-15' });
    planId = plan.id;
    const cells = await openCellsOf(commune.id);
    const stored = await t.database.db.select().from(planTasks).where(eq(planTasks.planId, planId));
    expect(stored.filter((r) => !r.parentId)).toHaveLength(8);
    expect(stored.filter((r) => r.parentId)).toHaveLength(2 * cells.length);

    ({ tasks } = await tasksOf(ubnd, planId));
    expect(tasks).toHaveLength(8);
    const [, report, , ubndPlan, ubndInfo, office, study, cellReport] = tasks;
    expect(ubndPlan!.text).toContain('Tham mưu xây dựng Kế hoạch của Ban Thường vụ Đảng ủy phường thực hiện Nghị quyết số 91-NQ/TU');
    expect(ubndPlan).toMatchObject({ assigneeName: 'Ủy ban nhân dân phường', due: null, dueAt: null, status: 'not-started', overdue: false });
    expect(report!.due).toEqual({ phrase: 'Hoàn thành trước ngày 05/6/2026', kind: 'before', date: '2026-06-05' });
    // "trước ngày D": due at the start of D in Hà Nội.
    expect(report!.dueAt).toBe('2026-06-04T17:00:00.000Z');
    expect(report!.overdue).toBe(true);
    expect(ubndInfo!.due).toMatchObject({ kind: 'within-month', from: '2026-05-01', to: '2026-05-31' });
    expect(ubndInfo!.dueAt).toBe('2026-05-31T17:00:00.000Z');
    expect(office!.assigneeName).toBe('Văn phòng Đảng ủy');
    for (const group of [study!, cellReport!]) {
      expect(group.assigneeUnitId).toBeNull();
      expect(group.assigneeName).toBe('Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc');
      expect(group.children!.map((c) => c.assigneeUnitId).sort()).toEqual(cells.map((c) => c.id).sort());
      expect(group.rollUp).toEqual({ done: 0, total: cells.length, overdue: cells.length });
      expect(group.overdue).toBe(true);
    }
    expect(study!.follows).toBe('study-session');
    expect(cellReport!.follows).toBe('cell-report');
    // Issuing was audited with the count.
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.action, 'task.create-from-plan'), eq(auditLog.entityId, planId)));
    expect(entry!.after).toEqual({ tasks: 8, rows: 8 + 2 * cells.length });
  });

  it('a phrase naming no unit stays with the commune as written; a closed cell gets no task', async () => {
    const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
    const closed = await buildCell(t.database, commune, 'Chi bộ Đã Giải Thể Nhiệm Vụ');
    await t.database.db.update(units).set({ closedOn: '2026-05-01' }).where(eq(units.id, closed.id));
    const source = planFixture.replace('3. Văn phòng Đảng ủy', '3. Hội Người cao tuổi phường');
    const plan = await issueImportedPlan(staff, leader, { source, issuedOn: '2026-05-15' });
    const { tasks: list } = await tasksOf(staff, plan.id);
    expect(list).toHaveLength(8);
    expect(list[5]).toMatchObject({ assigneeUnitId: commune.id, assigneeName: 'Hội Người cao tuổi phường', assigneeResolved: false });
    expect(list[6]!.children!.some((c) => c.assigneeUnitId === closed.id)).toBe(false);
  });
});

describe('completing a task', () => {
  it('the assignee unit completes its own task (version-conditional); another unit gets 403; nothing changes', async () => {
    const ubndPlan = tasks[3]!;
    const office = tasks[5]!;
    const refused = await ubnd.inject({ method: 'POST', url: `/api/tasks/${office.id}/complete`, payload: { version: office.version } });
    expect(refused.statusCode).toBe(403);
    expect((await t.database.db.select().from(planTasks).where(eq(planTasks.id, office.id!)))[0]!.status).toBe('not-started');
    // A member reads the task but may not complete it.
    expect((await member.inject({ url: `/api/tasks/${ubndPlan.id}` })).statusCode).toBe(200);
    expect((await member.inject({ method: 'POST', url: `/api/tasks/${ubndPlan.id}/complete`, payload: { version: 1 } })).statusCode).toBe(403);

    const done = await ubnd.inject({ method: 'POST', url: `/api/tasks/${ubndPlan.id}/complete`, payload: { version: ubndPlan.version, note: 'Đã trình Thường trực ngày 14/5' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', completedOn: '2026-06-10', completionNote: 'Đã trình Thường trực ngày 14/5', overdue: false, version: ubndPlan.version + 1 });
    expect(done.json().history[0]).toMatchObject({ action: 'task.complete', byName: 'Ma Văn Thắng', note: 'Đã trình Thường trực ngày 14/5' });

    const stale = await ubnd.inject({ method: 'POST', url: `/api/tasks/${ubndPlan.id}/complete`, payload: { version: ubndPlan.version } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.id).toBe('task.version-conflict');
  });

  it('a group task is completed unit by unit; its line rolls up', async () => {
    const study = tasks[6]!;
    const own = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
    const child = study.children!.find((c) => c.assigneeUnitId === own.id)!;
    expect((await bithu.inject({ method: 'POST', url: `/api/tasks/${study.id}/complete`, payload: { version: study.version } })).json().error.id).toBe('task.group');
    const other = study.children!.find((c) => c.assigneeUnitId !== own.id)!;
    expect((await bithu.inject({ method: 'POST', url: `/api/tasks/${other.id}/complete`, payload: { version: other.version } })).statusCode).toBe(403);
    const res = await bithu.inject({ method: 'POST', url: `/api/tasks/${child.id}/complete`, payload: { version: child.version } });
    expect(res.statusCode).toBe(200);
    const line = (await tasksOf(staff, planId)).tasks[6]!;
    expect(line.rollUp).toEqual({ done: 1, total: study.children!.length, overdue: study.children!.length - 1 });
    expect(line.status).toBe('in-progress');
    expect(line.children!.find((c) => c.id === child.id)).toMatchObject({ status: 'done', overdue: false });
  });
});

describe('editing tasks of an issued plan', () => {
  it('the staff edit text, deadline (warned when before the resolution) and assignee; others get 403, nothing changes', async () => {
    const task = tasks[0]!;
    for (const s of [ubnd, bithu, leader]) {
      const res = await s.inject({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { version: task.version, text: 'Sửa' } });
      expect(res.statusCode).toBe(403);
    }
    expect((await t.database.db.select().from(planTasks).where(eq(planTasks.id, task.id!)))[0]!.text).toBe(task.text);

    const bad = await staff.inject({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { version: task.version, due: 'khi nào rảnh' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.id).toBe('task.due-invalid');

    const res = await staff.inject({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { version: task.version, due: 'Hoàn thành trước ngày 10/5/2026' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().due).toEqual({ phrase: 'Hoàn thành trước ngày 10/5/2026', kind: 'before', date: '2026-05-10' });
    expect(res.json().warnings).toEqual(['Thời hạn “Hoàn thành trước ngày 10/5/2026” kết thúc trước ngày ban hành Nghị quyết số 91-NQ/TU (12/05/2026).']);

    const office = await findUnit(t.database, 'Văn phòng Đảng ủy');
    const moved = await staff.inject({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { version: task.version + 1, assigneeUnitId: office.id, text: 'Nội dung đã sửa' } });
    expect(moved.json()).toMatchObject({ assigneeUnitId: office.id, assigneeName: 'Văn phòng Đảng ủy', text: 'Nội dung đã sửa' });
  });

  it('the assignee moves its status; the staff change a group task’s text for every unit', async () => {
    const info = tasks[4]!;
    const started = await ubnd.inject({ method: 'PATCH', url: `/api/tasks/${info.id}`, payload: { version: info.version, status: 'in-progress' } });
    expect(started.json().status).toBe('in-progress');
    expect((await ubnd.inject({ method: 'PATCH', url: `/api/tasks/${info.id}`, payload: { version: info.version + 1, text: 'x' } })).statusCode).toBe(403);

    const report = tasks[7]!;
    const res = await staff.inject({ method: 'PATCH', url: `/api/tasks/${report.id}`, payload: { version: report.version, due: 'trước ngày 08/6/2026' } });
    expect(res.statusCode).toBe(200);
    const kids = await t.database.db.select().from(planTasks).where(eq(planTasks.parentId, report.id!));
    expect(kids.every((k) => k.due?.phrase === 'trước ngày 08/6/2026')).toBe(true);
  });

  it('the staff add a task by hand; the same id sent again finds it; others may not add', async () => {
    const ubndUnit = await findUnit(t.database, 'Ủy ban nhân dân phường');
    const id = randomUUID();
    const payload = { id, assigneeUnitId: ubndUnit.id, text: 'Báo cáo nhanh kết quả tuyên truyền trên cổng thông tin', due: 'trước ngày 20/6/2026' };
    expect((await ubnd.inject({ method: 'POST', url: `/api/plans/${planId}/tasks`, payload })).statusCode).toBe(403);
    const first = await staff.inject({ method: 'POST', url: `/api/plans/${planId}/tasks`, payload });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ id, manual: true, assigneeName: 'Ủy ban nhân dân phường', due: { kind: 'before', date: '2026-06-20' }, warnings: [] });
    const again = await staff.inject({ method: 'POST', url: `/api/plans/${planId}/tasks`, payload });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(id);
    expect((await t.database.db.select({ n: count() }).from(planTasks).where(eq(planTasks.id, id)))[0]!.n).toBe(1);
    const list = (await tasksOf(staff, planId)).tasks;
    expect(list.at(-1)!.id).toBe(id);
  });
});

describe('evidence', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const evidenceRows = async (taskId: string) => t.database.db.select().from(taskEvidence).where(eq(taskEvidence.taskId, taskId));
  const storedFiles = () => readdirSync(t.env.QT_FILES_DIR, { recursive: true }).length;

  it('a PDF and a note are kept and downloaded; over 20 MB: 413, a forbidden type: 415, nothing stored', async () => {
    const task = tasks[4]!;
    const before = storedFiles();
    const big = multipartFile(Buffer.alloc(20 * 1024 * 1024 + 1, 0x25), 'lon.pdf', 'application/pdf');
    const tooBig = await ubnd.inject({ method: 'POST', url: `/api/tasks/${task.id}/evidence`, ...big });
    expect(tooBig.statusCode).toBe(413);
    const exe = multipartFile(Buffer.from('MZ\x90\x00 not a document'), 'bao-cao.pdf', 'application/pdf');
    const wrong = await ubnd.inject({ method: 'POST', url: `/api/tasks/${task.id}/evidence`, ...exe });
    expect(wrong.statusCode).toBe(415);
    expect(wrong.json().error.id).toBe('task.evidence-type');
    expect(await evidenceRows(task.id!)).toHaveLength(0);
    expect(storedFiles()).toBe(before);

    // Another unit may not add evidence.
    expect((await bithu.inject({ method: 'POST', url: `/api/tasks/${task.id}/evidence`, ...multipartFile(pdf, 'a.pdf') })).statusCode).toBe(403);

    const ok = await ubnd.inject({ method: 'POST', url: `/api/tasks/${task.id}/evidence`, ...multipartFile(pdf, 'Báo cáo tuyên truyền.pdf', 'application/pdf') });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ fileName: 'Báo cáo tuyên truyền.pdf', contentType: 'application/pdf', size: pdf.length });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(16)]);
    expect((await ubnd.inject({ method: 'POST', url: `/api/tasks/${task.id}/evidence`, ...multipartFile(png, 'anh.png') })).json().contentType).toBe('image/png');
    const note = await ubnd.inject({ method: 'POST', url: `/api/tasks/${task.id}/evidence`, payload: { note: 'Đã đăng 3 tin bài trên trang của phường' } });
    expect(note.statusCode).toBe(201);
    expect((await ubnd.inject({ method: 'POST', url: `/api/tasks/${task.id}/evidence`, payload: { note: '  ' } })).statusCode).toBe(400);

    const download = await member.inject({ url: `/api/tasks/${task.id}/evidence/${ok.json().id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    const detail = (await member.inject({ url: `/api/tasks/${task.id}` })).json();
    expect(detail.evidence.map((e: { fileName: string | null; note: string | null }) => e.fileName ?? e.note)).toEqual([
      'Báo cáo tuyên truyền.pdf',
      'anh.png',
      'Đã đăng 3 tin bài trên trang của phường',
    ]);
  });
});

describe('tasks that follow the real work', () => {
  it('a cell’s session held completes its study task that day, audited; the group’s line rolls up', async () => {
    const cell = await findUnit(t.database, 'Chi bộ Tràng Đà 5');
    const [session] = await t.database.db.select().from(studySessions).where(and(eq(studySessions.planId, planId), eq(studySessions.unitId, cell.id)));
    let detail = (await staff.inject({ url: `/api/sessions/${session!.id}` })).json();
    const marks = detail.expected.map((p: { memberId: string }) => ({ memberId: p.memberId, status: 'present' }));
    detail = (await staff.inject({ method: 'PUT', url: `/api/sessions/${session!.id}/attendance`, payload: { version: detail.version, marks } })).json();
    const held = await staff.inject({ method: 'POST', url: `/api/sessions/${session!.id}/held`, payload: { version: detail.version, heldOn: '2026-05-27' } });
    expect(held.statusCode).toBe(200);
    const [task] = await t.database.db.select().from(planTasks).where(and(eq(planTasks.planId, planId), eq(planTasks.assigneeUnitId, cell.id), eq(planTasks.follows, 'study-session')));
    expect(task).toMatchObject({ status: 'done', completedOn: '2026-05-27' });
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'task'), eq(auditLog.entityId, task!.id)));
    expect(entry!.action).toBe('task.complete-by-study-session');
    // The report task of the same cell is untouched.
    const [report] = await t.database.db.select().from(planTasks).where(and(eq(planTasks.planId, planId), eq(planTasks.assigneeUnitId, cell.id), eq(planTasks.follows, 'cell-report')));
    expect(report!.status).toBe('not-started');
    expect((await tasksOf(staff, planId)).tasks[6]!.rollUp!.done).toBe(2);
  });

  it('a cell studying at the ward conference has its study task done when the conference is held, or when marked after it was', async () => {
    const studyTaskOf = async (unitId: string) =>
      (await t.database.db.select().from(planTasks).where(and(eq(planTasks.planId, planId), eq(planTasks.assigneeUnitId, unitId), eq(planTasks.follows, 'study-session'))))[0]!;
    const sessionOf = async (unitId: string) => (await t.database.db.select().from(studySessions).where(and(eq(studySessions.planId, planId), eq(studySessions.unitId, unitId))))[0]!;
    const [before, after] = [await findUnit(t.database, 'Chi bộ Trạm Y tế phường'), await findUnit(t.database, 'Chi bộ Quân sự phường')];
    const flag = async (unitId: string) => {
      const session = await sessionOf(unitId);
      const res = await staff.inject({ method: 'POST', url: `/api/sessions/${session.id}/at-conference`, payload: { version: session.version, atConference: true } });
      expect(res.json()).toMatchObject({ atConference: true });
    };
    await flag(before.id);
    // Flagged, not yet studied: the task stays open until the conference is held.
    expect((await studyTaskOf(before.id)).status).toBe('not-started');

    const c = (await staff.inject({ method: 'POST', url: `/api/plans/${planId}/conferences`, payload: {} })).json();
    expect((await staff.inject({ method: 'POST', url: `/api/conferences/${c.id}/send`, payload: { version: 1 } })).statusCode).toBe(200);
    const marks = c.participants.map((p: { personId: string }) => ({ personId: p.personId, status: 'present' }));
    expect((await staff.inject({ method: 'PUT', url: `/api/conferences/${c.id}/attendance`, payload: { version: 2, marks } })).statusCode).toBe(200);
    expect((await staff.inject({ method: 'POST', url: `/api/conferences/${c.id}/held`, payload: { version: 3, heldOn: '2026-05-20' } })).json()).toMatchObject({ status: 'held' });

    expect(await studyTaskOf(before.id)).toMatchObject({ status: 'done', completedOn: '2026-05-20' });
    const [entry] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'task'), eq(auditLog.entityId, (await studyTaskOf(before.id)).id)));
    expect(entry!.action).toBe('task.complete-by-study-session');
    // A cell not studying at the conference is untouched.
    expect((await studyTaskOf(after.id)).status).toBe('not-started');
    // Marked after the conference was held: done at once, on the conference's day.
    await flag(after.id);
    expect(await studyTaskOf(after.id)).toMatchObject({ status: 'done', completedOn: '2026-05-20' });
    expect((await tasksOf(staff, planId)).tasks[6]!.rollUp!.done).toBe(4);
  });

  it('completeFollowingTasks: a grassroots organisation’s task is done once all its cells’ are; the group task when every unit’s is', async () => {
    const org = await findUnit(t.database, 'Đảng bộ Công ty cổ phần Xi măng Tân Quang');
    const orgCells = await t.database.db.select().from(units).where(and(like(units.path, `${org.path}%`), eq(units.kind, 'cell')));
    const run = (unitId: string) =>
      t.database.db.transaction((tx) => completeFollowingTasks(tx, { tenantId: org.tenantId, planId, unitId, follows: 'cell-report', on: '2026-06-03' }));
    expect(await run(orgCells[0]!.id)).toBe(1);
    const orgTask = async () => (await t.database.db.select().from(planTasks).where(and(eq(planTasks.planId, planId), eq(planTasks.assigneeUnitId, org.id), eq(planTasks.follows, 'cell-report'))))[0]!;
    expect((await orgTask()).status).toBe('not-started');
    expect(await run(orgCells[1]!.id)).toBe(1);
    // The last cell: its task and the organisation's.
    expect(await run(orgCells[2]!.id)).toBe(2);
    expect(await orgTask()).toMatchObject({ status: 'done', completedOn: '2026-06-03' });
    // Again: nothing left to do.
    expect(await run(orgCells[2]!.id)).toBe(0);

    // Every other unit: the group task is done.
    const parent = tasks[7]!;
    const rest = await t.database.db.select().from(planTasks).where(and(eq(planTasks.parentId, parent.id!)));
    for (const r of rest) await run(r.assigneeUnitId!);
    const [stored] = await t.database.db.select().from(planTasks).where(eq(planTasks.id, parent.id!));
    expect(stored!.status).toBe('done');
    const line = (await tasksOf(staff, planId)).tasks[7]!;
    expect(line).toMatchObject({ status: 'done', overdue: false, rollUp: { done: rest.length, total: rest.length, overdue: 0 } });
  });
});
