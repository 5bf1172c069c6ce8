import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DocumentTypeId } from '../../domain/document-types';
import { now } from '../clock';

/**
 * The register of document numbers (sổ đăng ký văn bản): one row per number given, for every
 * numbered type of document (domain/document-types.ts). numbering.ts gives the next number per
 * issuer, symbol and period from here, so plans, reports, convocations … count alike. Every key holds
 * tenant_id (the product is distributed by tenant on Citus).
 */
export const documentNumbers = pgTable(
  'document_numbers',
  {
    id: uuid('id').notNull().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    /** The commune committee or the cell that issues the document. */
    issuerUnitId: uuid('issuer_unit_id').notNull(),
    /** "KH/ĐU", "BC/CB": numbers count per symbol. */
    symbol: text('symbol').notNull(),
    /** "2026", or "term:2025-10-01" when the commune numbers over its term. */
    period: text('period').notNull(),
    number: integer('number').notNull(),
    documentType: text('document_type').$type<DocumentTypeId>().notNull(),
    /** The numbered record (a plan's id, …); its table follows from `documentType`. */
    documentId: uuid('document_id').notNull(),
    issuedOn: date('issued_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    // One number per issuer, symbol and period; the highest one is the last given.
    uniqueIndex('document_numbers_number_uq').on(t.tenantId, t.issuerUnitId, t.symbol, t.period, t.number),
    // A document is numbered once.
    uniqueIndex('document_numbers_document_uq').on(t.tenantId, t.documentType, t.documentId),
    index('document_numbers_issued_on_idx').on(t.tenantId, t.issuedOn),
  ],
);

export type DocumentNumber = typeof documentNumbers.$inferSelect;
