// The propaganda log of a plan (one entry per piece of propaganda a unit did on a channel) and the
// ward loudspeaker's recurring broadcasts with the confirmation of each occurrence. Tenant-keyed
// (decision 017): primary keys (tenant_id, …) and composite foreign keys. Attachments of an entry are
// rows of the shared `attachments` table (owner type "propaganda").
import { boolean, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { now } from '../../clock';
import { plans } from '../plans/tables';
import { units } from '../units/tables';
import type { PropagandaChannel } from '../../../domain/propaganda';

/** The channels and their names live in the domain (the documents and the web write them too). */
export { channelNames, propagandaChannels, type PropagandaChannel } from '../../../domain/propaganda';

export const propagandaEntries = pgTable(
  'propaganda_entries',
  {
    tenantId: uuid('tenant_id').notNull(),
    /** Chosen by the client: a retried create finds the entry instead of adding a twin. */
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    channel: text('channel').$type<PropagandaChannel>().notNull(),
    /** The day it was done (Vietnamese calendar day). */
    on: date('on').notNull(),
    title: text('title').notNull(),
    link: text('link'),
    posts: integer('posts').notNull().default(0),
    broadcasts: integer('broadcasts').notNull().default(0),
    copies: integer('copies').notNull().default(0),
    durationMinutes: integer('duration_minutes'),
    /** Estimated people reached. */
    reach: integer('reach'),
    note: text('note'),
    /** A news item shown on the resolution's public page. */
    public: boolean('public').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('propaganda_entries_id_idx').on(t.id),
    index('propaganda_entries_plan_idx').on(t.tenantId, t.planId, t.on),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id], name: 'propaganda_entries_plan_fk' }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id], name: 'propaganda_entries_unit_fk' }),
  ],
);
export type PropagandaEntry = typeof propagandaEntries.$inferSelect;

/** A recurring broadcast on the ward loudspeaker system: an RFC 5545 rule in Asia/Ho_Chi_Minh. */
export const loudspeakerSchedules = pgTable(
  'loudspeaker_schedules',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull(),
    planId: uuid('plan_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    title: text('title').notNull(),
    /** DTSTART;TZID=Asia/Ho_Chi_Minh:… and RRULE:FREQ=WEEKLY;BYDAY=…;UNTIL=… (domain/broadcast-schedule.ts). */
    rrule: text('rrule').notNull(),
    durationMinutes: integer('duration_minutes'),
    /** The text read on air. */
    broadcastText: text('broadcast_text').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('loudspeaker_schedules_id_idx').on(t.id),
    index('loudspeaker_schedules_plan_idx').on(t.tenantId, t.planId),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id], name: 'loudspeaker_schedules_plan_fk' }),
    foreignKey({ columns: [t.tenantId, t.unitId], foreignColumns: [units.tenantId, units.id], name: 'loudspeaker_schedules_unit_fk' }),
  ],
);
export type LoudspeakerSchedule = typeof loudspeakerSchedules.$inferSelect;

export const broadcastStatuses = ['aired', 'missed'] as const;
export type BroadcastStatus = (typeof broadcastStatuses)[number];

/** An occurrence confirmed aired or missed, keyed by its calendar day. */
export const loudspeakerConfirmations = pgTable(
  'loudspeaker_confirmations',
  {
    tenantId: uuid('tenant_id').notNull(),
    scheduleId: uuid('schedule_id').notNull(),
    occurrenceOn: date('occurrence_on').notNull(),
    status: text('status').$type<BroadcastStatus>().notNull(),
    note: text('note'),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull().defaultNow().$defaultFn(now),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.scheduleId, t.occurrenceOn] }),
    foreignKey({ columns: [t.tenantId, t.scheduleId], foreignColumns: [loudspeakerSchedules.tenantId, loudspeakerSchedules.id], name: 'loudspeaker_confirmations_schedule_fk' }).onDelete('cascade'),
  ],
);
