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
  closedOn: z.string().nullable(),
  version: z.number().int(),
  memberCount: z.number().int(),
});

export const unitListResponse = z.object({ units: z.array(unitSchema) });

export const unitDetailResponse = z.object({
  unit: unitSchema,
  ancestors: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(unitKinds) })),
  children: z.array(unitSchema),
  abilities: z.object({ listMembers: z.boolean(), exportMembers: z.boolean(), importMembers: z.boolean() }),
});

export type UnitDto = z.infer<typeof unitSchema>;
