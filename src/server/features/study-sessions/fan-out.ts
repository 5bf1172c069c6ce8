// Issuing a plan creates, in the same transaction, one study session for every open cell and
// grassroots organisation of the commune's tree. A grassroots organisation with cells of its own
// starts with one session per cell; it may choose one joint session instead (chooseSessionMode).
import { and, eq, gt, inArray, isNull, like, or } from 'drizzle-orm';
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

/** Called by the plan's issue step, inside its transaction. Returns the number of sessions created. */
export async function fanOutPlan(tx: Tx, plan: Plan, issuedOn: string): Promise<number> {
  const [issuer] = await tx.select({ path: units.path }).from(units).where(eq(units.id, plan.issuerUnitId));
  if (!issuer) return 0;
  const scope = await openSessionUnits(tx, plan.tenantId, issuer.path, issuedOn);
  return insertSessions(tx, plan.tenantId, plan.id, sessionHolders(scope), grassrootsDue(plan.body.conferences ?? []));
}
