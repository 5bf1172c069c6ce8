// Who belongs to a unit on a given day: the one question attendance, conferences and reports ask
// about membership. For now it reads the current state (members.cell_id, members.exempt, joined on
// or before the day); the membership history of the Organisation issue replaces this body, keeping
// the signature. A grassroots organisation holding one joint session asks for its whole subtree.
import { and, eq, inArray, or, isNull, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client';
import { units } from '../units/tables';
import { members } from './tables';

export interface MemberAsOf {
  memberId: string;
  personId: string | null;
  fullName: string;
  /** The requested unit whose subtree holds the member. */
  unitId: string;
  /** Miễn sinh hoạt: listed apart, outside every denominator. */
  exempt: boolean;
}

/** The members of each of `unitIds` (their subtrees) as of `date` (ISO), in no particular order. */
export async function membersAsOf(tx: DbOrTx, tenantId: string, unitIds: readonly string[], date: string): Promise<MemberAsOf[]> {
  if (unitIds.length === 0) return [];
  const cell = alias(units, 'cell');
  return tx
    .select({ memberId: members.id, personId: members.personId, fullName: members.fullName, unitId: units.id, exempt: members.exempt })
    .from(units)
    .innerJoin(cell, and(eq(cell.tenantId, units.tenantId), sql`${cell.path} like ${units.path} || '%'`))
    .innerJoin(members, and(eq(members.tenantId, cell.tenantId), eq(members.cellId, cell.id)))
    .where(
      and(
        eq(units.tenantId, tenantId),
        inArray(units.id, [...unitIds]),
        or(isNull(members.joinedOn), lte(members.joinedOn, date)),
      ),
    );
}
