import { and, desc, eq, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import { preparedRows } from '../../db/prepared';
import { type Actor, grantUnit } from '../../auth/actor';
import { badRequest, conflict, duplicate, forbidden, notFound } from '../../errors';
import { normaliseFullName, sortByVietnameseName } from '../../../domain/vietnamese-names';
import { formatDayFirst, todayInVietnam } from '../../../domain/dates';
import { isClosedOn } from '../../../domain/units';
import { memberDateIssues, type MemberDates } from '../../../domain/member-dates';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { units, type Unit } from '../units/tables';
import { loadUnit, loadUnitFor, toRef } from '../units/service';
import { canListMembers } from '../units/policy';
import { canEditMember, canExportMembers, canSearchMembers, canViewMember, memberSearchFilter } from './policy';
import { members, type Member } from './tables';
import { changeCard } from './cards';
import type { MemberDto, MemberUpdate } from './schema';
import { now } from '../../clock';
import { syncPersonsFromMembers } from '../people/persons-service';
import { canRecordMembership } from '../people/policy';
import { persons } from '../people/tables';
import { erasedRecord } from '../privacy/errors';

const memberColumns = { member: members, cellName: units.name, cellPath: units.path };

function toDto(row: { member: Member; cellName: string }): MemberDto {
  const { tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = row.member;
  return { ...rest, cellName: row.cellName };
}

/** GET /api/units/:id/members (canListMembers). */
export async function listMembersFor(db: DbOrTx, actor: Actor, unitId: string) {
  const unit = await loadUnitFor(db, actor, unitId, canListMembers, 'xem danh sách đảng viên của đơn vị này');
  return listMembersOfUnit(db, unit);
}

/** The unit and its members for an export (canExportMembers). */
export async function exportMembersFor(db: DbOrTx, actor: Actor, unitId: string) {
  const unit = await loadUnitFor(db, actor, unitId, canExportMembers, 'xuất danh sách đảng viên của đơn vị này');
  return { unit, list: await listMembersOfUnit(db, unit) };
}

/** Whether the actor may search members at all: somewhere below their grants (canSearchMembers). */
export function maySearchMembers(actor: Actor): boolean {
  return actor.grants.some((g) => canSearchMembers(actor, grantUnit(g)));
}

/** A member's page (canViewMember): someone they may not see is not found. */
export async function memberFor(db: DbOrTx, actor: Actor, id: string) {
  const row = await loadMember(db, id);
  const cell = toRef(await loadUnit(db, row.member.cellId));
  if (!canViewMember(actor, row.member, cell)) throw notFound('member');
  const { tenantId: _t, createdAt: _c, updatedAt: _u, ...member } = row.member;
  return { member: { ...member, cellName: row.cellName }, abilities: { edit: canEditMember(actor, cell), recordMembership: !row.member.leftOn && canRecordMembership(actor, cell) } };
}

/**
 * A list's columns, flat and in the answer's shape: exactly what the page shows, nothing it drops
 * (tenant, timestamps), so no row is parsed, mapped and then copied without them.
 */
const memberDtoColumns = {
  id: members.id,
  cellId: members.cellId,
  cellName: units.name,
  fullName: members.fullName,
  gender: members.gender,
  birthDate: members.birthDate,
  joinedOn: members.joinedOn,
  officialOn: members.officialOn,
  cardNumber: members.cardNumber,
  phone: members.phone,
  email: members.email,
  exempt: members.exempt,
  personId: members.personId,
  leftOn: members.leftOn,
  version: members.version,
} satisfies Record<keyof MemberDto, unknown>;

/**
 * The same columns aliased to the answer's names, for a read whose rows go out as the driver gives
 * them (preparedRows): no column here needs Drizzle's decoding.
 */
const memberDtoAliased = Object.fromEntries(Object.entries(memberDtoColumns).map(([key, column]) => [key, sql`${column}`.as(key)])) as {
  [K in keyof MemberDto]: SQL.Aliased<MemberDto[K]>;
};

/** Members of a unit and the cells below it, in the Vietnamese order. */
export async function listMembersOfUnit(db: DbOrTx, unit: Unit): Promise<MemberDto[]> {
  const rows = await preparedRows<MemberDto>(db, 'members_of_unit', (d) =>
    d
      .select(memberDtoAliased)
      .from(members)
      .innerJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.cellId)))
      .where(and(like(units.path, sql.placeholder('pathPrefix')), isNull(members.leftOn))),
  ).execute({ pathPrefix: `${unit.path}%` });
  return sortByVietnameseName(rows, (m) => m.fullName);
}

/** Finds members by name with or without diacritics, or by card number, ranked by likeness. */
export async function searchMembers(db: DbOrTx, actor: Actor, q: string, limit: number): Promise<MemberDto[]> {
  if (!maySearchMembers(actor)) throw forbidden('tìm đảng viên');
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const folded = sql`qt_fold(${pattern})`;
  return db
    .select(memberDtoColumns)
    .from(members)
    .innerJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.cellId)))
    .where(
      and(
        memberSearchFilter(actor),
        or(sql`qt_fold(${members.fullName}) like ${folded}`, like(members.cardNumber, pattern)),
      ),
    )
    .orderBy(desc(sql`similarity(qt_fold(${members.fullName}), qt_fold(${q}))`), members.fullName)
    .limit(limit);
}

export async function loadMember(db: DbOrTx, id: string) {
  const [row] = await db.select(memberColumns).from(members).innerJoin(units, and(eq(units.tenantId, members.tenantId), eq(units.id, members.cellId))).where(eq(members.id, id));
  if (!row) throw notFound('member');
  return row;
}

export async function updateMember(db: Db, actor: Actor, id: string, patch: MemberUpdate): Promise<MemberDto> {
  return db.transaction(async (tx) => {
    const current = await loadMember(tx, id);
    const cell = await loadUnit(tx, current.member.cellId);
    // Someone the actor may not see is not found; one they see but may not edit is forbidden.
    if (!canViewMember(actor, current.member, toRef(cell))) throw notFound('member');
    if (!canEditMember(actor, toRef(cell))) throw forbidden('sửa thông tin đảng viên này');
    if (patch.version !== current.member.version) throw conflict('member', toDto(current));
    if (current.member.personId) {
      const [person] = await tx.select({ erasedAt: persons.erasedAt }).from(persons).where(and(eq(persons.tenantId, current.member.tenantId), eq(persons.id, current.member.personId)));
      if (person?.erasedAt) throw erasedRecord();
    }

    // A member's cell and exemption change only through their membership history (decision 015).
    if (patch.cellId !== undefined && patch.cellId !== cell.id) {
      throw badRequest('member.use-transfer', 'Chuyển sinh hoạt đảng bằng thao tác "Chuyển sinh hoạt" (POST /api/members/:id/transfer), để giữ ngày chuyển.');
    }
    if (patch.exempt !== undefined && patch.exempt !== current.member.exempt) {
      throw badRequest('member.use-exemptions', 'Miễn sinh hoạt bằng thao tác "Miễn sinh hoạt" (POST /api/members/:id/exemptions), để giữ thời gian và lý do.');
    }
    const cellName = current.cellName;
    // The card number is national: the lookup table member_cards holds it (decision 017).
    if (patch.cardNumber !== undefined) await changeCard(tx, current.member.tenantId, id, current.member.cardNumber, patch.cardNumber || null);
    const { version, cellId: _cell, exempt: _exempt, ...changes } = patch;
    // Only a change of dates is judged: an old record with odd dates can still get a new phone.
    if (changes.birthDate !== undefined || changes.joinedOn !== undefined || changes.officialOn !== undefined) checkMemberDates({ ...current.member, ...changes });
    if (changes.fullName) changes.fullName = normaliseFullName(changes.fullName);
    const updated = await updateVersioned(tx, members, and(eq(members.tenantId, current.member.tenantId), eq(members.id, id)), version, { ...changes, updatedAt: now() }, {
      entity: 'member',
      current: async () => toDto(await loadMember(tx, id)),
    });
    await syncPersonsFromMembers(tx, updated.tenantId, [id]);
    await recordAudit(tx, {
      tenantId: updated.tenantId,
      actorId: actor.userId,
      action: 'member.update',
      entity: 'member',
      entityId: id,
      before: current.member,
      after: updated,
    });
    return toDto({ member: updated, cellName });
  });
}

/** The member's dates after the change must tell a possible life (domain/member-dates.ts). */
function checkMemberDates({ birthDate, joinedOn, officialOn }: MemberDates) {
  const issues = memberDateIssues({ birthDate, joinedOn, officialOn }, todayInVietnam());
  if (issues.length > 0) throw badRequest('member.dates-invalid', issues.map((i) => i.message).join(' '), { issues });
}
