import { z } from 'zod';
import { taskFollows, taskStatuses } from './tables';

export const taskIdParams = z.object({ id: z.uuid({ message: 'Mã nhiệm vụ không hợp lệ.' }) });
export const evidenceParams = taskIdParams.extend({ evidenceId: z.uuid({ message: 'Mã minh chứng không hợp lệ.' }) });

const version = z.number().int().min(1);
const text = z.string().max(4000, { message: 'Nội dung nhiệm vụ quá dài (tối đa 4000 ký tự).' });
const duePhrase = z.string().max(200, { message: 'Thời hạn quá dài.' });

export const completeBody = z.object({ version, note: z.string().max(2000).optional() });

export const taskUpdateBody = z.object({
  version,
  status: z.enum(['not-started', 'in-progress']).optional(),
  text: text.optional(),
  /** The deadline as a phrase of the plan's grammar ("Hoàn thành trước ngày 05/6/2026"); null or "" removes it. */
  due: duePhrase.nullable().optional(),
  assigneeUnitId: z.uuid().optional(),
});
export type TaskUpdateInput = z.infer<typeof taskUpdateBody>;

export const taskAddBody = z.object({
  /** Chosen by the client: retrying the same request finds the task instead of adding a second. */
  id: z.uuid({ message: 'Mã nhiệm vụ không hợp lệ.' }),
  assigneeUnitId: z.uuid({ message: 'Hãy chọn đơn vị được giao.' }),
  text,
  due: duePhrase.nullable().optional(),
});
export type TaskAddInput = z.infer<typeof taskAddBody>;

export const evidenceNoteBody = z.object({ note: z.string().trim().min(1, { message: 'Hãy ghi nội dung minh chứng.' }).max(4000) });

const dueSchema = z
  .object({ phrase: z.string(), kind: z.string(), date: z.string().optional(), from: z.string().optional(), to: z.string().optional(), event: z.string().optional() })
  .nullable();

const childSchema = z.object({
  id: z.uuid().nullable(),
  assigneeUnitId: z.uuid().nullable(),
  assigneeName: z.string(),
  status: z.enum(taskStatuses),
  overdue: z.boolean(),
  completedOn: z.string().nullable(),
  version: z.number().int(),
});

const rollUpSchema = z.object({ done: z.number().int(), total: z.number().int(), overdue: z.number().int() });

export const taskSchema = z.object({
  id: z.uuid().nullable(),
  parentId: z.uuid().nullable(),
  assigneeUnitId: z.uuid().nullable(),
  assigneeName: z.string(),
  assigneeLabel: z.string(),
  assigneeResolved: z.boolean(),
  /** On a draft: the office chose the unit for this phrase. */
  assigneeMapped: z.boolean().optional(),
  text: z.string(),
  due: dueSchema,
  dueAt: z.string().nullable(),
  status: z.enum(taskStatuses),
  overdue: z.boolean(),
  follows: z.enum(taskFollows).nullable(),
  completedOn: z.string().nullable(),
  completionNote: z.string().nullable(),
  manual: z.boolean(),
  sourceLine: z.number().int().nullable(),
  version: z.number().int(),
  warnings: z.array(z.string()).optional(),
  rollUp: rollUpSchema.optional(),
  children: z.array(childSchema).optional(),
});

export const planTasksResponse = z.object({ preview: z.boolean(), tasks: z.array(taskSchema) });

/** On a draft: the unit a section IV phrase means (null: let the names decide again). */
export const assigneeMappingBody = z
  .object({ phrase: z.string().trim().min(1, { message: 'Hãy ghi đơn vị được giao như trong kế hoạch.' }).max(500), unitId: z.uuid({ message: 'Mã đơn vị không hợp lệ.' }).nullable() })
  .strict();

const evidenceSchema = z.object({
  id: z.uuid(),
  note: z.string().nullable(),
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  size: z.number().nullable(),
  createdAt: z.string(),
  byName: z.string().nullable(),
});

export const taskDetailSchema = taskSchema.extend({
  plan: z.object({ id: z.uuid(), title: z.string(), number: z.number().nullable(), symbol: z.string(), issuedOn: z.string().nullable() }),
  parent: z.object({ id: z.uuid(), text: z.string(), assigneeLabel: z.string() }).nullable(),
  completedAt: z.string().nullable(),
  evidence: z.array(evidenceSchema),
  history: z.array(z.object({ at: z.string(), action: z.string(), byName: z.string().nullable(), note: z.string().nullable() })),
  warnings: z.array(z.string()),
  abilities: z.object({ work: z.boolean(), complete: z.boolean(), edit: z.boolean() }),
});
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const evidenceCreated = evidenceSchema;
