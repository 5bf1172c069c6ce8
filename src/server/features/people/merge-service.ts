// Merging units (sáp nhập): on a date, the source units' members move into the target (an
// existing unit or a new one) by a transferWithin event each, the sources close that day, and
// positions held in them end the day before. One transaction, one audit entry. History is kept:
// as of a day before the merge, the members are still counted in their old cells.
import { and, asc, eq, inArray, isNull, max, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { AppError, badRequest, duplicate, notFound } from '../../errors';
import { formatDayFirst, todayInVietnam } from '../../../domain/dates';
import { checkTransfer, dayBefore } from '../../../domain/membership';
import { childPath } from '../../../domain/org-tree';
import { now } from '../../clock';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { members } from '../members/tables';
import { units, type Unit } from '../units/tables';
import { canKnowUnit } from '../units/policy';
import { toRef } from '../units/service';
import { forbidden } from '../../errors';
import { canMergeUnits } from './policy';
import { membershipEvents, positions, type MembershipEvent } from './tables';
import type { MergeInput } from './schema';
import { closePlacements } from './membership-queries';

const unitName = (u: Unit) => u.name;

async function loadUnitsForMerge(tx: Tx, actor: Actor, ids: string[]) {
  const rows = await tx.select().from(units).where(inArray(units.id, ids));
  for (const id of ids) {
    const unit = rows.find((u) => u.id === id);
    if (!unit || !canKnowUnit(actor, toRef(unit))) throw notFound('unit');
    if (!canMergeUnits(actor, toRef(unit))) throw forbidden(`sáp nhập ${unit.name}`);
  }
  return ids.map((id) => rows.find((u) => u.id === id)!);
}

async function createTargetUnit(tx: Tx, actor: Actor, spec: NonNullable<MergeInput['newUnit']>, tenantId: string, on: string) {
  const [parent] = await loadUnitsForMerge(tx, actor, [spec.parentId]);
  if (parent!.tenantId !== tenantId && parent!.id !== tenantId) throw badRequest('merge.other-commune', 'Đơn vị mới phải thuộc cùng đảng bộ với các đơn vị sáp nhập.');
  if (parent!.closedOn) throw badRequest('merge.unit-closed', `${parent!.name} đã đóng.`);
  const [same] = await tx.select({ id: units.id }).from(units).where(and(eq(units.parentId, parent!.id), eq(units.name, spec.name), isNull(units.closedOn)));
  if (same) throw duplicate('unit.name-taken', `${parent!.name} đã có đơn vị tên "${spec.name}".`);
  const [{ order } = { order: -1 }] = await tx.select({ order: max(units.sortOrder) }).from(units).where(eq(units.parentId, parent!.id));
  const id = crypto.randomUUID();
  const [unit] = await tx
    .insert(units)
    .values({ id, tenantId, parentId: parent!.id, kind: spec.kind, name: spec.name, path: childPath(parent!.path, id), sortOrder: Number(order ?? -1) + 1, openedOn: on })
    .returning();
  return unit!;
}

/** POST /api/units/merge. */
export async function mergeUnits(db: Db, actor: Actor, input: MergeInput) {
  const sourceIds = [...new Set(input.sourceIds)];
  if (sourceIds.length !== input.sourceIds.length) throw badRequest('merge.duplicate-source', 'Một đơn vị được chọn hai lần.');
  if (input.targetId && sourceIds.includes(input.targetId)) throw badRequest('merge.target-is-source', 'Đơn vị nhận không thể đồng thời là đơn vị sáp nhập.');
  if (!input.targetId && sourceIds.length < 2) throw badRequest('merge.too-few', 'Sáp nhập thành đơn vị mới cần ít nhất hai đơn vị.');
  const on = input.on;
  if (on > todayInVietnam(now())) throw badRequest('membership.future-date', `Ngày ${formatDayFirst(on)} chưa đến: chỉ ghi những thay đổi đã có hiệu lực.`);

  return db.transaction(async (tx) => {
    const sources = await loadUnitsForMerge(tx, actor, sourceIds);
    const tenantId = sources[0]!.tenantId;
    const kind = sources[0]!.kind;
    if (!tenantId || sources.some((u) => u.tenantId !== tenantId || u.kind === 'commune' || u.kind === 'province')) {
      throw badRequest('merge.other-commune', 'Chỉ sáp nhập các đơn vị trực thuộc cùng một đảng bộ xã, phường.');
    }
    if (sources.some((u) => u.kind !== kind)) throw badRequest('merge.kinds-differ', 'Các đơn vị sáp nhập phải cùng loại.');
    for (const u of sources) {
      if (u.closedOn) throw badRequest('merge.unit-closed', `${u.name} đã đóng từ ngày ${formatDayFirst(u.closedOn)}.`);
      if (u.openedOn && u.openedOn > on) throw badRequest('merge.before-opened', `${u.name} chỉ bắt đầu từ ngày ${formatDayFirst(u.openedOn)}.`);
    }
    const children = await tx.select({ name: units.name }).from(units).where(and(inArray(units.parentId, sourceIds), isNull(units.closedOn)));
    if (children.length) throw badRequest('merge.has-children', `Đơn vị sáp nhập còn đơn vị trực thuộc (${children.map((c) => c.name).join(', ')}): hãy chuyển hoặc đóng trước.`);

    let target: Unit;
    if (input.targetId) {
      [target] = (await loadUnitsForMerge(tx, actor, [input.targetId])) as [Unit];
      if (target.tenantId !== tenantId) throw badRequest('merge.other-commune', 'Đơn vị nhận phải thuộc cùng đảng bộ.');
      if (target.kind !== kind) throw badRequest('merge.kinds-differ', 'Đơn vị nhận phải cùng loại với các đơn vị sáp nhập.');
      if (target.closedOn) throw badRequest('merge.unit-closed', `${target.name} đã đóng từ ngày ${formatDayFirst(target.closedOn)}.`);
      if (target.openedOn && target.openedOn > on) throw badRequest('merge.before-opened', `${target.name} chỉ bắt đầu từ ngày ${formatDayFirst(target.openedOn)}.`);
    } else {
      if (input.newUnit!.kind !== kind) throw badRequest('merge.kinds-differ', 'Đơn vị mới phải cùng loại với các đơn vị sáp nhập.');
      target = await createTargetUnit(tx, actor, input.newUnit!, tenantId, on);
    }

    // Every unit named carries the version the user saw; a change since is a conflict.
    for (const u of input.targetId ? [...sources, target] : sources) {
      if (input.versions[u.id] === undefined) throw badRequest('merge.version-missing', `Thiếu phiên bản của ${u.name}.`);
    }

    const moved = await tx.select().from(members).where(and(eq(members.tenantId, tenantId), inArray(members.cellId, sourceIds), isNull(members.leftOn)));
    const events = moved.length
      ? await tx.select().from(membershipEvents).where(and(eq(membershipEvents.tenantId, tenantId), inArray(membershipEvents.memberId, moved.map((m) => m.id)))).orderBy(asc(membershipEvents.createdAt))
      : [];
    const byMember = new Map<string, MembershipEvent[]>();
    for (const e of events) byMember.set(e.memberId, [...(byMember.get(e.memberId) ?? []), e]);
    const problems = moved
      .map((m) => ({ m, issue: checkTransfer(byMember.get(m.id) ?? [], { on, toCellId: target.id }, todayInVietnam(now())) }))
      .filter((p) => p.issue);
    if (problems.length) {
      const list = problems.slice(0, 10).map((p) => `${p.m.fullName}: ${p.issue!.message}`);
      throw new AppError(400, 'merge.member-history', `Không thể chuyển ${problems.length} đảng viên vào ngày ${formatDayFirst(on)}. ${list.join(' ')}`, {
        members: problems.map((p) => ({ id: p.m.id, fullName: p.m.fullName, issue: p.issue })),
      });
    }

    const closed: Unit[] = [];
    for (const u of sources) {
      closed.push(await updateVersioned(tx, units, eq(units.id, u.id), input.versions[u.id]!, { closedOn: on, updatedAt: now() }, { entity: 'unit' }));
    }
    if (input.targetId) await updateVersioned(tx, units, eq(units.id, target.id), input.versions[target.id]!, { updatedAt: now() }, { entity: 'unit' });

    if (moved.length) {
      for (let i = 0; i < moved.length; i += 500) {
        await tx.insert(membershipEvents).values(
          moved.slice(i, i + 500).map((m) => ({ tenantId, memberId: m.id, kind: 'transferWithin' as const, on, cellId: target.id, fromCellId: m.cellId, note: input.note ?? `Sáp nhập vào ${target.name}`, recordedBy: actor.userId })),
        );
      }
      await closePlacements(tx, tenantId, moved.map((m) => m.id));
      await tx
        .update(members)
        .set({ cellId: target.id, version: sql`${members.version} + 1`, updatedAt: now() })
        .where(and(eq(members.tenantId, tenantId), inArray(members.id, moved.map((m) => m.id))));
    }
    const ended = await tx
      .update(positions)
      .set({ toOn: sql`GREATEST(${positions.fromOn}, ${dayBefore(on)}::date)`, version: sql`${positions.version} + 1`, updatedAt: now() })
      .where(and(eq(positions.tenantId, tenantId), inArray(positions.unitId, sourceIds), isNull(positions.toOn)))
      .returning({ id: positions.id });

    await recordAudit(tx, {
      tenantId,
      actorId: actor.userId,
      action: 'unit.merge',
      entity: 'unit',
      entityId: target.id,
      before: { sources: sources.map((u) => ({ id: u.id, name: unitName(u), version: u.version })) },
      after: { target: { id: target.id, name: target.name, created: !input.targetId }, on, closed: closed.map((u) => u.id), members: moved.map((m) => m.id), positionsEnded: ended.map((p) => p.id) },
    });
    return { targetId: target.id, closed: closed.map((u) => u.id), membersTransferred: moved.length, positionsEnded: ended.length };
  });
}

