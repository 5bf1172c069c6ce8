import { z } from 'zod';
import { unitKinds } from './tables';

export const unitIdParams = z.object({ id: z.uuid({ message: 'Mã đơn vị không hợp lệ.' }) });

/** The commune a commune-scoped route works in, for accounts above several (the province). */
export const communeQuery = z.object({ communeId: z.uuid({ message: 'Mã đảng bộ xã, phường không hợp lệ.' }).optional() });

export const unitSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  tenantId: z.uuid().nullable(),
  kind: z.enum(unitKinds),
  name: z.string(),
  path: z.string(),
  sortOrder: z.number().int(),
  openedOn: z.string().nullable(),
  closedOn: z.string().nullable(),
  version: z.number().int(),
  memberCount: z.number().int(),
});

export const unitListResponse = z.object({ units: z.array(unitSchema) });

export const unitDetailResponse = z.object({
  unit: unitSchema,
  ancestors: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(unitKinds) })),
  children: z.array(unitSchema),
  abilities: z.object({ listMembers: z.boolean(), exportMembers: z.boolean(), importMembers: z.boolean(), addMember: z.boolean() }),
});

export type UnitDto = z.infer<typeof unitSchema>;

const isoDate = z.iso.date({ message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).' });
const unitName = z.string().trim().min(1, 'Hãy nhập tên đơn vị.').max(200, 'Tên đơn vị quá dài (tối đa 200 ký tự).');
const version = z.number().int().min(1);

/** A unit as the management routes answer it. */
export const unitRecord = unitSchema.omit({ memberCount: true });

export const unitCreateBody = z.object({ parentId: z.uuid(), kind: z.enum(unitKinds), name: unitName, openedOn: isoDate.optional() }).strict();
export const unitUpdateBody = z
  .object({ version, name: unitName.optional(), parentId: z.uuid().optional() })
  .strict()
  .refine((b) => b.name !== undefined || b.parentId !== undefined, { message: 'Hãy gửi tên mới hoặc đơn vị trực thuộc mới.' });
export const unitCloseBody = z.object({ version, closedOn: isoDate }).strict();
export const unitReopenBody = z.object({ version }).strict();
export const unitReorderBody = z.object({ version, direction: z.enum(['up', 'down']) }).strict();
export const unitDeleteQuery = z.object({ version: z.coerce.number().int().min(1) });

export const treeImportResponse = z.object({
  units: z.number().int(),
  unchanged: z.number().int(),
  errors: z.array(z.object({ row: z.number().int(), message: z.string() })),
  rows: z.array(z.object({ row: z.number().int(), name: z.string(), kind: z.enum(unitKinds), parentName: z.string() })),
});
