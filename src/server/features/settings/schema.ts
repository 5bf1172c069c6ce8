import { z } from 'zod';

export const settingsSchema = z.object({
  numbering: z.enum(['year', 'term']),
  termStartedOn: z.string().nullable(),
  uySpelling: z.enum(['ỦY', 'UỶ']),
  superiorName: z.string(),
  issuerName: z.string(),
  placeName: z.string(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean() }),
});

export const settingsUpdate = z
  .object({
    version: z.number().int().min(1),
    numbering: z.enum(['year', 'term']).optional(),
    termStartedOn: z.iso.date({ message: 'Ngày bắt đầu nhiệm kỳ không hợp lệ.' }).nullable().optional(),
    uySpelling: z.enum(['ỦY', 'UỶ']).optional(),
    superiorName: z.string().trim().min(3).max(200).optional(),
    issuerName: z.string().trim().min(3).max(200).optional(),
    placeName: z.string().trim().min(2).max(100).optional(),
  })
  .strict();
