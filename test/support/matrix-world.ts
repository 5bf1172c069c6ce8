// The world of the authorisation matrix (test/integrity/authorisation-matrix.int.test.ts): the demo ward
// with a session of each role signed in, and a second commune built with the factories and the
// administrator's own requests, each place offering an id of every kind a route's parameter names.
import { and, eq, isNotNull, ne, notInArray } from 'drizzle-orm';
import { startTestApp, type Session, type TestApp } from './app';
import { buildCell, buildCommune, buildMember, buildResolution, buildUserWithGrant, findUnit, multipartFile } from './factories';
import { planFixture } from './fixtures';
import { TINY_PDF, TINY_PNG, UNKNOWN_ID } from './route-ids';
import { plans, planDeliveries } from '../../src/server/features/plans/tables';
import { studySessions } from '../../src/server/features/study-sessions/tables';
import { planTasks } from '../../src/server/features/tasks/tables';
import { cellReports } from '../../src/server/features/reports/tables';
import { conferences } from '../../src/server/features/conferences/tables';
import { members } from '../../src/server/features/members/tables';
import { membershipEvents, positions } from '../../src/server/features/people/tables';
import { notifications } from '../../src/server/features/notifications/tables';
import { resolutionLinks, resolutions } from '../../src/server/features/resolutions/tables';
import { roleGrants, users } from '../../src/server/auth/tables';
import { units, type Unit } from '../../src/server/features/units/tables';
import { reflections } from '../../src/server/features/reflections/tables';
import { quizAttempts, quizQuestions } from '../../src/server/features/quiz/tables';

export const roles = ['admin', 'wardStaff', 'wardLeader', 'unitOfficer', 'cellSecretary', 'member', 'provinceViewer'] as const;
export type RoleName = (typeof roles)[number];
export const accounts: Record<RoleName, string> = { admin: 'admin', wardStaff: 'vanphong', wardLeader: 'thuongtruc', unitOfficer: 'ubnd', cellSecretary: 'bithu', member: 'dangvien', provinceViewer: 'tinhuy' };
export const scopes = ['own', 'same', 'other'] as const;
export type Scope = (typeof scopes)[number];
export type Place = 'cell1' | 'cell2' | 'ubnd' | 'other';

/** The ids a target place offers, by the kind of id a route's parameter names. */
export type Ids = Record<string, string>;

export const uuid0 = UNKNOWN_ID;

const png = TINY_PNG;
const pdf = TINY_PDF;

/** Uploads a file; returns the new record's id. */
async function upload(s: Session, url: string, bytes = png, name = 'anh.png', type = 'image/png'): Promise<string> {
  const res = await s.inject({ method: 'POST', url, ...multipartFile(bytes, name, type) });
  if (res.statusCode !== 201) throw new Error(`matrix fixture: upload to ${url}: ${res.statusCode} ${res.body}`);
  return res.json().id;
}

const first = <T>(rows: T[], what: string): T => {
  if (!rows[0]) throw new Error(`matrix fixture: no ${what}`);
  return rows[0];
};

export interface MatrixWorld {
  t: TestApp;
  sessions: Record<RoleName, Session>;
  places: Record<Place, Ids>;
  otherCommune: Unit;
  /** Each role's own notification, if it has one. */
  ownNotification: Record<RoleName, string | undefined>;
  currentRubric: Record<string, unknown>;
}

export async function buildMatrixWorld(): Promise<MatrixWorld> {
  const t = await startTestApp();
  const sessions = {} as Record<RoleName, Session>;
  const places = {} as Record<Place, Ids>;
  const ownNotification = {} as Record<RoleName, string | undefined>;
  const db = t.database.db;
  for (const role of roles) sessions[role] = await t.signIn(accounts[role]);
  const admin = sessions.admin;
  const [demoPlan] = await db.select().from(plans).where(eq(plans.issuedOn, '2026-05-15'));
  const commune = await findUnit(t.database, 'Đảng ủy phường Nông Tiến');
  const cell1 = await findUnit(t.database, 'Chi bộ Tràng Đà 1');
  const cell2 = await findUnit(t.database, 'Chi bộ Tràng Đà 2');
  const ubnd = first((await db.select().from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId)).where(eq(users.username, 'ubnd'))).map((r) => r.role_grants.unitId), 'ubnd grant');
  const [demoConference] = await db.select().from(conferences).where(eq(conferences.planId, demoPlan!.id));
  const [demoResolution] = await db.select().from(resolutions).where(eq(resolutions.tenantId, commune.id)).limit(1);
  const [demoLink] = await db.select().from(resolutionLinks).where(eq(resolutionLinks.tenantId, commune.id)).limit(1);
  const { title, groups, bands } = (await admin.inject({ url: '/api/rubrics/current' })).json();
  // The demo ward's current rubric, sent back as is: an allowed actor saves an identical version.
  const currentRubric: Record<string, unknown> = { title, groups, bands };

  // The other commune: factories for the tree, a member, an account, a resolution; the administrator's
  // own requests for the campaign (a plan imported, approved and issued: its sessions and tasks).
  const otherCommune = await buildCommune(t.database, `Đảng ủy xã Ma Trận ${Date.now()}`);
  const otherCell = await buildCell(t.database, otherCommune, 'Chi bộ Ma Trận 1');
  const otherMember = await buildMember(t.database, otherCell);
  const otherAccount = await buildUserWithGrant(t.database, { role: 'cellSecretary', unit: otherCell, memberId: otherMember.id });
  const [otherGrant] = await db.select().from(roleGrants).where(eq(roleGrants.userId, otherAccount.user.id));
  const { resolution: otherResolution } = await buildResolution(t.database, otherCommune);
  const [otherResolution2] = await db.insert(resolutions).values({ tenantId: otherCommune.id, kind: 'nghi-quyet', number: '2-NQ/ĐU', issuedOn: '2025-06-01', issuer: 'Đảng ủy', subject: 'Văn bản thứ hai' }).returning();
  const otherStaffAccount = await buildUserWithGrant(t.database, { role: 'wardStaff', unit: otherCommune });
  const otherLeaderAccount = await buildUserWithGrant(t.database, { role: 'wardLeader', unit: otherCommune });
  const otherStaff = await t.signIn(otherStaffAccount.username, otherStaffAccount.password);
  const otherLeader = await t.signIn(otherLeaderAccount.username, otherLeaderAccount.password);
  const q = `?communeId=${otherCommune.id}`;
  const link = await admin.inject({ method: 'POST', url: `/api/resolutions/${otherResolution.id}/links`, payload: { toId: otherResolution2!.id, relation: 'implements' } });
  const imported = await admin.inject({ method: 'POST', url: `/api/plans${q}`, payload: { from: 'import', source: planFixture } });
  if (imported.statusCode !== 201) throw new Error(`other plan: ${imported.body}`);
  const planId = imported.json().id as string;
  for (const [step, version] of [['submit', 1], ['approve', 2], ['issue', 3]] as const) {
    const res = await (step === 'approve' ? otherLeader : otherStaff).inject({ method: 'POST', url: `/api/plans/${planId}/${step}`, payload: { version, ...(step === 'issue' ? { issuedOn: '2026-05-15' } : {}) } });
    if (res.statusCode !== 200) throw new Error(`other plan ${step}: ${res.body}`);
  }
  const otherSession = first(await db.select().from(studySessions).where(and(eq(studySessions.planId, planId), eq(studySessions.unitId, otherCell.id))), 'other session');
  const otherReport = await admin.inject({ method: 'POST', url: `/api/sessions/${otherSession.id}/report`, payload: {} });
  const otherTask = first(await db.select().from(planTasks).where(and(eq(planTasks.planId, planId), eq(planTasks.assigneeUnitId, otherCell.id))), 'other task');
  const otherEvidence = await otherStaff.inject({ method: 'POST', url: `/api/tasks/${otherTask.id}/evidence`, ...multipartFile(png, 'minh-chung.png', 'image/png') });
  const otherResolutionFile = await upload(otherStaff, `/api/resolutions/${otherResolution.id}/attachments`, pdf, 'nghi-quyet.pdf', 'application/pdf');
  const otherConference = await admin.inject({ method: 'POST', url: `/api/plans/${planId}/conferences`, payload: { title: 'Hội nghị của xã khác' } });
  const otherEntry = await admin.inject({ method: 'POST', url: `/api/plans/${planId}/propaganda`, payload: { id: crypto.randomUUID(), unitId: otherCell.id, channel: 'zalo', on: '2026-05-20', title: 'Tin của xã khác' } });
  const otherSchedule = await admin.inject({ method: 'POST', url: `/api/plans/${planId}/loudspeaker`, payload: { id: crypto.randomUUID(), unitId: otherCell.id, title: 'Phát thanh xã khác', from: '2026-05-18', to: '2026-06-30', weekdays: ['MO'], time: '06:30' } });
  const otherExemption = await admin.inject({ method: 'POST', url: `/api/members/${otherMember.id}/exemptions`, payload: { from: '2026-05-20', reason: 'Tuổi cao, sức yếu' } });
  const [otherDelivery] = await db.select().from(planDeliveries).where(eq(planDeliveries.planId, planId)).limit(1);
  for (const [what, res] of Object.entries({ link, otherReport, otherEvidence, otherConference, otherEntry, otherSchedule })) {
    if (res.statusCode >= 300) throw new Error(`other commune ${what}: ${res.statusCode} ${res.body}`);
  }
  // The other commune's own study: its secretary's reflection on its plan, a quiz question and their attempt.
  const otherSecretary = await t.signIn(otherAccount.username, otherAccount.password);
  const otherStudy = async () => {
    const reflection = await otherSecretary.inject({ method: 'POST', url: `/api/plans/${planId}/reflections`, payload: { id: crypto.randomUUID(), reflection: 'Bài thu hoạch của xã khác', commitment: 'Cam kết' } });
    const questionRes = await otherStaff.inject({ method: 'POST', url: `/api/resolutions/${otherResolution.id}/quiz/questions`, payload: { id: crypto.randomUUID(), kind: 'single', text: 'Câu hỏi của xã khác?', options: ['Có', 'Không'], correct: [0] } });
    await otherStaff.inject({ method: 'PUT', url: `/api/resolutions/${otherResolution.id}/quiz/settings`, payload: { version: 0, questionCount: 1, timeLimitMinutes: 10, attemptsLimit: 3, counting: 'best', open: true } });
    const attempt = await otherSecretary.inject({ method: 'POST', url: `/api/resolutions/${otherResolution.id}/quiz/attempts`, payload: { id: crypto.randomUUID() } });
    for (const [what, res] of Object.entries({ reflection, questionRes, attempt })) if (res.statusCode >= 300) throw new Error(`other commune ${what}: ${res.statusCode} ${res.body}`);
    return { reflection: reflection.json().id as string, quizQuestion: questionRes.json().id as string, quizAttempt: attempt.json().id as string };
  };
  const [otherNotification] = await db.insert(notifications).values({ tenantId: otherCommune.id, personId: otherMember.personId, kind: 'plan.delivered', title: 'Thông báo của xã khác', body: '' } as typeof notifications.$inferInsert).returning();

  // The demo ward's: a report of Tràng Đà 1 (the demo leaves it for its secretary), a propaganda entry
  // and a position per place, the positions of their units, a member's exemption.
  const session1 = first(await db.select().from(studySessions).where(and(eq(studySessions.planId, demoPlan!.id), eq(studySessions.unitId, cell1.id), eq(studySessions.kind, 'regular'))), 'session 1');
  const session2 = first(await db.select().from(studySessions).where(and(eq(studySessions.planId, demoPlan!.id), eq(studySessions.unitId, cell2.id), eq(studySessions.kind, 'regular'))), 'session 2');
  const report1 = await sessions.cellSecretary.inject({ method: 'POST', url: `/api/sessions/${session1.id}/report`, payload: {} });
  if (report1.statusCode !== 201) throw new Error(`report 1: ${report1.body}`);
  const report2 = first(await db.select().from(cellReports).where(eq(cellReports.sessionId, session2.id)), 'report 2');
  const taskOf = async (unitId: string) => first(await db.select().from(planTasks).where(and(eq(planTasks.planId, demoPlan!.id), eq(planTasks.assigneeUnitId, unitId))), `task of ${unitId}`);
  const [task1, task2, taskU] = await Promise.all([taskOf(cell1.id), taskOf(cell2.id), taskOf(ubnd)]);
  const evidenceOf = async (taskId: string) => upload(sessions.admin, `/api/tasks/${taskId}/evidence`);
  const entryOf = async (unitId: string) =>
    (await sessions.admin.inject({ method: 'POST', url: `/api/plans/${demoPlan!.id}/propaganda`, payload: { id: crypto.randomUUID(), unitId, channel: 'zalo', on: '2026-05-20', title: 'Tin ma trận' } })).json().id as string;
  const scheduleOf = async (unitId: string) =>
    (await sessions.admin.inject({ method: 'POST', url: `/api/plans/${demoPlan!.id}/loudspeaker`, payload: { id: crypto.randomUUID(), unitId, title: 'Phát thanh ma trận', from: '2026-05-18', to: '2026-06-30', weekdays: ['MO'], time: '06:30' } })).json().id as string;
  const entryAttachmentOf = async (entryId: string, s: Session = sessions.admin) => upload(s, `/api/propaganda/${entryId}/attachments`);
  const memberOf = async (cellId: string) => first(await db.select().from(members).where(and(eq(members.cellId, cellId), ne(members.id, sessions.member.me.user.memberId ?? uuid0))), `member of ${cellId}`);
  const [member1, member2] = await Promise.all([memberOf(cell1.id), memberOf(cell2.id)]);
  const exemptionOf = async (memberId: string) => {
    await sessions.admin.inject({ method: 'POST', url: `/api/members/${memberId}/exemptions`, payload: { from: '2026-05-20', reason: 'Tuổi cao, sức yếu' } });
    return first(await db.select().from(membershipEvents).where(and(eq(membershipEvents.memberId, memberId), eq(membershipEvents.kind, 'exemption'))), `exemption of ${memberId}`).id;
  };
  const positionAt = async (unitId: string) => first(await db.select().from(positions).where(eq(positions.unitId, unitId)), `position at ${unitId}`);
  // Accounts of their own (the matrix disables and resets them), not the roles' accounts.
  const ubndUnit = first(await db.select().from(units).where(eq(units.id, ubnd)), 'ubnd unit');
  const accountAt = async (unitId: string) => {
    const { user } = await buildUserWithGrant(t.database, { role: 'member', unit: unitId === cell1.id ? cell1 : unitId === cell2.id ? cell2 : ubndUnit });
    return first(await db.select().from(roleGrants).where(eq(roleGrants.userId, user.id)), `account at ${unitId}`);
  };
  const deliveryTo = async (unitId: string) => first(await db.select().from(planDeliveries).where(and(eq(planDeliveries.planId, demoPlan!.id), eq(planDeliveries.unitId, unitId))), `delivery to ${unitId}`).id;
  const [position1, position2, positionU] = await Promise.all([positionAt(cell1.id), positionAt(cell2.id), positionAt(ubnd)]);
  const [grant1, grant2, grantU] = await Promise.all([accountAt(cell1.id), accountAt(cell2.id), accountAt(ubnd)]);
  const wardLevel = {
    plan: demoPlan!.id,
    conference: demoConference!.id,
    resolution: demoResolution!.id,
    resolutionAttachment: await upload(sessions.admin, `/api/resolutions/${demoResolution!.id}/attachments`, pdf, 'nghi-quyet.pdf', 'application/pdf'),
    link: demoLink?.id ?? uuid0,
    commune: commune.id,
  };
  const cellLevel = async (unitId: string, session: string, report: string, task: { id: string }, member: { id: string; personId: string }, position: { id: string }, grant: { userId: string; id: string }) => {
    const entry = await entryOf(unitId);
    return {
      ...wardLevel,
      unit: unitId,
      session,
      report,
      task: task.id,
      evidence: await evidenceOf(task.id),
      member: member.id,
      person: member.personId,
      exemption: await exemptionOf(member.id),
      position: position.id,
      account: grant.userId,
      grant: grant.id,
      entry,
      entryAttachment: await entryAttachmentOf(entry),
      schedule: await scheduleOf(unitId),
      delivery: await deliveryTo(unitId),
    };
  };
  // The members' own study: a reflection of each cell (the demo's), the ward's quiz question, an attempt by a member of each cell.
  const reflectionIn = async (cellId: string) =>
    first(await db.select({ id: reflections.id }).from(reflections).innerJoin(members, and(eq(members.tenantId, reflections.tenantId), eq(members.id, reflections.memberId))).where(eq(members.cellId, cellId)), `reflection in ${cellId}`).id;
  const attemptIn = async (cellId: string) =>
    (await db.select({ id: quizAttempts.id }).from(quizAttempts).innerJoin(members, and(eq(members.tenantId, quizAttempts.tenantId), eq(members.id, quizAttempts.memberId))).where(eq(members.cellId, cellId)))[0]?.id ?? uuid0;
  const [question] = await db.select({ id: quizQuestions.id }).from(quizQuestions).where(eq(quizQuestions.tenantId, commune.id)).limit(1);
  const study = async (cellId: string) => ({ reflection: await reflectionIn(cellId), quizQuestion: question?.id ?? uuid0, quizAttempt: await attemptIn(cellId) });
  const [study1, study2] = [await study(cell1.id), await study(cell2.id)];
  places.cell1 = await cellLevel(cell1.id, session1.id, report1.json().id, task1, member1, position1, grant1);
  Object.assign(places.cell1, study1);
  places.cell2 = { ...(await cellLevel(cell2.id, session2.id, report2.id, task2, member2, position2, grant2)), ...study2 };
  // The UBND has no session, report or member of its own: a cell's (Tràng Đà 1's) stand in.
  const u = await cellLevel(ubnd, session1.id, report1.json().id, taskU, member1, positionU, grantU);
  places.ubnd = { ...u, exemption: places.cell1.exemption, ...study1 };
  const otherPosition = await admin.inject({ method: 'POST', url: '/api/positions', payload: { personId: otherMember.personId, kindCode: 'bi-thu', unitId: otherCell.id, fromOn: '2026-01-01' } });
  places.other = {
    plan: planId,
    conference: otherConference.json().id,
    resolution: otherResolution.id,
    resolutionAttachment: otherResolutionFile,
    link: link.json().id ?? uuid0,
    commune: otherCommune.id,
    unit: otherCell.id,
    session: otherSession.id,
    report: otherReport.json().id,
    task: otherTask.id,
    evidence: otherEvidence.json().id,
    member: otherMember.id,
    person: otherMember.personId,
    exemption: otherExemption.statusCode === 200 ? first(await db.select().from(membershipEvents).where(and(eq(membershipEvents.memberId, otherMember.id), eq(membershipEvents.kind, 'exemption'))), 'other exemption').id : uuid0,
    position: otherPosition.statusCode === 201 ? otherPosition.json().id : uuid0,
    account: otherAccount.user.id,
    grant: otherGrant!.id,
    entry: otherEntry.json().id,
    entryAttachment: await entryAttachmentOf(otherEntry.json().id, otherStaff),
    schedule: otherSchedule.json().id,
    delivery: otherDelivery?.id ?? uuid0,
    notification: otherNotification!.id,
    ...(await otherStudy()),
  };
  // A notification: the actor's own for "own", another person's of the ward for "same".
  for (const role of roles) {
    const personId = sessions[role].me.user.memberId ? (await db.select().from(members).where(eq(members.id, sessions[role].me.user.memberId!)))[0]?.personId : undefined;
    const own = personId ? (await db.select().from(notifications).where(eq(notifications.personId, personId)).limit(1))[0] : undefined;
    ownNotification[role] = own?.id;
  }
  // Someone's who is none of the roles' persons (an account's own person, or its member's): a read of it
  // is another person's whatever the role. Ordered, so every database picks the same one.
  const rolePersons = new Set<string>([uuid0]);
  for (const role of roles) {
    const [account] = await db.select().from(users).where(eq(users.id, sessions[role].me.user.id));
    if (account?.personId) rolePersons.add(account.personId);
    const memberId = account?.memberId ?? sessions[role].me.user.memberId;
    const [member] = memberId ? await db.select().from(members).where(eq(members.id, memberId)) : [];
    if (member) rolePersons.add(member.personId);
  }
  const [someones] = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.tenantId, commune.id), isNotNull(notifications.personId), notInArray(notifications.personId, [...rolePersons])))
    .orderBy(notifications.createdAt, notifications.id)
    .limit(1);
  places.cell1.notification = places.cell2.notification = places.ubnd.notification = someones?.id ?? uuid0;
  return { t, sessions, places, otherCommune, ownNotification, currentRubric };
}
