import { date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';

import type { UnitKind } from '../../../domain/units';

/** Kinds of organisation units (PRODUCT.md §3): the domain's list. */
export { unitKinds, type UnitKind } from '../../../domain/units';

export const units = pgTable(
  'units',
  {
    id: uuid('id').notNull().defaultRandom(),
    /**
     * The tenant that owns this unit (decision 017): a commune's id for the commune and everything
     * below it, a province's id for the province and the units above communes. Never null.
     */
    tenantId: uuid('tenant_id').notNull(),
    /** No foreign key: a commune's parent is its province, in another tenant. */
    parentId: uuid('parent_id'),
    kind: text('kind').$type<UnitKind>().notNull(),
    name: text('name').notNull(),
    /** Materialised path of ids, "/province/commune/org/cell/", so "within a subtree" is a prefix test. */
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    /** The day the unit began; sessions and expectations before it do not count it. */
    openedOn: date('opened_on'),
    /** The day the unit closed (merged, dissolved): it keeps its history and receives nothing new after. */
    closedOn: date('closed_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // Looked up by id alone (a route's :id): on Citus a query to every shard, answered by this index.
    index('units_id_idx').on(t.id),
    index('units_parent_idx').on(t.parentId),
    index('units_path_idx').on(t.path),
  ],
);

export type Unit = typeof units.$inferSelect;
