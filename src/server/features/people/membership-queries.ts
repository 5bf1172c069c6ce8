// "Members of a cell as of a date" in SQL, for every cell of a ward at once: each member's last
// placing event on or before the date (DISTINCT ON, the same order as domain/membership.ts), and
// whether an exemption covers the date. One statement, whatever the number of cells.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

const rank = sql`CASE e.kind WHEN 'joined' THEN 0 WHEN 'transferIn' THEN 0 WHEN 'transferWithin' THEN 1 ELSE 2 END`;

/** Members placed in a cell on `date`, with whether they were exempt that day. */
function placedAsOf(tenantId: string, date: string, cellIds?: string[]): SQL {
  const cellFilter = cellIds ? sql`AND p.cell_id IN ${cellIds}` : sql``;
  return sql`
    SELECT p.member_id, p.cell_id,
      EXISTS (SELECT 1 FROM membership_events x
              WHERE x.tenant_id = ${tenantId}::uuid AND x.member_id = p.member_id AND x.kind = 'exemption'
                AND x.effective_on <= ${date}::date AND (x.to_on IS NULL OR x.to_on >= ${date}::date)) AS exempt
    FROM (
      SELECT DISTINCT ON (e.member_id) e.member_id, e.kind, e.cell_id
      FROM membership_events e
      WHERE e.tenant_id = ${tenantId}::uuid AND e.kind <> 'exemption' AND e.effective_on <= ${date}::date
      ORDER BY e.member_id, e.effective_on DESC, ${rank} DESC, e.created_at DESC, e.id DESC
    ) p
    WHERE p.kind IN ('joined', 'transferIn', 'transferWithin') ${cellFilter}`;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The members of these cells as of `date` (cellId, exempt). */
export async function membersAsOf(db: DbOrTx, tenantId: string, cellIds: string[], date: string) {
  if (cellIds.length === 0) return [];
  const rows = rowsOf<{ member_id: string; cell_id: string; exempt: boolean }>(await db.execute(placedAsOf(tenantId, date, cellIds)));
  return rows.map((r) => ({ memberId: r.member_id, cellId: r.cell_id, exempt: r.exempt }));
}

/** For every cell of the ward that had members on `date`: how many, and how many were expected to attend (not exempt). */
export async function countsAsOf(db: DbOrTx, tenantId: string, date: string) {
  const rows = rowsOf<{ cell_id: string; members: number; expected: number }>(
    await db.execute(sql`
      SELECT a.cell_id, count(*)::int AS members, (count(*) FILTER (WHERE NOT a.exempt))::int AS expected
      FROM (${placedAsOf(tenantId, date)}) a GROUP BY a.cell_id`),
  );
  return rows.map((r) => ({ cellId: r.cell_id, members: Number(r.members), expected: Number(r.expected) }));
}

/**
 * members.exempt is today's state; an exemption that ends (or a day that passes) changes it without
 * a write. The server brings it up to date at start and every hour (server.ts), one statement.
 */
export async function refreshExemptFlags(db: DbOrTx, today: string) {
  await db.execute(sql`
    UPDATE members m SET exempt = x.exempt, version = m.version + 1
    FROM (
      SELECT mm.id, EXISTS (SELECT 1 FROM membership_events e
                            WHERE e.tenant_id = mm.tenant_id AND e.member_id = mm.id AND e.kind = 'exemption'
                              AND e.effective_on <= ${today}::date AND (e.to_on IS NULL OR e.to_on >= ${today}::date)) AS exempt
      FROM members mm WHERE mm.left_on IS NULL
    ) x
    WHERE x.id = m.id AND m.exempt <> x.exempt`);
}
