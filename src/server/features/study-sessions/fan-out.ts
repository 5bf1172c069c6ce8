// Issuing a plan creates, in the same transaction, one study session for every open cell and
// grassroots organisation of the commune's tree. A grassroots organisation with cells of its own
// starts with one session per cell; it may choose one joint session instead (chooseSessionMode).
import { and, eq, gt, inArray, isNull, like, or, sql } from 'drizzle-orm';
import { now } from '../../clock';
import type { DbOrTx, Tx } from '../../db/client';
import { grassrootsDue } from '../../../domain/session-window';
import type { Due } from '../../../domain/plan-import/types';
import { units, type Unit } from '../units/tables';
import type { Plan } from '../plans/tables';
import { studySessions } from './tables';

export type SessionMode = 'joint' | 'per-cell';

type ScopeUnit = Pick<Unit, 'id' | 'kind' | 'path'>;

/** Open cells and grassroots organisations under `rootPath` on `onDate` (closed the same day or before: out). */
export async function openSessionUnits(tx: DbOrTx, tenantId: string, rootPath: string, onDate: string): Promise<ScopeUnit[]> {
  return tx
    .select({ id: units.id, kind: units.kind, path: units.path })
    .from(units)
    .where(
      and(
        eq(units.tenantId, tenantId),
        like(units.path, `${rootPath}%`),
        inArray(units.kind, ['cell', 'grassrootsOrg']),
        or(isNull(units.closedOn), gt(units.closedOn, onDate)),
      ),
    );
}

/** Which units hold a session: cells, and grassroots organisations without cells of their own (or in joint mode). */
export function sessionHolders(scope: readonly ScopeUnit[], jointOrgIds: ReadonlySet<string> = new Set()): string[] {
  const orgs = scope.filter((u) => u.kind === 'grassrootsOrg');
  const joint = orgs.filter((o) => jointOrgIds.has(o.id));
  const holders: string[] = [];
  for (const unit of scope) {
    if (unit.kind === 'grassrootsOrg') {
      const hasCells = scope.some((c) => c.kind === 'cell' && c.path.startsWith(unit.path) && c.id !== unit.id);
      if (!hasCells || jointOrgIds.has(unit.id)) holders.push(unit.id);
    } else if (!joint.some((o) => unit.path.startsWith(o.path))) {
      holders.push(unit.id);
    }
  }
  return holders;
}

export async function insertSessions(tx: DbOrTx, tenantId: string, planId: string, unitIds: readonly string[], due: Due | null) {
  const rows = unitIds.map((unitId) => ({ tenantId, planId, unitId, due }));
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(studySessions).values(rows.slice(i, i + 1000));
  return rows.length;
}

/**
 * Called by the plan's issue step, inside its transaction. Returns the number of sessions created.
 * One INSERT … SELECT over the issuer's subtree, with the rule of `sessionHolders` (no joint
 * organisation yet) in SQL: a province's 5,000 cells never travel to the server and back.
 */
export async function fanOutPlan(tx: Tx, plan: Plan, issuedOn: string): Promise<number> {
  const [issuer] = await tx.select({ path: units.path }).from(units).where(and(eq(units.tenantId, plan.tenantId), eq(units.id, plan.issuerUnitId)));
  if (!issuer) return 0;
  const due = grassrootsDue(plan.body.conferences ?? []);
  const at = now().toISOString();
  const result = await tx.execute(sql`
    WITH created AS (
      INSERT INTO study_sessions (tenant_id, plan_id, unit_id, due, created_at, updated_at)
      SELECT u.tenant_id, ${plan.id}::uuid, u.id, ${due === null ? null : JSON.stringify(due)}::jsonb, ${at}::timestamptz, ${at}::timestamptz
      FROM units u
      WHERE u.tenant_id = ${plan.tenantId}::uuid AND u.path LIKE ${issuer.path} || '%'
        AND u.kind IN ('cell', 'grassrootsOrg') AND (u.closed_on IS NULL OR u.closed_on > ${issuedOn}::date)
        AND NOT (u.kind = 'grassrootsOrg' AND EXISTS (
          SELECT 1 FROM units c
          WHERE c.tenant_id = u.tenant_id AND c.kind = 'cell' AND c.id <> u.id AND c.path LIKE u.path || '%' AND (c.closed_on IS NULL OR c.closed_on > ${issuedOn}::date)))
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM created`);
  return Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}
