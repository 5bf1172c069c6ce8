// Reading the audit log: the entries of one commune, for whoever may read it.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { forbidden } from '../../errors';
import { resolveCommune, toRef } from '../units/service';
import { auditFilter, canViewAudit } from './policy';
import { auditLog } from './tables';

export async function listAudit(db: DbOrTx, actor: Actor, query: { communeId?: string; entity?: string; entityId?: string; limit: number }) {
  // The commune asked for (or the actor's own): another commune out of reach is not found.
  const commune = toRef(await resolveCommune(db, actor, query.communeId));
  if (!canViewAudit(actor, commune)) throw forbidden('xem nhật ký thay đổi');
  const filters: SQL[] = [auditFilter(commune)];
  if (query.entity) filters.push(eq(auditLog.entity, query.entity));
  if (query.entityId) filters.push(eq(auditLog.entityId, query.entityId));
  return db.select().from(auditLog).where(and(...filters)).orderBy(desc(auditLog.id)).limit(query.limit);
}
