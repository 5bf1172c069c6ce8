// On a draft, the office assigns a unit to a section IV phrase the names do not match: the preview
// shows it, the issue creates the task for that unit, the next plan of the commune remembers it; the
// refusals change nothing; only the office of the plan's own commune may do it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { buildCommune, buildUnit, buildUserWithGrant, findUnit, FACTORY_PASSWORD } from '../../../../test/support/factories';
import { issueImportedPlan, planFixture } from '../../../../test/support/fixtures';
import { auditLog } from '../audit/tables';
import { planTasks, taskAssigneeMappings } from './tables';

let t: TestApp;
let staff: Session;
let leader: Session;
let bithu: Session;

// "Văn phòng cấp ủy" is what some offices write for the unit the ward calls "Văn phòng Đảng ủy".
const source = planFixture.replace('3. Văn phòng Đảng ủy', '3. Văn phòng cấp ủy');
const PHRASE = 'Văn phòng cấp ủy';

type Task = { id: string | null; assigneeUnitId: string | null; assigneeName: string; assigneeLabel: string; assigneeResolved: boolean; assigneeMapped?: boolean };
const tasksOf = async (s: Session, planId: string): Promise<Task[]> => (await s.inject({ url: `/api/plans/${planId}/tasks` })).json().tasks;
const mappings = async () => Number((await t.database.db.select({ n: count() }).from(taskAssigneeMappings))[0]!.n);
const assign = (s: Session, planId: string, payload: unknown) => s.inject({ method: 'PUT', url: `/api/plans/${planId}/task-assignees`, payload: payload as Record<string, unknown> });

beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('vanphong');
  leader = await t.signIn('thuongtruc');
  bithu = await t.signIn('bithu');
});
afterAll(async () => {
  await t?.close();
});

describe('assigning a unit to a section IV phrase on the draft', () => {
  it('shows the choice in the preview, keeps it for the next plan, and issues the task to that unit', async () => {
    const office = await findUnit(t.database, 'Văn phòng Đảng ủy');
    const draft = (await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'import', source } })).json();
    const before = (await tasksOf(staff, draft.id)).filter((x) => x.assigneeLabel === PHRASE);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((x) => !x.assigneeResolved)).toBe(true);

    const res = await assign(staff, draft.id, { phrase: PHRASE, unitId: office.id });
    expect(res.statusCode).toBe(200);
    const mapped = (res.json().tasks as Task[]).filter((x) => x.assigneeLabel === PHRASE);
    expect(mapped.every((x) => x.assigneeResolved && x.assigneeMapped && x.assigneeUnitId === office.id && x.assigneeName === 'Văn phòng Đảng ủy')).toBe(true);
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'task.assignee-mapping'));
    expect(audit).toMatchObject({ entityId: draft.id });

    // The next plan of the commune that writes the same phrase (differently spaced and cased) is resolved at once.
    const next = (await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'import', source: source.replace('3. Văn phòng cấp ủy', '3. VĂN PHÒNG  cấp ủy') } })).json();
    expect((await tasksOf(staff, next.id)).filter((x) => x.assigneeUnitId === office.id && x.assigneeMapped).length).toBe(mapped.length);

    // Issuing creates the tasks for the chosen unit.
    const issued = await issueImportedPlan(staff, leader, { source });
    const rows = await t.database.db.select().from(planTasks).where(eq(planTasks.planId, issued.id));
    expect(rows.filter((r) => r.assigneeLabel === PHRASE).every((r) => r.assigneeUnitId === office.id)).toBe(true);

    // Cleared: the names decide again.
    expect((await assign(staff, draft.id, { phrase: PHRASE, unitId: null })).statusCode).toBe(200);
    expect((await tasksOf(staff, draft.id)).filter((x) => x.assigneeLabel === PHRASE).every((x) => !x.assigneeResolved && !x.assigneeMapped)).toBe(true);
  });

  it('refuses bad input, other roles and another commune, and changes nothing', async () => {
    const draft = (await staff.inject({ method: 'POST', url: '/api/plans', payload: { from: 'import', source } })).json();
    const office = await findUnit(t.database, 'Văn phòng Đảng ủy');
    const n = await mappings();

    const unknownPhrase = await assign(staff, draft.id, { phrase: 'Ban Không Có', unitId: office.id });
    expect(unknownPhrase.statusCode).toBe(400);
    expect(unknownPhrase.json().error.id).toBe('task.assignee-phrase-unknown');
    const other = await buildCommune(t.database, 'Đảng ủy xã Giao Việc');
    const foreignUnit = await buildUnit(t.database, other, { kind: 'agency', name: 'Văn phòng Đảng ủy xã' });
    const foreign = await assign(staff, draft.id, { phrase: PHRASE, unitId: foreignUnit.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.id).toBe('task.unknown-unit');
    expect((await assign(staff, draft.id, { phrase: PHRASE, unitId: 'not-an-id' })).statusCode).toBe(400);
    expect((await assign(staff, draft.id, { phrase: '', unitId: office.id })).statusCode).toBe(400);

    // The leadership approves, it does not edit the draft; a cell's secretary does not see it; another commune's office neither.
    expect((await assign(leader, draft.id, { phrase: PHRASE, unitId: office.id })).statusCode).toBe(403);
    expect([403, 404]).toContain((await assign(bithu, draft.id, { phrase: PHRASE, unitId: office.id })).statusCode);
    const outsider = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: other });
    const stranger = await t.signIn(outsider.username, FACTORY_PASSWORD);
    expect((await assign(stranger, draft.id, { phrase: PHRASE, unitId: office.id })).statusCode).toBe(404);

    // An issued plan's tasks exist already: 409.
    const issued = await issueImportedPlan(staff, leader, { source });
    const late = await assign(staff, issued.id, { phrase: PHRASE, unitId: office.id });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.id).toBe('task.plan-issued');
    expect(await mappings()).toBe(n);
  });
});
