// The keys of the creates a phone may retry (src/server/idempotency/index.ts): which request of whom
// claimed a key, and what it created. Tenant-keyed (decision 017): the key is unique per tenant.
import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now } from '../clock';

export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** The client's key: the id it named for the new record, or its Idempotency-Key header. */
    key: text('key').notNull(),
    /** What the request creates and under what ("report:<session id>", "task:<plan id>" …): a key answers only the same request. */
    scope: text('scope').notNull(),
    actorId: uuid('actor_id').notNull(),
    /** The record the first request created (set in the same transaction as the claim). */
    entityId: text('entity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.key] })],
);
