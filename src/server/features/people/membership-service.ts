// Recording a member's transfers, exemptions and leaving: each an event of membership_events, and
// members.cell_id / exempt / left_on brought to today's state in the same transaction (decision 015).
// No other path changes a member's cell or exemption.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, forbidden, notFound } from '../../errors';
import { todayInVietnam } from '../../../domain/dates';
import { checkExemption, checkLeave, checkTransfer, currentState, type MembershipIssue } from '../../../domain/membership';
import { now } from '../../clock';
import { recordAudit } from '../audit/service';
import { members, type Member } from '../members/tables';
import { units, type Unit } from '../units/tables';
import { canKnowUnit } from '../units/policy';
import { loadUnit, toRef } from '../units/service';
import { canRecordMembership } from './policy';
import { membershipEvents, type LeaveReason, type MembershipEvent } from './tables';
import type { MembershipEventDto, TransferInput } from './schema';
import { closePlacements } from './membership-queries';

const today = () => todayInVietnam(now());

const refuse = (issue: MembershipIssue | null) => {
  if (issue) throw badRequest(issue.id, issue.message);
};

/** A member's events in the order they were recorded. */
export async function loadHistory(tx: Db | Tx, tenantId: string, memberId: string): Promise<MembershipEvent[]> {
  return tx
    .select()
    .from(membershipEvents)
    .where(and(eq(membershipEvents.tenantId, tenantId), eq(membershipEvents.memberId, memberId)))
    .orderBy(asc(membershipEvents.createdAt), asc(membershipEvents.id));
}

/** The events with the names of their cells, for pages. */
export async function historyDto(tx: Db | Tx, events: MembershipEvent[]): Promise<MembershipEventDto[]> {
  const ids = [...new Set(events.flatMap((e) => [e.cellId, e.fromCellId]).filter((id): id is string => id !== null))];
  const names = new Map(ids.length ? (await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids))).map((u) => [u.id, u.name]) : []);
  return [...events]
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.createdAt.getTime() - b.createdAt.getTime()))
    .map((e) => ({
      id: e.id,
      kind: e.kind,
      on: e.on,
      toOn: e.toOn,
      cellId: e.cellId,
      cellName: e.cellId ? (names.get(e.cellId) ?? null) : null,
      fromCellId: e.fromCellId,
      fromCellName: e.fromCellId ? (names.get(e.fromCellId) ?? null) : null,
      otherWard: e.otherWard,
      reason: e.reason,
      note: e.note,
    }));
}

/** Locks the member for the change and checks the actor may record it (404 out of sight, 403 otherwise). */
async function lockMemberFor(tx: Tx, actor: Actor, memberId: string): Promise<{ member: Member; cell: Unit }> {
  const [member] = await tx.select().from(members).where(eq(members.id, memberId)).for('update');
  if (!member) throw notFound('member');
  const cell = await loadUnit(tx, member.cellId);
  if (!canKnowUnit(actor, toRef(cell))) throw notFound('member');
  if (!canRecordMembership(actor, toRef(cell))) throw forbidden('ghi thay đổi sinh hoạt đảng của đảng viên này');
  return { member, cell };
}

/** A cell that can receive members on `on`: of the same commune, open, and within the actor's reach. */
export async function receivingCell(tx: Db | Tx, actor: Actor, tenantId: string, cellId: string, on: string): Promise<Unit> {
  const [cell] = await tx.select().from(units).where(eq(units.id, cellId));
  if (!cell || cell.tenantId !== tenantId || !canKnowUnit(actor, toRef(cell))) throw badRequest('membership.cell-invalid', 'Chi bộ chuyển đến không thuộc đảng bộ này.');
  if (cell.kind !== 'cell') throw badRequest('membership.cell-invalid', `${cell.name} không phải là chi bộ.`);
  if (cell.closedOn) throw badRequest('membership.cell-closed', `${cell.name} đã giải thể hoặc sáp nhập từ ngày ${cell.closedOn.split('-').reverse().join('/')}.`);
  if (cell.openedOn && cell.openedOn > on) throw badRequest('membership.cell-not-open', `${cell.name} chỉ bắt đầu từ ngày ${cell.openedOn.split('-').reverse().join('/')}.`);
  if (!canRecordMembership(actor, toRef(cell))) throw forbidden('chuyển đảng viên sang chi bộ này');
  return cell;
}

/** Brings members.cell_id / exempt / left_on to today's state from the history; audited. */
export async function applyCurrentState(tx: Tx, actorId: string | null, member: Member, events: MembershipEvent[], action: string, after?: unknown) {
  const state = currentState(events, today());
  const [updated] = await tx
    .update(members)
    .set({ cellId: state.cellId ?? member.cellId, exempt: state.exempt, leftOn: state.leftOn, version: member.version + 1, updatedAt: now() })
    .where(eq(members.id, member.id))
    .returning();
  await recordAudit(tx, { tenantId: member.tenantId, actorId, action, entity: 'member', entityId: member.id, before: member, after: { member: updated, event: after } });
  return updated!;
}

async function finish(tx: Tx, actor: Actor, member: Member, events: MembershipEvent[], action: string, event: unknown) {
  const updated = await applyCurrentState(tx, actor.userId, member, events, action, event);
  return { memberId: updated.id, cellId: updated.cellId, exempt: updated.exempt, leftOn: updated.leftOn, version: updated.version, events: await historyDto(tx, events) };
}

/** POST /api/members/:id/transfer: to a cell of the ward, or out to another ward. */
export async function transferMember(db: Db, actor: Actor, memberId: string, input: TransferInput) {
  return db.transaction(async (tx) => {
    const { member } = await lockMemberFor(tx, actor, memberId);
    const events = await loadHistory(tx, member.tenantId, member.id);
    refuse(checkTransfer(events, { on: input.on, toCellId: input.toCellId ?? null }, today()));
    if (input.toCellId) await receivingCell(tx, actor, member.tenantId, input.toCellId, input.on);
    const [event] = await tx
      .insert(membershipEvents)
      .values(
        input.toCellId
          ? { tenantId: member.tenantId, memberId, kind: 'transferWithin', on: input.on, cellId: input.toCellId, fromCellId: member.cellId, note: input.note ?? null, recordedBy: actor.userId }
          : { tenantId: member.tenantId, memberId, kind: 'transferOut', on: input.on, fromCellId: member.cellId, otherWard: input.toWard!, note: input.note ?? null, recordedBy: actor.userId },
      )
      .returning();
    await closePlacements(tx, member.tenantId, [member.id]);
    return finish(tx, actor, member, await loadHistory(tx, member.tenantId, member.id), 'member.transfer', event);
  });
}

/** POST /api/members/:id/exemptions: an exemption [from, to] with its reason; overlaps are refused. */
export async function addExemption(db: Db, actor: Actor, memberId: string, input: { from: string; to?: string | null; reason: string }) {
  return db.transaction(async (tx) => {
    const { member } = await lockMemberFor(tx, actor, memberId);
    const events = await loadHistory(tx, member.tenantId, member.id);
    if (input.from > today()) refuse({ id: 'membership.future-date', message: 'Ngày bắt đầu miễn sinh hoạt chưa đến: chỉ ghi những thay đổi đã có hiệu lực.' });
    refuse(checkExemption(events, { from: input.from, to: input.to ?? null }));
    const [event] = await tx
      .insert(membershipEvents)
      .values({ tenantId: member.tenantId, memberId, kind: 'exemption', on: input.from, toOn: input.to ?? null, reason: input.reason, recordedBy: actor.userId })
      .returning();
    return finish(tx, actor, member, [...events, event!], 'member.exemption', event);
  });
}

/** PATCH /api/members/:id/exemptions/:eventId: an exemption's last day. */
export async function endExemption(db: Db, actor: Actor, memberId: string, eventId: string, to: string) {
  return db.transaction(async (tx) => {
    const { member } = await lockMemberFor(tx, actor, memberId);
    const events = await loadHistory(tx, member.tenantId, member.id);
    const index = events.findIndex((e) => e.id === eventId && e.kind === 'exemption');
    if (index < 0) throw notFound('exemption');
    refuse(checkExemption(events, { from: events[index]!.on, to }, index));
    const [event] = await tx
      .update(membershipEvents)
      .set({ toOn: to })
      .where(and(eq(membershipEvents.tenantId, member.tenantId), eq(membershipEvents.id, eventId)))
      .returning();
    events[index] = event!;
    return finish(tx, actor, member, events, 'member.exemption-end', event);
  });
}

const leaveNames: Record<LeaveReason, string> = { moved: 'chuyển đi', died: 'từ trần', struckOff: 'xóa tên' };

/** POST /api/members/:id/leave: moved away, died or struck off, on a date. */
export async function leaveMember(db: Db, actor: Actor, memberId: string, input: { on: string; reason: LeaveReason; note?: string }) {
  return db.transaction(async (tx) => {
    const { member } = await lockMemberFor(tx, actor, memberId);
    const events = await loadHistory(tx, member.tenantId, member.id);
    refuse(checkLeave(events, input.on, today()));
    const [event] = await tx
      .insert(membershipEvents)
      .values({ tenantId: member.tenantId, memberId, kind: 'left', on: input.on, fromCellId: member.cellId, reason: input.reason, note: input.note ?? leaveNames[input.reason], recordedBy: actor.userId })
      .returning();
    await closePlacements(tx, member.tenantId, [member.id]);
    return finish(tx, actor, member, await loadHistory(tx, member.tenantId, member.id), 'member.leave', event);
  });
}

/** GET /api/members/:id/membership: the member's history (members.view decides who sees it). */
export async function membershipOf(db: Db, member: Member) {
  const events = await loadHistory(db, member.tenantId, member.id);
  return { memberId: member.id, cellId: member.cellId, exempt: member.exempt, leftOn: member.leftOn, version: member.version, events: await historyDto(db, events) };
}
