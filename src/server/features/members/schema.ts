import { z } from 'zod';
import { genders } from './tables';

const isoDate = z.iso.date({ message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).' });

export const memberSchema = z.object({
  id: z.uuid(),
  cellId: z.uuid(),
  cellName: z.string(),
  fullName: z.string(),
  gender: z.enum(genders),
  birthDate: z.string().nullable(),
  joinedOn: z.string().nullable(),
  officialOn: z.string().nullable(),
  cardNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  exempt: z.boolean(),
  personId: z.uuid(),
  leftOn: z.string().nullable(),
  version: z.number().int(),
});
export type MemberDto = z.infer<typeof memberSchema>;

export const memberIdParams = z.object({ id: z.uuid({ message: 'Mã đảng viên không hợp lệ.' }) });

export const memberListResponse = z.object({ members: z.array(memberSchema), total: z.number().int() });

export const memberDetailResponse = z.object({
  member: memberSchema,
  abilities: z.object({ edit: z.boolean(), recordMembership: z.boolean() }),
});

export const memberSearchQuery = z.object({
  q: z.string().trim().min(1, 'Nhập tên hoặc số thẻ để tìm.').max(100),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const memberUpdateBody = z
  .object({
    version: z.number().int().min(1),
    fullName: z.string().trim().min(2, 'Họ và tên quá ngắn.').max(120).optional(),
    gender: z.enum(genders).optional(),
    birthDate: isoDate.nullable().optional(),
    joinedOn: isoDate.nullable().optional(),
    officialOn: isoDate.nullable().optional(),
    cardNumber: z.string().trim().max(30).nullable().optional(),
    phone: z.string().trim().max(30).nullable().optional(),
    email: z.email({ message: 'Email không hợp lệ.' }).nullable().optional(),
    exempt: z.boolean().optional(),
    cellId: z.uuid().optional(),
  })
  .strict();
export type MemberUpdate = z.infer<typeof memberUpdateBody>;
