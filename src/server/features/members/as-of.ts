// Who belongs to a unit on a given day: the one question attendance, conferences and reports ask
// about membership. For now it reads the current state (members.cell_id, members.exempt, joined on
// or before the day); the membership history of the Organisation issue replaces this body, keeping
// the signature. A grassroots organisation holding one joint session asks for its whole subtree.
import { and, eq, inArray, isNull, like, lte, or } from 'drizzle-orm';
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
  const requested = await tx.select({ id: units.id, path: units.path, kind: units.kind }).from(units).where(and(eq(units.tenantId, tenantId), inArray(units.id, [...unitIds])));
  const joined = or(isNull(members.joinedOn), lte(members.joinedOn, date));
  const columns = { memberId: members.id, personId: members.personId, fullName: members.fullName, cellId: members.cellId, exempt: members.exempt };
  const out: MemberAsOf[] = [];
  // A cell's members by their cell (the common case, on the index); a larger unit's through its subtree.
  const cells = requested.filter((u) => u.kind === 'cell').map((u) => u.id);
  if (cells.length > 0) {
    const rows = await tx.select(columns).from(members).where(and(eq(members.tenantId, tenantId), inArray(members.cellId, cells), joined));
    out.push(...rows.map(({ cellId, ...m }) => ({ ...m, unitId: cellId })));
  }
  for (const unit of requested.filter((u) => u.kind !== 'cell')) {
    const rows = await tx
      .select(columns)
      .from(members)
      .innerJoin(units, and(eq(units.id, members.cellId), eq(units.tenantId, members.tenantId)))
      .where(and(eq(members.tenantId, tenantId), like(units.path, `${unit.path}%`), joined));
    out.push(...rows.map(({ cellId: _c, ...m }) => ({ ...m, unitId: unit.id })));
  }
  return out;
}
