// Everything QuánTriệt stores about a person, in one JSON document (Nghị định 13/2023/NĐ-CP, the
// data subject's right to obtain their data; decision 028). Fields are listed one by one: no password
// hash, one-time code, session or calendar token ever leaves through here.
import { and, asc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { forbidden, notFound } from '../../errors';
import { now } from '../../clock';
import { recordAudit } from '../audit/service';
import { auditLog } from '../audit/tables';
import { roleGrants, users } from '../../auth/tables';
import { members } from '../members/tables';
import { units } from '../units/tables';
import { toRef } from '../units/service';
import { persons, positions, type Person } from '../people/tables';
import { loadPersonFor, personDto, positionsWhere } from '../people/persons-service';
import { historyDto, loadHistory } from '../people/membership-service';
import { sessionAttendance, studySessions } from '../study-sessions/tables';
import { conferenceAttendance, conferenceParticipants, conferences } from '../conferences/tables';
import { reflections } from '../reflections/tables';
import { quizAttempts } from '../quiz/tables';
import { notificationPreferences, notifications } from '../notifications/tables';
import { calendarFeeds } from '../calendar/tables';
import { attachments } from '../resolutions/tables';
import { taskEvidence } from '../tasks/tables';
import { personOfActor } from '../notifications/service';
import { canExportOwnData, canExportPersonalData } from './policy';
import { readTogether } from '../../db/read-together';

export const EXPORT_FORMAT = 'quantriet.personal-data/1';

/** The person's member record and accounts: who they are in the tables that point at them. */
export async function subjectOf(db: DbOrTx, person: Pick<Person, 'tenantId' | 'id'>) {
  const [member] = await db.select().from(members).where(and(eq(members.tenantId, person.tenantId), eq(members.personId, person.id)));
  const accountWhere = member ? or(eq(users.personId, person.id), eq(users.memberId, member.id)) : eq(users.personId, person.id);
  const accounts = await db.select().from(users).where(and(eq(users.tenantId, person.tenantId), accountWhere));
  return { member: member ?? null, accounts };
}

/** GET /api/people/:id/personal-data: an administrator of the person's commune. */
export async function exportPersonalDataFor(db: Db, actor: Actor, personId: string) {
  const { person, commune } = await loadPersonFor(db, actor, personId);
  if (!canExportPersonalData(actor, toRef(commune))) throw forbidden('tải dữ liệu cá nhân của người này');
  return exportAndAudit(db, actor, person);
}

/** GET /api/me/personal-data: the signed-in person's own data (an account without a person: the account alone). */
export async function exportOwnData(db: Db, actor: Actor) {
  if (!canExportOwnData(actor)) throw forbidden('tải dữ liệu cá nhân');
  const me = await personOfActor(db, actor);
  if (me) {
    const [person] = await db.select().from(persons).where(and(eq(persons.tenantId, me.tenantId), eq(persons.id, me.personId)));
    if (person) return exportAndAudit(db, actor, person);
  }
  const [account] = await db.select().from(users).where(and(eq(users.tenantId, actor.tenantId), eq(users.id, actor.userId)));
  if (!account) throw notFound('user');
  const data = { format: EXPORT_FORMAT, exportedAt: now().toISOString(), person: null, accounts: await accountsDto(db, [account]), audit: await auditAbout(db, account.tenantId, [eq(auditLog.entity, 'user'), eq(auditLog.entityId, account.id)]) };
  await recordAudit(db, { tenantId: account.tenantId, actorId: actor.userId, action: 'personal-data.exported', entity: 'user', entityId: account.id, after: { own: true } });
  return { data, fileName: `du-lieu-ca-nhan-${account.username}.json` };
}

async function exportAndAudit(db: Db, actor: Actor, person: Person) {
  const data = await collectPersonalData(db, person);
  // The export is recorded (who took whose data, when), not what it held.
  await recordAudit(db, { tenantId: person.tenantId, actorId: actor.userId, action: 'personal-data.exported', entity: 'person', entityId: person.id, after: { own: data.accounts.some((a) => a.id === actor.userId) } });
  return { data, fileName: `du-lieu-ca-nhan-${person.id.slice(0, 8)}.json` };
}

async function accountsDto(db: DbOrTx, accounts: (typeof users.$inferSelect)[]) {
  if (accounts.length === 0) return [];
  const grants = await db
    .select({ userId: roleGrants.userId, role: roleGrants.role, unitId: roleGrants.unitId, unitName: units.name })
    .from(roleGrants)
    .innerJoin(units, and(eq(units.tenantId, roleGrants.tenantId), eq(units.id, roleGrants.unitId)))
    .where(and(eq(roleGrants.tenantId, accounts[0]!.tenantId), inArray(roleGrants.userId, accounts.map((a) => a.id))));
  return accounts.map((a) => ({
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    disabled: a.disabled,
    mustChangePassword: a.mustChangePassword,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    roles: grants.filter((g) => g.userId === a.id).map(({ role, unitId, unitName }) => ({ role, unitId, unitName })),
  }));
}

/** The audit entries whose subject is one of these: (entity, id) pairs as conditions. */
async function auditAbout(db: DbOrTx, tenantId: string, ...subjects: SQL[][]) {
  const rows = await db
    .select({ id: auditLog.id, at: auditLog.at, actorId: auditLog.actorId, action: auditLog.action, entity: auditLog.entity, entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.tenantId, tenantId), or(...subjects.map((s) => and(...s)))))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows;
}

/** Every row about the person, read in one pass (a few statements, each by an indexed key). */
export async function collectPersonalData(db: DbOrTx, person: Person) {
  const tenantId = person.tenantId;
  const { member, accounts } = await subjectOf(db, person);
  const accountIds = accounts.map((a) => a.id);
  const memberId = member?.id;
  const byMember = <T>(fn: (id: string) => Promise<T[]>) => (memberId ? fn(memberId) : Promise.resolve([] as T[]));
  const [cell, history, held, sessionMarks, participations, conferenceMarks, writings, attempts, notes, preferences, feeds, resolutionFiles, evidenceFiles] = await readTogether(db, [
    () => member ? db.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.tenantId, tenantId), eq(units.id, member.cellId))).then((r) => r[0] ?? null) : null,
    () => memberId ? loadHistory(db, tenantId, memberId).then((events) => historyDto(db, events)) : [],
    () => positionsWhere(db, tenantId, eq(positions.personId, person.id)),
    () => byMember((id) =>
      db
        .select({ sessionId: sessionAttendance.sessionId, planId: studySessions.planId, unitId: studySessions.unitId, heldOn: studySessions.heldOn, status: sessionAttendance.status, reason: sessionAttendance.reason, checkedInAt: sessionAttendance.checkedInAt, updatedAt: sessionAttendance.updatedAt })
        .from(sessionAttendance)
        .innerJoin(studySessions, and(eq(studySessions.tenantId, sessionAttendance.tenantId), eq(studySessions.id, sessionAttendance.sessionId)))
        .where(and(eq(sessionAttendance.tenantId, tenantId), eq(sessionAttendance.memberId, id))),
    ),
    () => db
      .select({ conferenceId: conferences.id, title: conferences.title, roleLabel: conferenceParticipants.roleLabel, sentAt: conferenceParticipants.sentAt, manual: conferenceParticipants.manual })
      .from(conferenceParticipants)
      .innerJoin(conferences, and(eq(conferences.tenantId, conferenceParticipants.tenantId), eq(conferences.id, conferenceParticipants.conferenceId)))
      .where(and(eq(conferenceParticipants.tenantId, tenantId), eq(conferenceParticipants.personId, person.id))),
    () => db
      .select({ conferenceId: conferenceAttendance.conferenceId, status: conferenceAttendance.status, reason: conferenceAttendance.reason, markedAt: conferenceAttendance.markedAt })
      .from(conferenceAttendance)
      .where(and(eq(conferenceAttendance.tenantId, tenantId), eq(conferenceAttendance.personId, person.id))),
    () => byMember((id) => db.select().from(reflections).where(and(eq(reflections.tenantId, tenantId), eq(reflections.memberId, id)))),
    () => byMember((id) => db.select().from(quizAttempts).where(and(eq(quizAttempts.tenantId, tenantId), eq(quizAttempts.memberId, id)))),
    () => db
      .select({ id: notifications.id, kind: notifications.kind, title: notifications.title, body: notifications.body, link: notifications.link, createdAt: notifications.createdAt, readAt: notifications.readAt, emailStatus: notifications.emailStatus })
      .from(notifications)
      .where(and(eq(notifications.tenantId, tenantId), eq(notifications.personId, person.id)))
      .orderBy(asc(notifications.createdAt)),
    () => db.select({ muteEmail: notificationPreferences.muteEmail, dailyDigest: notificationPreferences.dailyDigest }).from(notificationPreferences).where(and(eq(notificationPreferences.tenantId, tenantId), eq(notificationPreferences.personId, person.id))),
    () => db.select({ createdAt: calendarFeeds.createdAt, revokedAt: calendarFeeds.revokedAt }).from(calendarFeeds).where(and(eq(calendarFeeds.tenantId, tenantId), eq(calendarFeeds.personId, person.id))),
    () => accountIds.length
      ? db
          .select({ id: attachments.id, attachedTo: attachments.ownerType, ownerId: attachments.ownerId, fileName: attachments.fileName, contentType: attachments.contentType, size: attachments.size, createdAt: attachments.createdAt })
          .from(attachments)
          .where(and(eq(attachments.tenantId, tenantId), inArray(attachments.createdBy, accountIds)))
      : [],
    () => accountIds.length
      ? db
          .select({ id: taskEvidence.id, taskId: taskEvidence.taskId, fileName: taskEvidence.fileName, contentType: taskEvidence.contentType, size: taskEvidence.size, note: taskEvidence.note, createdAt: taskEvidence.createdAt })
          .from(taskEvidence)
          .where(and(eq(taskEvidence.tenantId, tenantId), inArray(taskEvidence.createdBy, accountIds)))
      : [],
  ]);
  const subjects: SQL[][] = [
    [eq(auditLog.entity, 'person'), eq(auditLog.entityId, person.id)],
    ...(memberId ? [[eq(auditLog.entity, 'member'), eq(auditLog.entityId, memberId)]] : []),
    ...(accountIds.length ? [[eq(auditLog.entity, 'user'), inArray(auditLog.entityId, accountIds)]] : []),
    ...(writings.length ? [[eq(auditLog.entity, 'reflection'), inArray(auditLog.entityId, writings.map((r) => r.id))]] : []),
    ...(attempts.length ? [[eq(auditLog.entity, 'quiz-attempt'), inArray(auditLog.entityId, attempts.map((a) => a.id))]] : []),
  ];
  return {
    format: EXPORT_FORMAT,
    exportedAt: now().toISOString(),
    person: { ...personDto(person), createdAt: person.createdAt, updatedAt: person.updatedAt },
    member: member
      ? {
          id: member.id,
          cellId: member.cellId,
          cellName: cell?.name ?? null,
          fullName: member.fullName,
          gender: member.gender,
          birthDate: member.birthDate,
          joinedOn: member.joinedOn,
          officialOn: member.officialOn,
          cardNumber: member.cardNumber,
          phone: member.phone,
          email: member.email,
          exempt: member.exempt,
          leftOn: member.leftOn,
          createdAt: member.createdAt,
        }
      : null,
    membership: history,
    positions: held,
    accounts: await accountsDto(db, accounts),
    attendance: { sessions: sessionMarks, conferences: participations.map((p) => ({ ...p, ...(conferenceMarks.find((m) => m.conferenceId === p.conferenceId) ?? {}) })) },
    reflections: writings.map(({ tenantId: _t, ...r }) => r),
    quizAttempts: attempts.map(({ tenantId: _t, questions: _q, ...a }) => a),
    notifications: notes,
    notificationPreferences: preferences[0] ?? null,
    calendarFeeds: feeds,
    files: { attachments: resolutionFiles, taskEvidence: evidenceFiles },
    audit: await auditAbout(db, tenantId, ...subjects),
  };
}
