import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';

/** Append-only: a trigger (migration 0002) refuses UPDATE and DELETE; on Citus created after distribution (decision 017). */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    /** The tenant the action belongs to: the actor's for global actions (a province's for its accounts). */
    tenantId: uuid('tenant_id').notNull(),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('audit_tenant_at_idx').on(t.tenantId, t.at), index('audit_entity_idx').on(t.entity, t.entityId)],
);
