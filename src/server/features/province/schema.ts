import { z } from 'zod';
import { upwardReportStatuses } from './tables';

const rate = z.number().min(0).max(1).nullable();

export const provinceQuery = z.object({
  provinceId: z.uuid({ message: 'Mã tỉnh không hợp lệ.' }).optional(),
  resolution: z.string().min(1).max(300, { message: 'Không quá 300 ký tự.' }).optional(),
});
export const upwardParams = z.object({
  communeId: z.uuid({ message: 'Mã đảng bộ xã, phường không hợp lệ.' }),
  planId: z.uuid({ message: 'Mã kế hoạch không hợp lệ.' }),
});
export const provinceIdQuery = provinceQuery.pick({ provinceId: true });
export const communeReportDocumentQuery = provinceIdQuery.extend({ format: z.enum(['docx', 'xlsx'], { message: 'Định dạng phải là docx hoặc xlsx.' }).default('docx') });

const communeEntry = z.object({
  communeId: z.uuid(),
  communeName: z.string(),
  planId: z.uuid(),
  planTitle: z.string(),
  planNumber: z.string(),
  status: z.enum(upwardReportStatuses),
  dueAt: z.string().nullable(),
  number: z.string(),
  issuedOn: z.string().nullable(),
  submittedAt: z.string().nullable(),
  onTime: z.boolean().nullable(),
  read: z.boolean(),
  figures: z
    .object({
      cellsExpected: z.number(),
      cellsSubmitted: z.number(),
      cellsOnTime: z.number(),
      cellsMissing: z.number(),
      completeness: rate,
      timeliness: rate,
      membersExpected: z.number(),
      membersStudied: z.number(),
      studied: rate,
      ratings: z.record(z.string(), z.number()),
    })
    .nullable(),
});

export const provinceReportsResponse = z.object({
  province: z.object({ id: z.uuid(), name: z.string() }),
  resolutions: z.array(z.object({ resolution: z.string(), communes: z.number(), submitted: z.number(), onTime: z.number(), completeness: rate, timeliness: rate })),
  selected: z.string().nullable(),
  rollup: z.object({
    communes: z.number(),
    submitted: z.number(),
    onTime: z.number(),
    late: z.number(),
    missing: z.number(),
    completeness: rate,
    timeliness: rate,
    cells: z.object({ expected: z.number(), submitted: z.number(), onTime: z.number(), missing: z.number(), completeness: rate, timeliness: rate }),
    members: z.object({ expected: z.number(), present: z.number(), late: z.number(), excused: z.number(), absent: z.number(), madeUp: z.number(), studied: rate }),
    ratings: z.record(z.string(), z.number()),
  }),
  communes: z.array(communeEntry),
  abilities: z.object({ confirmReceipt: z.boolean() }),
});
export type ProvinceReports = z.infer<typeof provinceReportsResponse>;

export const upwardReportResponse = communeEntry.extend({
  difficulties: z.string(),
  proposals: z.string(),
  members: z.object({ expected: z.number(), present: z.number(), late: z.number(), excused: z.number(), absent: z.number(), madeUp: z.number() }),
  cells: z.array(z.object({ unitName: z.string(), status: z.string(), submittedAt: z.string().nullable(), onTime: z.boolean().nullable(), total: z.number().nullable(), rating: z.string().nullable() })),
  readAt: z.string().nullable(),
});
export type UpwardReportDetail = z.infer<typeof upwardReportResponse>;
