import { z } from 'zod';

export const eraseBody = z.object({
  version: z.number().int(),
  reason: z.string().trim().min(5, 'Ghi lý do xóa dữ liệu cá nhân (ít nhất 5 ký tự).').max(500),
});
export type EraseInput = z.infer<typeof eraseBody>;

export const eraseResponse = z.object({ id: z.uuid(), fullName: z.string(), erasedAt: z.date(), version: z.number().int() });
