import { z } from 'zod';
import { attendanceStatuses } from '../../../domain/attendance';
import { conferenceForms, conferenceStatuses } from './tables';

const id = (what: string) => z.uuid({ message: `Mã ${what} không hợp lệ.` });
export const conferenceIdParams = z.object({ id: id('hội nghị') });
export const planIdParams = z.object({ id: id('kế hoạch') });
export const participantParams = z.object({ id: id('hội nghị'), personId: id('người') });
export const versionBody = z.object({ version: z.number().int().min(1) });

const details = {
  title: z.string().trim().min(3, 'Tên hội nghị quá ngắn.').max(500),
  scheduledAt: z.iso.datetime({ offset: true, message: 'Thời gian không hợp lệ.' }).nullable(),
  windowPhrase: z.string().trim().max(200).nullable(),
  venue: z.string().trim().max(500),
  form: z.enum(conferenceForms),
  onlineLink: z.url({ message: 'Đường dẫn trực tuyến không hợp lệ.' }).max(1000).nullable(),
  reporterPersonId: id('báo cáo viên').nullable(),
  reporterText: z.string().trim().max(500).nullable(),
};
export const conferenceCreateBody = z.object(details).partial();
export const conferenceUpdateBody = z.object(details).partial().extend(versionBody.shape);

export const groupsBody = versionBody.extend({
  groups: z
    .array(
      z.object({
        label: z.string().trim().min(1).max(300),
        kind: z.enum(['positions', 'unitMembers']),
        positionKinds: z.array(z.string().min(1).max(100)).max(50).default([]),
        unitIds: z.array(id('đơn vị')).max(500).default([]),
      }),
    )
    .max(50),
});

export const addParticipantBody = versionBody
  .extend({ personId: id('người').optional(), memberId: id('đảng viên').optional(), roleLabel: z.string().trim().max(300).optional() })
  .refine((b) => Boolean(b.personId) !== Boolean(b.memberId), { message: 'Chọn một người hoặc một đảng viên.' });

export const heldBody = versionBody.extend({ heldOn: z.iso.date({ message: 'Ngày không hợp lệ.' }) });

export const attendanceBody = versionBody.extend({
  marks: z.array(z.object({ personId: id('người'), status: z.enum(attendanceStatuses), reason: z.string().trim().max(500).nullish() })).max(5000),
});

const participant = z.object({
  personId: z.uuid(),
  fullName: z.string(),
  roleLabel: z.string(),
  groupId: z.uuid().nullable(),
  manual: z.enum(['added', 'removed']).nullable(),
  sentAt: z.date().nullable(),
});

export const conferenceSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  planId: z.uuid(),
  planTitle: z.string(),
  title: z.string(),
  scheduledAt: z.date().nullable(),
  windowPhrase: z.string().nullable(),
  venue: z.string(),
  form: z.enum(conferenceForms),
  onlineLink: z.string().nullable(),
  reporterPersonId: z.uuid().nullable(),
  reporterText: z.string().nullable(),
  participantsText: z.string().nullable(),
  status: z.enum(conferenceStatuses),
  numberText: z.string().nullable(),
  convenedOn: z.string().nullable(),
  heldOn: z.string().nullable(),
  groups: z.array(z.object({ id: z.uuid(), label: z.string(), kind: z.enum(['positions', 'unitMembers']), positionKinds: z.array(z.string()), unitIds: z.array(z.uuid()), count: z.number().int() })),
  participants: z.array(participant),
  removed: z.array(participant),
  unsent: z.number().int(),
  abilities: z.object({ edit: z.boolean(), send: z.boolean(), markHeld: z.boolean(), attendance: z.boolean(), manage: z.boolean() }),
});

export const conferenceSummary = conferenceSchema.pick({ id: true, title: true, status: true, scheduledAt: true, windowPhrase: true, venue: true, version: true });

export const previewSchema = z.object({
  groups: z.array(z.object({ id: z.uuid(), label: z.string(), count: z.number().int() })),
  total: z.number().int(),
  added: z.array(z.object({ personId: z.uuid(), fullName: z.string(), roleLabel: z.string() })),
  dropped: z.array(z.object({ personId: z.uuid(), fullName: z.string(), roleLabel: z.string() })),
});

export const attendanceSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  status: z.enum(conferenceStatuses),
  summoned: z.array(z.object({ personId: z.uuid(), fullName: z.string(), roleLabel: z.string() })),
  marks: z.array(z.object({ personId: z.uuid(), status: z.enum(attendanceStatuses), reason: z.string().nullable() })),
  counts: z.object({ expected: z.number(), present: z.number(), late: z.number(), excused: z.number(), absent: z.number(), unmarked: z.number(), attendedPercent: z.number().nullable() }),
});
