import { z } from 'zod';
import { communeQuery } from '../units/schema';
import { RESOLUTION_NUMBER_MAX, RESOLUTION_NUMBER_MIN, RESOLUTION_NUMBER_PATTERN } from '../../../domain/resolutions';
import { resolutionKinds, resolutionRelations } from './tables';

const isoDate = z.iso.date({ message: 'Ngày không hợp lệ.' });

export const resolutionIdParams = z.object({ id: z.uuid({ message: 'Mã văn bản không hợp lệ.' }) });

const resolutionFields = z.object({
  kind: z.enum(resolutionKinds),
  number: z
    .string()
    .trim()
    .min(RESOLUTION_NUMBER_MIN, 'Số hiệu văn bản quá ngắn.')
    .max(RESOLUTION_NUMBER_MAX)
    .regex(RESOLUTION_NUMBER_PATTERN, 'Số hiệu phải có dạng như "91-NQ/TU".'),
  issuedOn: isoDate.nullable(),
  issuer: z.string().trim().min(2, 'Thiếu cơ quan ban hành.').max(200),
  subject: z.string().trim().min(3, 'Thiếu trích yếu.').max(1000),
  content: z.string().max(200_000),
});

export const resolutionInput = resolutionFields.extend({ content: resolutionFields.shape.content.default('') });

/** Only the fields sent change: no defaults here, or a partial edit would blank the content. */
export const resolutionUpdate = resolutionFields.partial().extend({ version: z.number().int().min(1) }).strict();

export const resolutionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(resolutionKinds),
  number: z.string(),
  issuedOn: z.string().nullable(),
  issuer: z.string(),
  subject: z.string(),
  content: z.string(),
  version: z.number().int(),
});

export const resolutionSummary = resolutionSchema.omit({ content: true }).extend({ rank: z.number().optional() });

export const attachmentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number(),
  createdAt: z.date(),
});

export const resolutionDetail = z.object({
  resolution: resolutionSchema,
  attachments: z.array(attachmentSchema),
  links: z.array(
    z.object({
      id: z.uuid(),
      relation: z.enum(resolutionRelations),
      direction: z.enum(['outgoing', 'incoming']),
      other: resolutionSummary,
    }),
  ),
  plans: z.array(z.object({ id: z.uuid(), title: z.string(), kind: z.string(), status: z.string(), number: z.number().nullable(), symbol: z.string() })),
  abilities: z.object({ edit: z.boolean() }),
});

export const resolutionSearchQuery = communeQuery.extend({
  q: z.string().trim().max(200).default(''),
  kind: z.enum(resolutionKinds).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const linkInput = z.object({ toId: z.uuid(), relation: z.enum(resolutionRelations) });
