// Erasing a person's data (Nghị định 13/2023/NĐ-CP; decision 028). The person stays as a pseudonym
// ("Đã xóa #3F2A9C") so that every row feeding a figure keeps its place: attendance marks, membership
// dates, positions, quiz scores, reports. What identifies or describes them goes: name, birth date,
// contacts, card number (and its national lookup row), free-text notes and reasons, the reflections'
// text, notifications, calendar feeds, the account's name and password. One transaction; the audit
// entry says who erased whom and why, never what was erased.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { forbidden } from '../../errors';
import { now } from '../../clock';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { roleGrants, sessions, usernames, users } from '../../auth/tables';
import { oneTimeCodes } from '../accounts/tables';
import { members } from '../members/tables';
import { changeCard } from '../members/cards';
import { toRef } from '../units/service';
import { membershipEvents, persons } from '../people/tables';
import { loadPersonFor, personDto } from '../people/persons-service';
import { sessionAttendance } from '../study-sessions/tables';
import { conferenceAttendance } from '../conferences/tables';
import { reflections } from '../reflections/tables';
import { notificationPreferences, notifications } from '../notifications/tables';
import { calendarFeeds } from '../calendar/tables';
import { canErasePersonalData } from './policy';
import { alreadyErased, holdsAdministrator } from './errors';
import { subjectOf } from './export';
import type { EraseInput } from './schema';

/** What replaces a free-text reason or note about the person (rules that want a reason still find one). */
export const ERASED_TEXT = '(đã xóa)';

/** The pseudonym: stable for the person, short, and saying what happened. */
export const pseudonymOf = (personId: string) => `Đã xóa #${personId.replace(/-/gu, '').slice(0, 6).toUpperCase()}`;

/** POST /api/people/:id/erase: role first (403), then state (409), then the version the administrator saw. */
export async function erasePersonalData(db: Db, actor: Actor, personId: string, input: EraseInput) {
  return db.transaction(async (tx) => {
    const { person, commune } = await loadPersonFor(tx, actor, personId);
    if (!canErasePersonalData(actor, toRef(commune))) throw forbidden('xóa dữ liệu cá nhân của người này');
    if (person.erasedAt) throw alreadyErased();
    const { member, accounts } = await subjectOf(tx, person);
    const accountIds = accounts.map((a) => a.id);
    if (accountIds.length) {
      const admin = await tx.select({ id: roleGrants.id }).from(roleGrants).where(and(eq(roleGrants.tenantId, person.tenantId), inArray(roleGrants.userId, accountIds), eq(roleGrants.role, 'admin'))).limit(1);
      if (admin.length) throw holdsAdministrator();
    }
    const at = now();
    const pseudonym = pseudonymOf(person.id);
    const erased = await updateVersioned(
      tx,
      persons,
      and(eq(persons.tenantId, person.tenantId), eq(persons.id, person.id)),
      input.version,
      { fullName: pseudonym, birthDate: null, phone: null, email: null, note: null, erasedAt: at, updatedAt: at },
      { entity: 'person', current: async () => personDto((await tx.select().from(persons).where(and(eq(persons.tenantId, person.tenantId), eq(persons.id, person.id))))[0]!) },
    );
    const tenant = (table: { tenantId: AnyPgColumn }) => eq(table.tenantId, person.tenantId);
    const counts = { notifications: 0, reflections: 0, accounts: accountIds.length, cardNumber: false };
    if (member) {
      await changeCard(tx, person.tenantId, member.id, member.cardNumber, null);
      counts.cardNumber = member.cardNumber !== null;
      await tx
        .update(members)
        .set({ fullName: pseudonym, birthDate: null, cardNumber: null, phone: null, email: null, updatedAt: at, version: sql`${members.version} + 1` })
        .where(and(tenant(members), eq(members.id, member.id)));
      await tx.update(membershipEvents).set({ note: null }).where(and(tenant(membershipEvents), eq(membershipEvents.memberId, member.id), isNotNull(membershipEvents.note)));
      await tx.update(membershipEvents).set({ reason: ERASED_TEXT }).where(and(tenant(membershipEvents), eq(membershipEvents.memberId, member.id), eq(membershipEvents.kind, 'exemption')));
      await tx.update(sessionAttendance).set({ reason: ERASED_TEXT }).where(and(tenant(sessionAttendance), eq(sessionAttendance.memberId, member.id), isNotNull(sessionAttendance.reason)));
      const cleared = await tx
        .update(reflections)
        .set({ reflection: '', commitment: '', reviewComment: null, updatedAt: at, version: sql`${reflections.version} + 1` })
        .where(and(tenant(reflections), eq(reflections.memberId, member.id)))
        .returning({ id: reflections.id });
      counts.reflections = cleared.length;
    }
    await tx.update(conferenceAttendance).set({ reason: ERASED_TEXT }).where(and(tenant(conferenceAttendance), eq(conferenceAttendance.personId, person.id), isNotNull(conferenceAttendance.reason)));
    counts.notifications = (await tx.delete(notifications).where(and(tenant(notifications), eq(notifications.personId, person.id))).returning({ id: notifications.id })).length;
    await tx.delete(notificationPreferences).where(and(tenant(notificationPreferences), eq(notificationPreferences.personId, person.id)));
    await tx.delete(calendarFeeds).where(and(tenant(calendarFeeds), eq(calendarFeeds.personId, person.id)));
    for (const account of accounts) await anonymiseAccount(tx, account, pseudonym, at);
    await recordAudit(tx, {
      tenantId: person.tenantId,
      actorId: actor.userId,
      action: 'personal-data.erased',
      entity: 'person',
      entityId: person.id,
      after: { reason: input.reason, pseudonym, memberId: member?.id ?? null, accountIds, erased: counts },
    });
    // accountIds: for the route to drop the accounts' cached sessions (the response schema strips it).
    return { id: erased.id, fullName: erased.fullName, erasedAt: erased.erasedAt!, version: erased.version, accountIds };
  });
}

/** The account can no longer sign in and no longer names the person; its id stays for the records it signed. */
async function anonymiseAccount(tx: Tx, account: typeof users.$inferSelect, pseudonym: string, at: Date) {
  const username = `da-xoa-${account.id.replace(/-/gu, '').slice(0, 12)}`;
  const of = and(eq(users.tenantId, account.tenantId), eq(users.id, account.id));
  await tx.delete(usernames).where(and(eq(usernames.username, account.username), eq(usernames.userId, account.id)));
  await tx.insert(usernames).values({ username, tenantId: account.tenantId, userId: account.id });
  await tx
    .update(users)
    .set({ username, displayName: pseudonym, passwordHash: null, mustChangePassword: false, failedLogins: 0, lockedUntil: null, disabled: true, updatedAt: at, version: sql`${users.version} + 1` })
    .where(of);
  await tx.delete(sessions).where(and(eq(sessions.tenantId, account.tenantId), eq(sessions.userId, account.id)));
  await tx.delete(oneTimeCodes).where(and(eq(oneTimeCodes.tenantId, account.tenantId), eq(oneTimeCodes.userId, account.id)));
  await tx.delete(roleGrants).where(and(eq(roleGrants.tenantId, account.tenantId), eq(roleGrants.userId, account.id)));
  // Reviews the account signed name it in the reflections they reviewed: the pseudonym there too.
  await tx.update(reflections).set({ reviewerName: pseudonym }).where(and(eq(reflections.tenantId, account.tenantId), eq(reflections.reviewedBy, account.id)));
}
