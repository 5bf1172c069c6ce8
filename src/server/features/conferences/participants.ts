// The participant list: resolved from the groups while the conference is a draft; frozen against the
// groups once the convocation is sent. After sending, the office may still add a person (their
// convocation goes out with the next send, which notifies only them) or drop one not yet sent to;
// someone already summoned stays on the list (marked absent at the roll call if they do not come).
import { and, asc, eq, inArray, isNull, ne, notInArray, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { notFound } from '../../errors';
import { now } from '../../clock';
import { formatDayFirst, todayInVietnam } from '../../../domain/dates';
import { nextDocumentNumber } from '../../documents/numbering';
import { recordAudit } from '../audit/service';
import { members } from '../members/tables';
import { persons } from '../people/tables';
import { units } from '../units/tables';
import { notify } from '../notifications/service';
import type { Mailer } from '../notifications/mailer';
import { alreadySummoned, conferenceHeld, listFrozen, noParticipants } from './errors';
import { conferenceDate, ensurePersons, resolveGroups, type Resolved } from './resolve';
import { bumpVersion, loadConferenceFor } from './service';
import { participantGroups, conferenceParticipants, type Conference, type ParticipantGroup } from './tables';

const ofConference = (c: Pick<Conference, 'tenantId' | 'id'>) =>
  and(eq(conferenceParticipants.tenantId, c.tenantId), eq(conferenceParticipants.conferenceId, c.id));

export async function groupsOf(db: DbOrTx, c: Pick<Conference, 'tenantId' | 'id'>): Promise<ParticipantGroup[]> {
  return db.select().from(participantGroups).where(and(eq(participantGroups.tenantId, c.tenantId), eq(participantGroups.conferenceId, c.id))).orderBy(asc(participantGroups.position));
}

/** Stores what the groups give now, keeping hand additions and removals. Drafts only. */
export async function storeResolution(tx: DbOrTx, conference: Conference): Promise<Resolved[]> {
  const resolved = await resolveGroups(tx, conference.tenantId, await groupsOf(tx, conference), conferenceDate(conference));
  for (let i = 0; i < resolved.length; i += 500) {
    const chunk = resolved.slice(i, i + 500);
    await tx
      .insert(conferenceParticipants)
      .values(chunk.map((r) => ({ tenantId: conference.tenantId, conferenceId: conference.id, personId: r.personId, groupId: r.groupId, roleLabel: r.roleLabel })))
      .onConflictDoUpdate({
        target: [conferenceParticipants.tenantId, conferenceParticipants.conferenceId, conferenceParticipants.personId],
        set: { groupId: sqlExcluded('group_id'), roleLabel: sqlExcluded('role_label') },
      });
  }
  const keep = resolved.map((r) => r.personId);
  // Dropped by the groups: gone, unless added by hand.
  await tx
    .delete(conferenceParticipants)
    .where(and(ofConference(conference), isNull(conferenceParticipants.manual), keep.length ? notInArray(conferenceParticipants.personId, keep) : undefined));
  // Added by hand and no longer in any group: keep, without a group.
  await tx
    .update(conferenceParticipants)
    .set({ groupId: null })
    .where(and(ofConference(conference), eq(conferenceParticipants.manual, 'added'), keep.length ? notInArray(conferenceParticipants.personId, keep) : undefined));
  return resolved;
}

const sqlExcluded = (column: string) => sql.raw(`excluded.${column}`);

/** The list as stored, with names: participants first (in group then name order), hand removals apart. */
export async function participantsOf(db: DbOrTx, c: Pick<Conference, 'tenantId' | 'id'>) {
  const rows = await db
    .select({ p: conferenceParticipants, fullName: persons.fullName })
    .from(conferenceParticipants)
    .innerJoin(persons, and(eq(persons.tenantId, conferenceParticipants.tenantId), eq(persons.id, conferenceParticipants.personId)))
    .where(ofConference(c));
  const list = rows.map((r) => ({ ...r.p, fullName: r.fullName }));
  const collator = new Intl.Collator('vi');
  list.sort((a, b) => collator.compare(a.roleLabel, b.roleLabel) || collator.compare(a.fullName, b.fullName));
  return { participants: list.filter((p) => p.manual !== 'removed'), removed: list.filter((p) => p.manual === 'removed') };
}

/** What the groups would give now, against the stored list (no write): the preview before re-resolving. */
export async function previewResolution(db: Db, actor: Actor, id: string) {
  const { conference } = await loadConferenceFor(db, actor, id, 'manage');
  // Resolution may create the persons of members who have none yet: run it in a transaction rolled back.
  const resolved = await db
    .transaction(async (tx) => {
      const r = await resolveGroups(tx, conference.tenantId, await groupsOf(tx, conference), conferenceDate(conference));
      throw new Preview(r);
    })
    .catch((e) => {
      if (e instanceof Preview) return e.resolved;
      throw e;
    });
  const { participants } = await participantsOf(db, conference);
  const stored = new Set(participants.map((p) => p.personId));
  const fresh = new Set(resolved.map((r) => r.personId));
  const groups = await groupsOf(db, conference);
  return {
    groups: groups.map((g) => ({ id: g.id, label: g.label, count: resolved.filter((r) => r.groupId === g.id).length })),
    total: resolved.length,
    added: resolved.filter((r) => !stored.has(r.personId)).map((r) => ({ personId: r.personId, fullName: r.fullName, roleLabel: r.roleLabel })),
    dropped: participants.filter((p) => !p.manual && !fresh.has(p.personId)).map((p) => ({ personId: p.personId, fullName: p.fullName, roleLabel: p.roleLabel })),
  };
}

class Preview {
  constructor(readonly resolved: Resolved[]) {}
}

/** Re-resolves the stored list from the groups (a draft only: once sent, the list is frozen). */
export async function resolveParticipants(db: Db, actor: Actor, id: string, version: number) {
  const { conference } = await loadConferenceFor(db, actor, id, 'manage');
  if (conference.status === 'held') throw conferenceHeld();
  if (conference.status !== 'draft') throw listFrozen();
  await db.transaction(async (tx) => {
    const after = await bumpVersion(tx, conference, version);
    const resolved = await storeResolution(tx, after);
    await recordAudit(tx, { tenantId: conference.tenantId, actorId: actor.userId, action: 'conference.resolve', entity: 'conference', entityId: id, after: { participants: resolved.length } });
  });
}

export interface GroupInput {
  label: string;
  kind: 'positions' | 'unitMembers';
  positionKinds: string[];
  unitIds: string[];
}

/** Replaces the groups and re-resolves (a draft only). Every unit must be the commune's. */
export async function replaceGroups(db: Db, actor: Actor, id: string, version: number, groups: GroupInput[]) {
  const { conference } = await loadConferenceFor(db, actor, id, 'manage');
  if (conference.status === 'held') throw conferenceHeld();
  if (conference.status !== 'draft') throw listFrozen();
  const unitIds = [...new Set(groups.flatMap((g) => g.unitIds))];
  if (unitIds.length) {
    const found = await db.select({ id: units.id }).from(units).where(and(eq(units.tenantId, conference.tenantId), inArray(units.id, unitIds)));
    if (found.length !== unitIds.length) throw notFound('unit');
  }
  await db.transaction(async (tx) => {
    const after = await bumpVersion(tx, conference, version);
    const before = await groupsOf(tx, conference);
    await tx.delete(participantGroups).where(and(eq(participantGroups.tenantId, conference.tenantId), eq(participantGroups.conferenceId, conference.id)));
    if (groups.length) {
      await tx.insert(participantGroups).values(groups.map((g, position) => ({ tenantId: conference.tenantId, conferenceId: conference.id, position, ...g })));
    }
    await storeResolution(tx, after);
    await recordAudit(tx, { tenantId: conference.tenantId, actorId: actor.userId, action: 'conference.groups', entity: 'conference', entityId: id, before, after: groups });
  });
}

/** Adds a person (or a member, whose person is used) by hand; after sending, they wait for the next send. */
export async function addParticipant(db: Db, actor: Actor, id: string, input: { version: number; personId?: string; memberId?: string; roleLabel?: string }) {
  const { conference } = await loadConferenceFor(db, actor, id, 'manage');
  if (conference.status === 'held') throw conferenceHeld();
  await db.transaction(async (tx) => {
    let personId = input.personId;
    let roleLabel = input.roleLabel?.trim() ?? '';
    if (input.memberId) {
      const [m] = await tx
        .select({ memberId: members.id, personId: members.personId, cell: units.name })
        .from(members)
        .innerJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.cellId)))
        .where(and(eq(members.tenantId, conference.tenantId), eq(members.id, input.memberId)));
      if (!m) throw notFound('member');
      personId = (await ensurePersons(tx, conference.tenantId, [m])).get(m.memberId)!;
      roleLabel ||= `Đảng viên ${m.cell}`;
    } else {
      const [p] = await tx.select({ id: persons.id, note: persons.note }).from(persons).where(and(eq(persons.tenantId, conference.tenantId), eq(persons.id, personId!)));
      if (!p) throw notFound('person');
      roleLabel ||= p.note ?? '';
    }
    await bumpVersion(tx, conference, input.version);
    const [existing] = await tx.select().from(conferenceParticipants).where(and(ofConference(conference), eq(conferenceParticipants.personId, personId!)));
    if (!existing) {
      await tx.insert(conferenceParticipants).values({ tenantId: conference.tenantId, conferenceId: conference.id, personId: personId!, roleLabel, manual: 'added' });
    } else if (existing.manual === 'removed') {
      await tx.update(conferenceParticipants).set({ manual: existing.groupId ? null : 'added' }).where(and(ofConference(conference), eq(conferenceParticipants.personId, personId!)));
    }
    await recordAudit(tx, { tenantId: conference.tenantId, actorId: actor.userId, action: 'conference.participant-add', entity: 'conference', entityId: id, after: { personId, roleLabel } });
  });
}

/** Removes a person by hand; one already summoned stays (409). */
export async function removeParticipant(db: Db, actor: Actor, id: string, personId: string, version: number) {
  const { conference } = await loadConferenceFor(db, actor, id, 'manage');
  if (conference.status === 'held') throw conferenceHeld();
  const { participants } = await participantsOf(db, conference);
  const row = participants.find((p) => p.personId === personId);
  if (!row) throw notFound('participant');
  if (row.sentAt) throw alreadySummoned(row.fullName);
  await db.transaction(async (tx) => {
    await bumpVersion(tx, conference, version);
    const key = and(ofConference(conference), eq(conferenceParticipants.personId, personId));
    if (row.manual === 'added' && !row.groupId) await tx.delete(conferenceParticipants).where(key);
    else await tx.update(conferenceParticipants).set({ manual: 'removed' }).where(key);
    await recordAudit(tx, { tenantId: conference.tenantId, actorId: actor.userId, action: 'conference.participant-remove', entity: 'conference', entityId: id, before: { personId, fullName: row.fullName } });
  });
}

/**
 * Sends the convocation: the first send numbers it ("Số …-GTT/ĐU"), dates it and freezes the list
 * against the groups; every send notifies exactly the participants not sent to yet (none: 0 notified).
 */
export async function sendConvocation(db: Db, actor: Actor, id: string, version: number, mailer: Mailer): Promise<{ notified: number }> {
  const { conference } = await loadConferenceFor(db, actor, id, 'manage');
  if (conference.status === 'held') throw conferenceHeld();
  const { participants } = await participantsOf(db, conference);
  if (participants.length === 0) throw noParticipants();
  const result = await db.transaction(async (tx: Tx) => {
    const today = todayInVietnam(now());
    let set: Partial<Conference> = {};
    if (conference.status === 'draft') {
      const given = await nextDocumentNumber(tx, { tenantId: conference.tenantId, issuerUnitId: conference.tenantId, type: 'convocation', issuedOn: today, documentId: conference.id });
      set = { status: 'convened', convenedOn: today, convocationNumber: given.number, convocationSymbol: given.symbol };
    }
    const after = await bumpVersion(tx, conference, version, set);
    const unsent = await tx
      .update(conferenceParticipants)
      .set({ sentAt: now() })
      .where(and(ofConference(conference), isNull(conferenceParticipants.sentAt), or(isNull(conferenceParticipants.manual), ne(conferenceParticipants.manual, 'removed'))))
      .returning({ personId: conferenceParticipants.personId });
    const when = after.scheduledAt ? formatMoment(after.scheduledAt) : (after.windowPhrase ?? '');
    const sent = await notify(tx, {
      tenantId: conference.tenantId,
      personIds: unsent.map((u) => u.personId),
      kind: 'conference.convocation',
      title: `Giấy triệu tập: ${after.title}`,
      body: [when && `Thời gian: ${when}.`, after.venue && `Địa điểm: ${after.venue}.`].filter(Boolean).join(' '),
      link: `/hoi-nghi/${conference.id}`,
    });
    await recordAudit(tx, { tenantId: conference.tenantId, actorId: actor.userId, action: 'conference.send', entity: 'conference', entityId: id, after: { notified: sent.count, status: after.status } });
    return sent;
  });
  mailer.deliver(db, result.ids);
  return { notified: result.count };
}

/** "07 giờ 30 phút, ngày 20/05/2026", in Vietnam time. */
export function formatMoment(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', hour12: false }).format(at).split(':');
  return `${parts[0]} giờ ${parts[1]} phút, ngày ${formatDayFirst(todayInVietnam(at))}`;
}

