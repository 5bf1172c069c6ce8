// Who the members of some units are on a date: the one query every "members of those cells" asks
// (conference participants, session attendance). It reads the membership history (decision 015):
// a member transferred on the session's day counts in the new cell, an exemption ending the day
// before does not exempt, a member who joined later or left earlier is not there.
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { placedAsOf } from '../people/membership-queries';

export interface MemberAsOf {
  memberId: string;
  personId: string;
  fullName: string;
  /** The member's cell on that date. */
  unitId: string;
  exempt: boolean;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
const collator = new Intl.Collator('vi');

/** The members of `unitIds` and of every unit below them, as of `date` (ISO), in name order. One statement. */
export async function membersAsOf(tx: DbOrTx, tenantId: string, unitIds: readonly string[], date: string): Promise<MemberAsOf[]> {
  if (unitIds.length === 0) return [];
  const rows = rowsOf<{ member_id: string; person_id: string; full_name: string; cell_id: string; exempt: boolean }>(
    await tx.execute(sql`
      WITH below AS (
        SELECT u.id FROM units u
        JOIN units r ON r.tenant_id = u.tenant_id AND r.id IN ${[...unitIds]} AND u.path LIKE r.path || '%'
        WHERE u.tenant_id = ${tenantId}::uuid
      )
      SELECT a.member_id, m.person_id, m.full_name, a.cell_id, a.exempt
      FROM (${placedAsOf(tenantId, date)}) a
      JOIN members m ON m.tenant_id = ${tenantId}::uuid AND m.id = a.member_id
      WHERE a.cell_id IN (SELECT id FROM below)`),
  );
  return rows
    .map((r) => ({ memberId: r.member_id, personId: r.person_id, fullName: r.full_name, unitId: r.cell_id, exempt: r.exempt }))
    .sort((a, b) => collator.compare(a.fullName, b.fullName) || a.memberId.localeCompare(b.memberId));
}
