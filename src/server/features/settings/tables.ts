import { date, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';

/** Per-commune settings of documents. */
export const communeSettings = pgTable('commune_settings', {
  tenantId: uuid('tenant_id').primaryKey(),
  /** The commune's document numbers restart each year ("year") or run over its term ("term"); document-types.ts. */
  numbering: text('numbering').$type<'year' | 'term'>().notNull().default('year'),
  termStartedOn: date('term_started_on'),
  /** "ỦY" or "UỶ" in headers. */
  uySpelling: text('uy_spelling').$type<'ỦY' | 'UỶ'>().notNull().default('ỦY'),
  superiorName: text('superior_name').notNull(),
  issuerName: text('issuer_name').notNull(),
  placeName: text('place_name').notNull(),
  version: integer('version').notNull().default(1),
});
