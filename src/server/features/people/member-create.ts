// A new member: their person (new, or one already known who was not a member) and their first
// membership event (joined, or transferred in from another ward), in one transaction.
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { createOnce, keyTaken } from '../../idempotency';
import type { Actor } from '../../auth/actor';
import { badRequest, duplicate } from '../../errors';
import { normaliseFullName } from '../../../domain/vietnamese-names';
import { formatDayFirst, todayInVietnam } from '../../../domain/dates';
import { memberDateIssues } from '../../../domain/member-dates';
import { now } from '../../clock';
import { recordAudit } from '../audit/service';
import { members } from '../members/tables';
import { loadUnit, toRef } from '../units/service';
import type { Unit } from '../units/tables';
import { canKnowUnit } from '../units/policy';
import { notFound, forbidden } from '../../errors';
import { canRecordMembership } from './policy';
import { membershipEvents, persons } from './tables';
import { loadPersonOfTenant } from './persons-service';
import { receivingCell } from './membership-service';
import type { MemberCreate } from './schema';

/** POST /api/members. */
export async function createMember(db: Db, actor: Actor, input: MemberCreate, idempotencyKey?: string) {
  const today = todayInVietnam(now());
  if (input.arrival.on > today) throw badRequest('membership.future-date', `Ngày ${formatDayFirst(input.arrival.on)} chưa đến.`);
  if (input.arrival.kind === 'transferIn' && !input.arrival.fromWard) throw badRequest('membership.from-ward-required', 'Ghi tên đảng bộ chuyển đến từ.');
  const issues = memberDateIssues({ birthDate: input.birthDate ?? null, joinedOn: input.joinedOn ?? null, officialOn: input.officialOn ?? null }, today);
  if (issues.length) throw badRequest('member.dates-invalid', issues.map((i) => i.message).join(' '), { issues });
  return db.transaction(async (tx) => {
    const cell = await loadUnit(tx, input.cellId);
    if (!canKnowUnit(actor, toRef(cell))) throw notFound('unit');
    if (!canRecordMembership(actor, toRef(cell))) throw forbidden('thêm đảng viên vào chi bộ này');
    const tenantId = cell.tenantId!;
    // A retried request (same Idempotency-Key) answers with the member the first one added.
    const request = { tenantId, actorId: actor.userId, scope: `member:${cell.id}`, key: idempotencyKey, taken: () => keyTaken('member') };
    const { result } = await createOnce(tx, request, {
      replay: async (id) => {
        const [member] = await tx.select().from(members).where(and(eq(members.tenantId, tenantId), eq(members.id, id)));
        return { id: member!.id, personId: member!.personId, version: member!.version };
      },
      create: async () => {
        const created = await insertMember(tx, actor, cell, input);
        return { id: created.id, result: created };
      },
    });
    return result;
  });
}

async function insertMember(tx: Tx, actor: Actor, cell: Unit, input: MemberCreate) {
  await receivingCell(tx, actor, cell.tenantId!, cell.id, input.arrival.on);
  const tenantId = cell.tenantId!;
  if (input.cardNumber) {
    const [other] = await tx.select({ id: members.id }).from(members).where(eq(members.cardNumber, input.cardNumber));
    if (other) throw duplicate('member.card-number-taken', `Số thẻ đảng viên ${input.cardNumber} đã thuộc về một đảng viên khác.`);
  }
  const fullName = normaliseFullName(input.fullName);
  const contact = { fullName, gender: input.gender, birthDate: input.birthDate ?? null, phone: input.phone ?? null, email: input.email ?? null };
  let personId = input.personId;
  if (personId) {
    await loadPersonOfTenant(tx, tenantId, personId);
    const [already] = await tx.select({ id: members.id }).from(members).where(and(eq(members.tenantId, tenantId), eq(members.personId, personId)));
    if (already) throw duplicate('member.person-is-member', 'Người này đã là đảng viên của đảng bộ.');
    await tx.update(persons).set({ ...contact, updatedAt: now() }).where(and(eq(persons.tenantId, tenantId), eq(persons.id, personId)));
  } else {
    const [person] = await tx.insert(persons).values({ tenantId, ...contact }).returning({ id: persons.id });
    personId = person!.id;
  }
  const [member] = await tx
    .insert(members)
    .values({ tenantId, personId, cellId: cell.id, ...contact, joinedOn: input.joinedOn ?? null, officialOn: input.officialOn ?? null, cardNumber: input.cardNumber ?? null })
    .returning();
  await tx.insert(membershipEvents).values({
    tenantId,
    memberId: member!.id,
    kind: input.arrival.kind,
    on: input.arrival.on,
    cellId: cell.id,
    otherWard: input.arrival.kind === 'transferIn' ? input.arrival.fromWard! : null,
    recordedBy: actor.userId,
  });
  await recordAudit(tx, { tenantId, actorId: actor.userId, action: 'member.create', entity: 'member', entityId: member!.id, after: { member, arrival: input.arrival } });
  return { id: member!.id, personId: personId as string, version: member!.version };
}
