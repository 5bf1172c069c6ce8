import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';

/**
 * An administrator's extension of the genre's vocabulary (misspellings, unit names), merged over
 * src/domain/plan-import/vocabulary.vi.json. Reference data: one row, shared by every commune.
 */
export const vocabularyExtensions = pgTable('vocabulary_extensions', {
  id: text('id').primaryKey(),
  data: jsonb('data').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
});
