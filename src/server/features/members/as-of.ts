// Who the members of some units are on a date: the one query every "members of those cells" asks
// (conference participants, session attendance). For now it reads the current state (members.cell_id,
// members.exempt, the units' subtrees by path); the membership history replaces its body at merge,
// keeping its signature, so no caller inlines this query.
import { and, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { units } from '../units/tables';
import { members } from './tables';

export interface MemberAsOf {
  memberId: string;
  /** Null only until the people migration gives every member a person. */
  personId: string | null;
  fullName: string;
  /** The member's cell. */
  unitId: string;
  exempt: boolean;
}

/** The members of `unitIds` and of every unit below them, as of `date` (ISO), in name order of storage. */
export async function membersAsOf(tx: DbOrTx, tenantId: string, unitIds: readonly string[], date: string): Promise<MemberAsOf[]> {
  void date; // the current state stands for every date until membership history lands
  if (unitIds.length === 0) return [];
  const roots = await tx.select({ path: units.path }).from(units).where(and(eq(units.tenantId, tenantId), inArray(units.id, [...unitIds])));
  if (roots.length === 0) return [];
  return tx
    .select({ memberId: members.id, personId: members.personId, fullName: members.fullName, unitId: members.cellId, exempt: members.exempt })
    .from(members)
    .innerJoin(units, eq(units.id, members.cellId))
    .where(and(eq(members.tenantId, tenantId), or(...roots.map((r) => like(units.path, sql`${r.path} || '%'`)))));
}
