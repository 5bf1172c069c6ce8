// Who the members of some units are on a date: the one query every "members of those cells" asks
// (conference participants, session attendance). It reads the membership history (decision 015):
// a member transferred on the session's day counts in the new cell, an exemption ending the day
// before does not exempt, a member who joined later or left earlier is not there.
import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { units } from '../units/tables';
import { membersAsOf as placedAsOf } from '../people/membership-queries';
import { members } from './tables';

export interface MemberAsOf {
  memberId: string;
  personId: string;
  fullName: string;
  /** The member's cell on that date. */
  unitId: string;
  exempt: boolean;
}

/** The members of `unitIds` and of every unit below them, as of `date` (ISO), in name order. */
export async function membersAsOf(tx: DbOrTx, tenantId: string, unitIds: readonly string[], date: string): Promise<MemberAsOf[]> {
  if (unitIds.length === 0) return [];
  const roots = await tx.select({ path: units.path }).from(units).where(and(eq(units.tenantId, tenantId), inArray(units.id, [...unitIds])));
  if (roots.length === 0) return [];
  const below = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.tenantId, tenantId), or(...roots.map((r) => like(units.path, sql`${r.path} || '%'`)))));
  const placed = await placedAsOf(tx, tenantId, below.map((u) => u.id), date);
  if (placed.length === 0) return [];
  const people = await tx
    .select({ id: members.id, personId: members.personId, fullName: members.fullName })
    .from(members)
    .where(and(eq(members.tenantId, tenantId), inArray(members.id, placed.map((p) => p.memberId))));
  const byId = new Map(people.map((p) => [p.id, p]));
  return placed
    .map((p) => ({ memberId: p.memberId, personId: byId.get(p.memberId)!.personId, fullName: byId.get(p.memberId)!.fullName, unitId: p.cellId, exempt: p.exempt }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi') || a.memberId.localeCompare(b.memberId));
}
