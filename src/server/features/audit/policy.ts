import { eq, type SQL } from 'drizzle-orm';
import { type Actor, type UnitRef, editors, hasRoleOver } from '../../auth/actor';
import { auditLog } from './tables';

/** The ward office and administrators read the audit log of a commune they work for. */
export function canViewAudit(actor: Actor, commune: UnitRef): boolean {
  return hasRoleOver(actor, editors, commune);
}

/** The entries GET /api/audit lists: those of the commune asked for (after canViewAudit). */
export function auditFilter(commune: UnitRef): SQL {
  return eq(auditLog.tenantId, commune.id);
}
