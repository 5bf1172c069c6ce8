import { z } from 'zod';
import { reportStatuses } from '../../../domain/report-figures';
import { sessionForms } from '../study-sessions/tables';
import { reportActions, consolidatedReportStatuses } from './tables';
import { totalsResponse } from '../propaganda/schema';

const isoDate = z.iso.date({ message: 'Ngày không hợp lệ (định dạng YYYY-MM-DD).' });
const version = z.number().int().min(1);
const shortText = (max: number) => z.string().max(max, { message: `Không quá ${max} ký tự.` });

export const reportIdParams = z.object({ id: z.uuid({ message: 'Mã báo cáo không hợp lệ.' }) });
export const communeQuery = z.object({ communeId: z.uuid().optional() });

const itemSchema = z.object({ id: shortText(20).min(1), name: shortText(500), maxPoints: z.number(), guidance: shortText(2000).default('') });
const groupSchema = z.object({ name: shortText(300), items: z.array(itemSchema).max(100) });
const bandSchema = z.object({ name: shortText(100), minTotal: z.number() });

export const rubricBody = z.object({ title: shortText(300).min(1), groups: z.array(groupSchema).max(20), bands: z.array(bandSchema).max(20) });
// As answered: every stored item has its guidance (the body's default wrote it), and a schema without
// a default is plain data, written by the fast serialiser (decision 038) in every answer that holds a rubric.
const groupResponse = groupSchema.extend({ items: z.array(itemSchema.extend({ guidance: z.string() })) });
export const rubricResponse = z.object({ id: z.uuid(), version: z.number().int(), title: z.string(), groups: z.array(groupResponse), bands: z.array(bandSchema) });

export const scoreSchema = z.object({ itemId: shortText(20), points: z.number() });
const scores = z.array(scoreSchema).max(200);

const reportFields = {
  form: z.enum(sessionForms).optional(),
  reporter: shortText(300).optional(),
  reportDate: isoDate.optional(),
  number: shortText(20).optional(),
  summary: shortText(20_000).optional(),
  opinions: shortText(20_000).optional(),
  proposals: shortText(20_000).optional(),
  scores: scores.optional(),
};

export const reportCreateBody = z.object(reportFields);
export const reportPatchBody = z.object({ version, ...reportFields });
export type ReportInput = z.infer<typeof reportCreateBody>;

export const reportActionBody = z.object({ version, comment: shortText(4000).optional() });
export const rescoreBody = z.object({ version, scores, comment: shortText(4000).optional() });

export const inspectionBody = z.object({
  inspectedOn: isoDate,
  inspectors: shortText(500).min(1, { message: 'Ghi tên người kiểm tra.' }),
  findings: shortText(20_000).min(1, { message: 'Ghi kết quả kiểm tra.' }),
  adjustments: z.array(z.object({ itemId: shortText(20), points: z.number(), reason: shortText(2000).default('') })).max(200).default([]),
});

const membersSchema = z.object({ total: z.number(), exempt: z.number(), expected: z.number(), present: z.number(), late: z.number(), excused: z.number(), absent: z.number(), madeUp: z.number() });
const rateSchema = z.number().nullable();
export const figuresSchema = z.object({
  members: membersSchema,
  reached: z.object({ youth: z.number(), association: z.number(), public: z.number() }),
  rates: z.object({ attended: rateSchema, present: rateSchema, late: rateSchema, excused: rateSchema, absent: rateSchema, studied: rateSchema }),
});

const scoring = z.object({ scores: z.array(scoreSchema), total: z.number(), band: z.string().nullable() });
const inspectionSchema = z.object({
  id: z.uuid(),
  inspectedOn: z.string(),
  inspectors: z.string(),
  findings: z.string(),
  adjustments: z.array(z.object({ itemId: z.string(), points: z.number(), reason: z.string() })),
  createdAt: z.date(),
});

export const reportDetailSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  planId: z.uuid(),
  sessionId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  status: z.enum(reportStatuses),
  rubric: rubricResponse,
  figures: figuresSchema,
  form: z.enum(sessionForms),
  reporter: z.string(),
  reportDate: z.string(),
  number: z.string(),
  summary: z.string(),
  opinions: z.string(),
  proposals: z.string(),
  scores: z.array(scoreSchema),
  total: z.number(),
  band: z.string().nullable(),
  wardScoring: scoring.extend({ comment: z.string(), by: z.string(), at: z.string() }).nullable(),
  returnComment: z.string().nullable(),
  firstSubmittedAt: z.date().nullable(),
  submittedAt: z.date().nullable(),
  acceptedAt: z.date().nullable(),
  dueAt: z.date().nullable(),
  onTime: z.boolean().nullable(),
  sessionHeldOn: z.string().nullable(),
  inspections: z.array(inspectionSchema),
  /** The ward's consolidated report of the plan is submitted upward: no change until it is reopened. */
  locked: z.boolean(),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), rescore: z.boolean(), inspect: z.boolean() }),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

export const sessionReportResponse = z.object({
  report: reportDetailSchema.nullable(),
  /** What a new report starts from: the session's figures and words. */
  prefill: z.object({ figures: figuresSchema, form: z.enum(sessionForms), reporter: z.string(), reportDate: z.string(), summary: z.string(), opinions: z.string() }),
  rubric: rubricResponse,
  unitName: z.string(),
  sessionHeldOn: z.string().nullable(),
  inspections: z.array(inspectionSchema),
  /** The unit's propaganda totals by channel on the plan (as GET /api/plans/:id/propaganda/totals?unitId=). */
  propaganda: totalsResponse.shape.byChannel,
  abilities: z.object({ write: z.boolean(), inspect: z.boolean() }),
});

export const versionsResponse = z.object({
  versions: z.array(z.object({ version: z.number().int(), action: z.enum(reportActions), comment: z.string().nullable(), actorName: z.string().nullable(), at: z.date(), snapshot: z.record(z.string(), z.unknown()) })),
});

export const consolidationResponse = z.object({
  expected: z.number(),
  submitted: z.number(),
  onTime: z.number(),
  late: z.number(),
  missing: z.number(),
  completeness: rateSchema,
  timeliness: rateSchema,
  members: z.object({ expected: z.number(), present: z.number(), late: z.number(), excused: z.number(), absent: z.number(), madeUp: z.number() }),
  ratings: z.record(z.string(), z.number()),
  cells: z.array(
    z.object({
      unitId: z.uuid(),
      unitName: z.string(),
      status: z.enum([...reportStatuses, 'missing']),
      submittedAt: z.string().nullable(),
      onTime: z.boolean().nullable(),
      total: z.number().nullable(),
      rating: z.string().nullable(),
      reportId: z.uuid().nullable(),
      sessionId: z.uuid().nullable(),
    }),
  ),
  dueAt: z.date().nullable(),
  abilities: z.object({ remind: z.boolean() }),
});

/** The ward's consolidated report of a plan (a blank draft, version 0, until first saved). */
export const consolidatedReportResponse = z.object({
  id: z.uuid().nullable(),
  planId: z.uuid(),
  status: z.enum(consolidatedReportStatuses),
  difficulties: z.string(),
  proposals: z.string(),
  number: z.string(),
  issuedOn: z.string().nullable(),
  submittedAt: z.date().nullable(),
  reopenedAt: z.date().nullable(),
  version: z.number(),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), reopen: z.boolean() }),
});

export const consolidatedReportBody = z.object({
  version: z.number().int().min(0),
  difficulties: z.string().max(20000).optional(),
  proposals: z.string().max(20000).optional(),
  number: z.string().trim().max(20).optional(),
  issuedOn: z.iso.date().nullable().optional(),
});

export const consolidatedReportActionBody = z.object({ version: z.number().int().min(0) });

export const consolidatedReportDocumentQuery = z.object({ format: z.enum(['docx', 'xlsx']).default('docx') });
