import { z } from 'zod';
import { genders } from '../members/tables';
import { unitKinds } from '../units/tables';
import { leaveReasons, membershipEventKinds } from './tables';

const isoDate = z.iso.date({ message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).' });
const name = z.string().trim().min(2, 'Họ và tên quá ngắn.').max(120);

export const idParams = z.object({ id: z.uuid({ message: 'Mã không hợp lệ.' }) });
export const exemptionParams = z.object({ id: z.uuid({ message: 'Mã không hợp lệ.' }), eventId: z.uuid({ message: 'Mã không hợp lệ.' }) });

export const personSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  gender: z.enum(genders).nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  note: z.string().nullable(),
  /** Set once the person's data was erased (decision 028): the name is a pseudonym, the contacts empty. */
  erasedAt: z.date().nullable(),
  version: z.number().int(),
});

export const personListItem = personSchema.extend({
  memberId: z.uuid().nullable(),
  cellName: z.string().nullable(),
  positions: z.array(z.string()),
});

export const peopleQuery = z.object({
  q: z.string().trim().max(100).optional(),
  membership: z.enum(['all', 'members', 'nonMembers']).default('all'),
  communeId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const personCreateBody = z
  .object({
    fullName: name,
    gender: z.enum(genders).nullable().optional(),
    birthDate: isoDate.nullable().optional(),
    phone: z.string().trim().max(30).nullable().optional(),
    email: z.email({ message: 'Email không hợp lệ.' }).nullable().optional(),
    note: z.string().trim().max(300).nullable().optional(),
  })
  .strict();
export type PersonCreate = z.infer<typeof personCreateBody>;

export const personUpdateBody = personCreateBody.partial().extend({ version: z.number().int().min(1) }).strict();
export type PersonUpdate = z.infer<typeof personUpdateBody>;

export const positionSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  kindCode: z.string(),
  kindName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  fromOn: z.string(),
  toOn: z.string().nullable(),
  version: z.number().int(),
});
export type PositionDto = z.infer<typeof positionSchema>;

export const membershipEventSchema = z.object({
  id: z.uuid(),
  kind: z.enum(membershipEventKinds),
  on: z.string(),
  toOn: z.string().nullable(),
  cellId: z.uuid().nullable(),
  cellName: z.string().nullable(),
  fromCellId: z.uuid().nullable(),
  fromCellName: z.string().nullable(),
  otherWard: z.string().nullable(),
  reason: z.string().nullable(),
  note: z.string().nullable(),
});
export type MembershipEventDto = z.infer<typeof membershipEventSchema>;

export const personDetailResponse = z.object({
  person: personSchema,
  member: z
    .object({ id: z.uuid(), cellId: z.uuid(), cellName: z.string(), joinedOn: z.string().nullable(), exempt: z.boolean(), leftOn: z.string().nullable(), version: z.number().int() })
    .nullable(),
  membership: z.array(membershipEventSchema),
  positions: z.array(positionSchema),
  abilities: z.object({ edit: z.boolean(), recordMembership: z.boolean(), exportData: z.boolean(), erase: z.boolean() }),
});

export const positionKindSchema = z.object({ code: z.string(), name: z.string(), unitKinds: z.array(z.string()), sortOrder: z.number().int() });
export const positionKindCreateBody = z
  .object({
    name: z.string().trim().min(3, 'Tên chức vụ quá ngắn.').max(120),
    code: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{1,60}$/u, 'Mã chức vụ chỉ gồm chữ không dấu và số.').optional(),
    unitKinds: z.array(z.enum(unitKinds)).default([]),
  })
  .strict();

export const positionCreateBody = z
  .object({ personId: z.uuid(), kindCode: z.string().min(1).max(80), unitId: z.uuid(), fromOn: isoDate, toOn: isoDate.nullable().optional() })
  .strict();
export const positionUpdateBody = z
  .object({ version: z.number().int().min(1), kindCode: z.string().min(1).max(80).optional(), fromOn: isoDate.optional(), toOn: isoDate.nullable().optional() })
  .strict();
export const positionEndBody = z.object({ version: z.number().int().min(1), toOn: isoDate }).strict();
export const positionListResponse = z.object({ positions: z.array(positionSchema), abilities: z.object({ edit: z.boolean() }) });

export const transferBody = z
  .object({
    on: isoDate,
    toCellId: z.uuid().optional(),
    toWard: z.string().trim().min(3, 'Ghi tên đảng bộ chuyển đến.').max(200).optional(),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((b) => (b.toCellId ? 1 : 0) + (b.toWard ? 1 : 0) === 1, { message: 'Chọn chi bộ trong đảng bộ, hoặc ghi tên đảng bộ chuyển đến.' });
export type TransferInput = z.infer<typeof transferBody>;

export const exemptionBody = z
  .object({ from: isoDate, to: isoDate.nullable().optional(), reason: z.string().trim().min(3, 'Ghi lý do miễn sinh hoạt.').max(300) })
  .strict();
export const exemptionEndBody = z.object({ to: isoDate }).strict();
export const leaveBody = z.object({ on: isoDate, reason: z.enum(leaveReasons), note: z.string().trim().max(500).optional() }).strict();

export const membershipResponse = z.object({ memberId: z.uuid(), cellId: z.uuid(), exempt: z.boolean(), leftOn: z.string().nullable(), version: z.number().int(), events: z.array(membershipEventSchema) });

export const memberCreateBody = z
  .object({
    cellId: z.uuid(),
    personId: z.uuid().optional(),
    fullName: name,
    gender: z.enum(genders),
    birthDate: isoDate.nullable().optional(),
    joinedOn: isoDate.nullable().optional(),
    officialOn: isoDate.nullable().optional(),
    cardNumber: z.string().trim().max(30).nullable().optional(),
    phone: z.string().trim().max(30).nullable().optional(),
    email: z.email({ message: 'Email không hợp lệ.' }).nullable().optional(),
    /** How they came to the ward's organisation, and when. */
    arrival: z.object({ kind: z.enum(['joined', 'transferIn']), on: isoDate, fromWard: z.string().trim().max(200).optional() }).strict(),
  })
  .strict();
export type MemberCreate = z.infer<typeof memberCreateBody>;

export const mergeBody = z
  .object({
    sourceIds: z.array(z.uuid()).min(1).max(50),
    targetId: z.uuid().optional(),
    newUnit: z.object({ name: z.string().trim().min(3).max(200), parentId: z.uuid(), kind: z.enum(unitKinds) }).strict().optional(),
    on: isoDate,
    /** The version of every unit named (sources and target) as the user saw it. */
    versions: z.record(z.string(), z.number().int().min(1)),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((b) => (b.targetId ? 1 : 0) + (b.newUnit ? 1 : 0) === 1, { message: 'Chọn đơn vị nhận, hoặc đặt tên đơn vị mới.' });
export type MergeInput = z.infer<typeof mergeBody>;

export const mergeResponse = z.object({ targetId: z.uuid(), closed: z.array(z.uuid()), membersTransferred: z.number().int(), positionsEnded: z.number().int() });

export const countsQuery = z.object({ on: isoDate, communeId: z.uuid().optional() });
export const countsResponse = z.object({ on: z.string(), cells: z.array(z.object({ cellId: z.uuid(), members: z.number().int(), expected: z.number().int() })) });
