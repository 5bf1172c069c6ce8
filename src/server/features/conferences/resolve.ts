// Participant groups resolved to people, on the conference's date: holders of position kinds (in the
// groups' units, or anywhere in the commune), and every member of the groups' units (membersAsOf;
// exempt members are not summoned). A member without a person yet gets one here, so participants are
// always people (the people migration gives every member one; this only fills the gap until then).
import { and, eq, gte, inArray, isNull, like, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { membersAsOf, type MemberAsOf } from '../members/as-of';
import { members } from '../members/tables';
import { persons, positionKinds, positions } from '../people/tables';
import { units } from '../units/tables';
import type { Conference, ParticipantGroup } from './tables';

export interface Resolved {
  personId: string;
  fullName: string;
  roleLabel: string;
  groupId: string;
}

/** The Vietnamese day the conference is resolved for: its fixed date, else today. */
export function conferenceDate(conference: Pick<Conference, 'scheduledAt'>): string {
  return todayInVietnam(conference.scheduledAt ?? now());
}

/** Every group's people, in group order; a person in two groups counts in the first. */
export async function resolveGroups(tx: DbOrTx, tenantId: string, groups: readonly ParticipantGroup[], date: string): Promise<Resolved[]> {
  const out = new Map<string, Resolved>();
  for (const group of [...groups].sort((a, b) => a.position - b.position)) {
    const found = group.kind === 'positions' ? await byPositions(tx, tenantId, group, date) : await byUnitMembers(tx, tenantId, group, date);
    for (const r of found) if (!out.has(r.personId)) out.set(r.personId, r);
  }
  return [...out.values()];
}

async function byPositions(tx: DbOrTx, tenantId: string, group: ParticipantGroup, date: string): Promise<Resolved[]> {
  if (group.positionKinds.length === 0) return [];
  const roots = group.unitIds.length
    ? await tx.select({ path: units.path }).from(units).where(and(eq(units.tenantId, tenantId), inArray(units.id, group.unitIds)))
    : [];
  const rows = await tx
    .select({ personId: persons.id, fullName: persons.fullName, kindName: positionKinds.name, kindCode: positions.kindCode, unitName: units.name })
    .from(positions)
    .innerJoin(persons, and(eq(persons.tenantId, positions.tenantId), eq(persons.id, positions.personId)))
    .innerJoin(units, and(eq(units.tenantId, positions.tenantId), eq(units.id, positions.unitId)))
    .leftJoin(positionKinds, and(eq(positionKinds.tenantId, positions.tenantId), eq(positionKinds.code, positions.kindCode)))
    .where(
      and(
        eq(positions.tenantId, tenantId),
        inArray(positions.kindCode, group.positionKinds),
        lte(positions.fromOn, date),
        or(isNull(positions.toOn), gte(positions.toOn, date)),
        roots.length ? or(...roots.map((r) => like(units.path, sql`${r.path} || '%'`))) : undefined,
      ),
    );
  return rows.map((r) => ({ personId: r.personId, fullName: r.fullName, roleLabel: positionLabel(r.kindName ?? r.kindCode, r.unitName), groupId: group.id }));
}

/** "Bí thư chi bộ" in "Chi bộ Tràng Đà 1" reads "Bí thư Chi bộ Tràng Đà 1": the unit's name already says which kind. */
export function positionLabel(kindName: string, unitName: string): string {
  const words = kindName.split(' ');
  for (let i = 1; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    if (unitName.toLocaleLowerCase('vi').startsWith(tail.toLocaleLowerCase('vi'))) return `${words.slice(0, i).join(' ')} ${unitName}`;
  }
  return `${kindName} ${unitName}`;
}

async function byUnitMembers(tx: DbOrTx, tenantId: string, group: ParticipantGroup, date: string): Promise<Resolved[]> {
  const found = (await membersAsOf(tx, tenantId, group.unitIds, date)).filter((m) => !m.exempt);
  const personIds = await ensurePersons(tx, tenantId, found);
  const cellNames = new Map(
    (await tx.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, [...new Set(found.map((m) => m.unitId)), '00000000-0000-0000-0000-000000000000'])))
      .map((u) => [u.id, u.name]),
  );
  return found.map((m) => ({ personId: personIds.get(m.memberId)!, fullName: m.fullName, roleLabel: `Đảng viên ${cellNames.get(m.unitId) ?? ''}`.trim(), groupId: group.id }));
}

/** memberId → personId, creating the person of a member who has none yet (and linking it). */
export async function ensurePersons(tx: DbOrTx, tenantId: string, list: readonly Pick<MemberAsOf, 'memberId' | 'personId'>[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const missing = list.filter((m) => !m.personId).map((m) => m.memberId);
  for (const m of list) if (m.personId) map.set(m.memberId, m.personId);
  if (missing.length === 0) return map;
  const rows = await tx.select().from(members).where(and(eq(members.tenantId, tenantId), inArray(members.id, missing), isNull(members.personId)));
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500).map((m) => ({ member: m, personId: crypto.randomUUID() }));
    await tx.insert(persons).values(
      chunk.map(({ member, personId }) => ({ tenantId, id: personId, fullName: member.fullName, gender: member.gender, birthDate: member.birthDate, phone: member.phone, email: member.email })),
    );
    for (const { member, personId } of chunk) {
      await tx.update(members).set({ personId }).where(eq(members.id, member.id));
      map.set(member.id, personId);
    }
  }
  // A member linked meanwhile by another write keeps that person.
  const again = missing.filter((id) => !map.has(id));
  if (again.length) {
    for (const m of await tx.select({ id: members.id, personId: members.personId }).from(members).where(inArray(members.id, again))) if (m.personId) map.set(m.id, m.personId);
  }
  return map;
}
