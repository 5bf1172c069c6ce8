import { z } from 'zod';
import { attendanceStatuses } from '../../../domain/attendance';
import { sessionForms, sessionKinds } from './tables';

export const sessionStatuses = ['not-scheduled', 'scheduled', 'held', 'overdue', 'at-conference'] as const;

export const sessionIdParams = z.object({ id: z.uuid({ message: 'Mã buổi sinh hoạt không hợp lệ.' }) });
const isoDate = z.iso.date({ message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).' });
const version = z.number().int().min(1);

const person = z.object({ memberId: z.uuid(), fullName: z.string() });
const markSchema = z.object({ memberId: z.uuid(), status: z.enum(attendanceStatuses), reason: z.string().nullable(), checkedInAt: z.date().nullable().optional(), fromConference: z.boolean().optional() });

export const countsSchema = z.object({
  total: z.number(), exempt: z.number(), expected: z.number(), present: z.number(), late: z.number(),
  excused: z.number(), absent: z.number(), unmarked: z.number(), attendedPercent: z.number().nullable(),
});

export const sessionDetailSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  unitId: z.uuid(),
  unitName: z.string(),
  planId: z.uuid(),
  kind: z.enum(sessionKinds),
  makeUpOfId: z.uuid().nullable(),
  status: z.enum(sessionStatuses),
  scheduledAt: z.date().nullable(),
  place: z.string().nullable(),
  form: z.enum(sessionForms),
  onlineLink: z.string().nullable(),
  reporter: z.string(),
  reachedYouth: z.number().int(),
  reachedAssociation: z.number().int(),
  reachedPublic: z.number().int(),
  notes: z.string(),
  opinions: z.string(),
  chairName: z.string(),
  minutesSecretaryName: z.string(),
  heldOn: z.string().nullable(),
  atConference: z.boolean(),
  window: z.object({ from: z.string(), to: z.string().nullable() }),
  expected: z.array(person),
  exempt: z.array(person),
  guests: z.array(person),
  marks: z.array(markSchema),
  counts: countsSchema,
  abilities: z.object({ run: z.boolean(), plan: z.boolean() }),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const sessionListResponse = z.object({
  sessions: z.array(
    z.object({
      id: z.uuid(),
      unitId: z.uuid(),
      unitName: z.string(),
      unitKind: z.string(),
      kind: z.enum(sessionKinds),
      status: z.enum(sessionStatuses),
      scheduledAt: z.date().nullable(),
      heldOn: z.string().nullable(),
      atConference: z.boolean(),
    }),
  ),
});

export const scheduleBody = z
  .object({
    version,
    scheduledAt: z.iso.datetime({ offset: true, message: 'Thời gian không hợp lệ.' }).nullable().optional(),
    place: z.string().trim().max(300).nullable().optional(),
    form: z.enum(sessionForms).optional(),
    onlineLink: z.url({ message: 'Đường dẫn họp trực tuyến không hợp lệ.' }).max(500).nullable().optional(),
    reporter: z.string().trim().min(1, 'Hãy ghi báo cáo viên.').max(200).optional(),
    reachedYouth: z.number().int().min(0).max(100_000).optional(),
    reachedAssociation: z.number().int().min(0).max(100_000).optional(),
    reachedPublic: z.number().int().min(0).max(100_000).optional(),
    notes: z.string().max(20_000).optional(),
    opinions: z.string().max(20_000).optional(),
    chairName: z.string().trim().max(200).optional(),
    minutesSecretaryName: z.string().trim().max(200).optional(),
    /** The secretary saw the warning that the date lies outside the plan's window and keeps it. */
    confirmOutsideWindow: z.boolean().optional(),
  })
  .strict();
export type ScheduleInput = z.infer<typeof scheduleBody>;

export const attendanceBody = z.object({
  version,
  marks: z
    .array(z.object({ memberId: z.uuid(), status: z.enum(attendanceStatuses), reason: z.string().trim().max(500).nullable().optional() }))
    .max(2000),
});
export type AttendanceInput = z.infer<typeof attendanceBody>;

export const heldBody = z.object({ version, heldOn: isoDate });
export const atConferenceBody = z.object({ version, atConference: z.boolean() });
export const modeParams = z.object({ id: z.uuid(), unitId: z.uuid() });
export const modeBody = z.object({ mode: z.enum(['joint', 'per-cell']) });
export const makeUpBody = z.object({ scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(), unitId: z.uuid().optional() });
export const guestBody = z.object({ memberId: z.uuid() });

export const makeUpRowSchema = z.object({
  unitId: z.uuid(),
  unitName: z.string(),
  owed: z.number().int(),
  madeUp: z.number().int(),
  missing: z.number().int(),
  members: z.array(z.object({ memberId: z.uuid(), fullName: z.string(), sessionId: z.uuid(), status: z.enum(attendanceStatuses), madeUp: z.boolean() })),
});
export const overviewResponse = z.object({
  counts: z.object({ 'not-scheduled': z.number(), scheduled: z.number(), held: z.number(), overdue: z.number(), 'at-conference': z.number() }),
  makeUp: z.object({ owed: z.number(), madeUp: z.number(), missing: z.number(), cells: z.array(makeUpRowSchema) }),
});

export const unitSessionsResponse = z.object({
  sessions: z.array(
    z.object({
      id: z.uuid(),
      planId: z.uuid(),
      planTitle: z.string(),
      planNumber: z.string().nullable(),
      kind: z.enum(sessionKinds),
      status: z.enum(sessionStatuses),
      scheduledAt: z.date().nullable(),
      heldOn: z.string().nullable(),
      place: z.string().nullable(),
    }),
  ),
});
