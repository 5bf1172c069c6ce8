import { z } from 'zod';
import { planKinds, planStatuses } from './tables';

export const planIdParams = z.object({ id: z.uuid({ message: 'Mã kế hoạch không hợp lệ.' }) });

const source = z.string().min(20, 'Nội dung kế hoạch quá ngắn.').max(500_000, 'Nội dung kế hoạch quá dài.');

export const planCreateBody = z.discriminatedUnion('from', [
  /** From the importer's text (pasted or read from a file). */
  z.object({ from: z.literal('import'), kind: z.enum(planKinds).default('propagation'), source }),
  /** From the genre's standard template, filled with a registered resolution's data. */
  z.object({ from: z.literal('template'), kind: z.enum(planKinds).default('propagation'), resolutionId: z.uuid() }),
  /** From an earlier plan, retargeted to another registered resolution. */
  z.object({ from: z.literal('clone'), planId: z.uuid(), resolutionId: z.uuid() }),
]);

export const recipientInput = z.object({ unitId: z.uuid().nullable(), label: z.string().trim().min(1).max(300) });

export const planUpdateBody = z
  .object({
    version: z.number().int().min(1),
    kind: z.enum(planKinds).optional(),
    source: source.optional(),
    recipients: z.array(recipientInput).max(200).optional(),
    /** Accepted only to be refused with a clear answer: number and date belong to the issuing step. */
    number: z.number().int().optional(),
    issuedOn: z.iso.date().optional(),
  })
  .strict();

export const transitionBody = z.object({ version: z.number().int().min(1), note: z.string().max(2000).optional() });

/** An error kept on purpose: its code, its line (or every error of that code) and why. */
export const acknowledgementInput = z.object({
  code: z.string().min(1).max(100),
  line: z.number().int().min(1).optional(),
  reason: z.string().max(1000, 'Lý do quá dài.'),
});
export const submitBody = transitionBody.extend({ acknowledgements: z.array(acknowledgementInput).max(100).optional() });

export const diagnosticSchema = z.object({
  line: z.number().int(),
  column: z.number().int(),
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  /** The rule's Vietnamese name (ruleNames). */
  rule: z.string(),
  message: z.string(),
  fix: z.object({ from: z.number().int(), to: z.number().int(), replacement: z.string() }).optional(),
});

export const acknowledgementSchema = z.object({
  code: z.string(),
  rule: z.string(),
  line: z.number().int(),
  message: z.string(),
  reason: z.string(),
  byName: z.string(),
  at: z.string(),
});

export const issuePreviewSchema = z.object({
  /** "2-KH/ĐU": the number the plan would take if issued now on `issuedOn`. */
  number: z.string(),
  numberText: z.string(),
  issuedOn: z.iso.date(),
});
export const issueBody = transitionBody.extend({ issuedOn: z.iso.date({ message: 'Ngày ban hành không hợp lệ.' }).optional() });

export const recipientSchema = z.object({ id: z.uuid(), position: z.number().int(), unitId: z.uuid().nullable(), label: z.string(), unitName: z.string().nullable() });

export const planSchema = z.object({
  id: z.uuid(),
  kind: z.enum(planKinds),
  status: z.enum(planStatuses),
  title: z.string(),
  source: z.string(),
  body: z.any(),
  number: z.number().int().nullable(),
  symbol: z.string(),
  numberText: z.string(),
  issuedOn: z.string().nullable(),
  issuerUnitId: z.uuid(),
  issuerName: z.string(),
  supersedesId: z.uuid().nullable(),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
  resolutions: z.array(z.object({ id: z.uuid(), number: z.string(), subject: z.string() })),
  /** Sent with the plan ("có Nghị quyết số 91-NQ/TU gửi kèm theo"): the files of its resolutions. */
  attachments: z.array(z.object({ id: z.uuid(), resolutionId: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number() })),
  recipients: z.array(recipientSchema),
  /** The linter's diagnostics on the plan's text, at every status. */
  diagnostics: z.array(diagnosticSchema),
  /** The errors the submitter acknowledged, with their reasons (empty while a draft). */
  acknowledgements: z.array(acknowledgementSchema),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), approve: z.boolean(), issue: z.boolean(), newVersion: z.boolean(), viewDeliveries: z.boolean() }),
});

export const planSummary = z.object({
  id: z.uuid(),
  kind: z.enum(planKinds),
  status: z.enum(planStatuses),
  title: z.string(),
  number: z.number().int().nullable(),
  symbol: z.string(),
  issuedOn: z.string().nullable(),
  updatedAt: z.date(),
});

export const deliverySchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  deliveredAt: z.date(),
  readAt: z.date().nullable(),
  readByName: z.string().nullable(),
});

export const inboxItem = deliverySchema.extend({ planTitle: z.string(), planNumber: z.string(), issuedOn: z.string().nullable() });
