// "Members of a cell as of a date" in SQL, for every cell of a ward at once: each member's last
// placing event on or before the date (DISTINCT ON, the same order as domain/membership.ts), and
// whether an exemption covers the date. One statement, whatever the number of cells.
import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';

const rank = sql`CASE e.kind WHEN 'joined' THEN 0 WHEN 'transferIn' THEN 0 WHEN 'transferWithin' THEN 1 ELSE 2 END`;

/**
 * A placing event's `to_on` is the day before the member's next placing event (the same order as
 * domain/membership.ts), so "placed on a day" is a range test with no sorting. Called after every
 * write of placing events, for the members concerned.
 */
export async function closePlacements(db: DbOrTx, tenantId: string, memberIds: string[]) {
  if (memberIds.length === 0) return;
  await db.execute(sql`
    UPDATE membership_events t SET to_on = n.next_on
    FROM (
      SELECT e.id, (lead(e.effective_on) OVER (PARTITION BY e.member_id ORDER BY e.effective_on, ${rank}, e.created_at, e.id) - 1) AS next_on
      FROM membership_events e
      WHERE e.tenant_id = ${tenantId}::uuid AND e.member_id IN ${memberIds} AND e.kind <> 'exemption'
    ) n
    WHERE t.tenant_id = ${tenantId}::uuid AND t.id = n.id AND t.to_on IS DISTINCT FROM n.next_on`);
}

/**
 * Members placed in a cell on `date`, with whether they were exempt that day (exemptions never overlap).
 * The exemption is a correlated EXISTS, so it is one lookup on membership_events_member_idx per member
 * placed, whatever the planner believes of the table's size (PGlite runs no autovacuum, so the
 * statistics of a freshly loaded table are guesses: a join there became a nested loop over every
 * event of the ward for each member).
 */
/** `tenantId` and `date` as values, or as SQL (the columns of an outer query). */
function placedAsOf(tenantId: string | SQL, date: string | SQL, filter: { cellIds?: string[] } = {}): SQL {
  const cellFilter = filter.cellIds ? sql`AND p.cell_id IN ${filter.cellIds}` : sql``;
  return sql`
    SELECT p.member_id, p.cell_id,
           EXISTS (SELECT 1 FROM membership_events x
                   WHERE x.tenant_id = p.tenant_id AND x.member_id = p.member_id AND x.kind = 'exemption'
                     AND x.effective_on <= ${date}::date AND (x.to_on IS NULL OR x.to_on >= ${date}::date)) AS exempt
    FROM membership_events p
    WHERE p.tenant_id = ${tenantId}::uuid AND p.kind IN ('joined', 'transferIn', 'transferWithin')
      AND p.effective_on <= ${date}::date AND (p.to_on IS NULL OR p.to_on >= ${date}::date) ${cellFilter}`;
}

/**
 * One member's placing on `date` (cell_id, exempt), with the member named as a constant on both sides:
 * the exemption is then a one-off index lookup, never a hash over every exemption of the database.
 */
function memberPlacedAsOf(tenantId: string, memberId: string, date: string): SQL {
  return sql`
    SELECT p.member_id, p.cell_id,
           EXISTS (SELECT 1 FROM membership_events x
                   WHERE x.tenant_id = ${tenantId}::uuid AND x.member_id = ${memberId}::uuid AND x.kind = 'exemption'
                     AND x.effective_on <= ${date}::date AND (x.to_on IS NULL OR x.to_on >= ${date}::date)) AS exempt
    FROM membership_events p
    WHERE p.tenant_id = ${tenantId}::uuid AND p.member_id = ${memberId}::uuid AND p.kind IN ('joined', 'transferIn', 'transferWithin')
      AND p.effective_on <= ${date}::date AND (p.to_on IS NULL OR p.to_on >= ${date}::date)`;
}

export { placedAsOf, memberPlacedAsOf };

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** The members of these cells as of `date` (cellId, exempt). */
export async function membersAsOf(db: DbOrTx, tenantId: string, cellIds: string[], date: string) {
  if (cellIds.length === 0) return [];
  const rows = rowsOf<{ member_id: string; cell_id: string; exempt: boolean }>(await db.execute(placedAsOf(tenantId, date, { cellIds })));
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
