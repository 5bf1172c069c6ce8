import { z } from 'zod';
import { broadcastStatuses, propagandaChannels } from './tables';
import { weekdayCodes } from '../../../domain/broadcast-schedule';

export const entryIdParams = z.object({ id: z.uuid({ message: 'Mã mục tuyên truyền không hợp lệ.' }) });
export const entryFileParams = entryIdParams.extend({ attachmentId: z.uuid({ message: 'Mã tệp không hợp lệ.' }) });
export const scheduleIdParams = z.object({ id: z.uuid({ message: 'Mã lịch phát không hợp lệ.' }) });
export const occurrenceParams = scheduleIdParams.extend({ on: z.iso.date({ message: 'Ngày phát không hợp lệ.' }) });

const day = z.iso.date({ message: 'Ngày không hợp lệ (YYYY-MM-DD).' });
const count = z.number().int().min(0, { message: 'Số lượng không được âm.' }).max(10_000_000);
const title = z.string().max(500, { message: 'Tiêu đề quá dài (tối đa 500 ký tự).' });
const link = z
  .string()
  .max(2000)
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/iu.test(s), { message: 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.' });

export const listQuery = z.object({ unitId: z.uuid().optional(), channel: z.enum(propagandaChannels).optional() });
export const totalsQuery = z.object({ unitId: z.uuid().optional() });

const entryFields = {
  unitId: z.uuid({ message: 'Hãy chọn đơn vị thực hiện.' }),
  channel: z.enum(propagandaChannels, { message: 'Hãy chọn hình thức tuyên truyền trong danh sách.' }),
  on: day,
  title,
  link: link.nullable().optional(),
  posts: count.optional(),
  broadcasts: count.optional(),
  copies: count.optional(),
  durationMinutes: z.number().int().min(0).max(100_000).nullable().optional(),
  reach: count.nullable().optional(),
  note: z.string().max(4000).nullable().optional(),
  public: z.boolean().optional(),
};

export const entryCreateBody = z.object({ id: z.uuid({ message: 'Mã mục tuyên truyền không hợp lệ.' }), ...entryFields });
export type EntryCreateInput = z.infer<typeof entryCreateBody>;

export const entryUpdateBody = z.object({
  version: z.number().int().min(1),
  ...Object.fromEntries(Object.entries(entryFields).map(([k, v]) => [k, v.optional()])),
}) as unknown as z.ZodObject<{ version: z.ZodNumber } & { [K in keyof typeof entryFields]: z.ZodOptional<(typeof entryFields)[K]> }>;
export type EntryUpdateInput = { version: number } & Partial<Omit<EntryCreateInput, 'id'>>;

export const versionQuery = z.object({ version: z.coerce.number().int().min(1) });

const fileSchema = z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number() });

export const entrySchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  channel: z.enum(propagandaChannels),
  channelName: z.string(),
  on: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  posts: z.number().int(),
  broadcasts: z.number().int(),
  copies: z.number().int(),
  durationMinutes: z.number().int().nullable(),
  reach: z.number().int().nullable(),
  note: z.string().nullable(),
  public: z.boolean(),
  version: z.number().int(),
  attachments: z.array(fileSchema),
  canEdit: z.boolean(),
});

export const entryListResponse = z.object({
  entries: z.array(entrySchema),
  channels: z.array(z.object({ id: z.enum(propagandaChannels), name: z.string() })),
  /** The units the actor may write entries for (empty: read only). */
  writableUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
});

const channelTotals = z.object({ entries: z.number().int(), posts: z.number().int(), broadcasts: z.number().int(), copies: z.number().int(), durationMinutes: z.number().int(), reach: z.number().int() });
export const totalsResponse = z.object({ byChannel: z.record(z.string(), channelTotals) });

export const scheduleCreateBody = z.object({
  id: z.uuid({ message: 'Mã lịch phát không hợp lệ.' }),
  unitId: z.uuid({ message: 'Hãy chọn đơn vị thực hiện.' }),
  title,
  from: day,
  to: day,
  weekdays: z.array(z.enum(weekdayCodes, { message: 'Ngày trong tuần không hợp lệ.' })).max(7),
  time: z.string().max(5),
  durationMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  broadcastText: z.string().max(20_000).optional(),
});
export type ScheduleCreateInput = z.infer<typeof scheduleCreateBody>;

export const confirmBody = z.object({ status: z.enum(broadcastStatuses, { message: 'Hãy chọn "đã phát" hoặc "không phát".' }), note: z.string().max(2000).nullable().optional() });

export const scheduleSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  title: z.string(),
  rrule: z.string(),
  description: z.string(),
  from: z.string(),
  to: z.string(),
  weekdays: z.array(z.enum(weekdayCodes)),
  time: z.string(),
  durationMinutes: z.number().int().nullable(),
  broadcastText: z.string(),
  version: z.number().int(),
  canConfirm: z.boolean(),
  counts: z.object({ total: z.number().int(), aired: z.number().int(), missed: z.number().int(), unconfirmed: z.number().int() }),
  occurrences: z.array(z.object({ on: z.string(), at: z.string(), time: z.string(), past: z.boolean(), status: z.enum(broadcastStatuses).nullable(), note: z.string().nullable() })),
});
export const scheduleListResponse = z.object({ schedules: z.array(scheduleSchema) });
