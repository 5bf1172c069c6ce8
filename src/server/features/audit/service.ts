// Every write records who did what to which entity, with the state before and after, inside the
// same transaction as the write itself: no write without its audit entry, no entry without its write.
import { auditLog } from './tables';
import { now } from '../../clock';
import { insertJsonRows } from '../../db/json-insert';
import type { DbOrTx } from '../../db/client';

export interface AuditEntry {
  /** Never null (decision 017): a global action is recorded in its actor's tenant. */
  tenantId: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** The audit_log row of an entry (its `at` from now() on insert), for a write that builds its own statement. */
export function auditRow(e: AuditEntry) {
  return {
    tenantId: e.tenantId,
    actorId: e.actorId,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId ?? null,
    before: e.before === undefined ? null : toJson(e.before),
    after: e.after === undefined ? null : toJson(e.after),
  };
}

export async function recordAudit(db: DbOrTx, entry: AuditEntry | AuditEntry[]): Promise<void> {
  const rows = (Array.isArray(entry) ? entry : [entry]).map(auditRow);
  // Large imports and bulk onboarding write thousands of entries: one JSON parameter, not one per cell.
  if (rows.length > 100) return insertJsonRows(db, auditLog, rows.map((r) => ({ ...r, at: now() })));
  if (rows.length) await db.insert(auditLog).values(rows);
}

function toJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value, (_k, v) => (v instanceof Date ? v.toISOString() : v)));
}
