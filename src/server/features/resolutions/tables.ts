import { bigint, customType, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';
import { sql, type SQL } from 'drizzle-orm';

/** Kinds of guiding documents a plan refers to ("các văn bản chỉ đạo của Trung ương, của tỉnh…"). */
export { resolutionKinds } from '../../../domain/resolutions';
import { resolutionKinds } from '../../../domain/resolutions';
export type ResolutionKind = (typeof resolutionKinds)[number];

export const resolutionRelations = ['implements', 'guides', 'replaces'] as const;
export type ResolutionRelation = (typeof resolutionRelations)[number];

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** The registry of guiding documents; most are resolutions (Nghị quyết), hence the name. */
export const resolutions = pgTable(
  'resolutions',
  {
    id: uuid('id').notNull().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    kind: text('kind').$type<ResolutionKind>().notNull(),
    /** As written, spacing normalised: "91-NQ/TU". */
    number: text('number').notNull(),
    issuedOn: date('issued_on'),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    /** Core content: paragraphs of plain text separated by blank lines (rendered safely, never as HTML). */
    content: text('content').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    /**
     * Full-text search with or without diacritics: words folded by qt_fold(), the 'simple'
     * configuration, stored so that ranking does not re-read every matching document. The kind's
     * code ('nghi-quyet') is searchable too, so "nghi quyet ha tang" finds a resolution on hạ tầng.
     * Number and subject weigh more (A) than issuer and content (D) in the ranking.
     */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('simple'::regconfig, qt_search_text(${resolutions.kind} || ' ' || ${resolutions.number} || ' ' || ${resolutions.subject})), 'A') || setweight(to_tsvector('simple'::regconfig, qt_search_text(${resolutions.issuer} || ' ' || ${resolutions.content})), 'D')`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('resolutions_id_idx').on(t.id),
    uniqueIndex('resolutions_tenant_number_uq').on(t.tenantId, t.number),
    index('resolutions_search_idx').using('gin', t.searchVector),
    index('resolutions_number_trgm_idx').using('gin', sql`qt_fold(${t.number}) gin_trgm_ops`),
  ],
);

export const resolutionLinks = pgTable(
  'resolution_links',
  {
    id: uuid('id').notNull().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    fromId: uuid('from_id').notNull(),
    toId: uuid('to_id').notNull(),
    relation: text('relation').$type<ResolutionRelation>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'resolution_links_from_fk', columns: [t.tenantId, t.fromId], foreignColumns: [resolutions.tenantId, resolutions.id] }).onDelete('cascade'),
    foreignKey({ name: 'resolution_links_to_fk', columns: [t.tenantId, t.toId], foreignColumns: [resolutions.tenantId, resolutions.id] }).onDelete('cascade'),
    uniqueIndex('resolution_links_uq').on(t.tenantId, t.fromId, t.toId, t.relation),
  ],
);

/** Attached files, stored once by content hash in QT_FILES_DIR. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').notNull().defaultRandom(),
    tenantId: uuid('tenant_id').notNull(),
    /** What the file is attached to: "resolution" or "plan". */
    ownerType: text('owner_type').notNull(),
    ownerId: uuid('owner_id').notNull(),
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('attachments_id_idx').on(t.id), index('attachments_owner_idx').on(t.ownerType, t.ownerId)],
);

export type Resolution = typeof resolutions.$inferSelect;
export type Attachment = typeof attachments.$inferSelect;
