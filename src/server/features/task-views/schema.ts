import { z } from 'zod';
import { taskStatuses } from '../tasks/tables';

const dueSchema = z
  .object({ phrase: z.string(), kind: z.string(), date: z.string().optional(), from: z.string().optional(), to: z.string().optional() })
  .nullable();

/** One task of a unit, as the lists show it (my unit's, a row of the overview opened). */
export const taskCardSchema = z.object({
  id: z.uuid(),
  planId: z.uuid(),
  planTitle: z.string(),
  planNumber: z.string().nullable(),
  assigneeUnitId: z.uuid().nullable(),
  assigneeName: z.string(),
  text: z.string(),
  due: dueSchema,
  dueAt: z.date().nullable(),
  status: z.enum(taskStatuses),
  overdue: z.boolean(),
  completedOn: z.string().nullable(),
  version: z.number().int(),
});
export type TaskCard = z.infer<typeof taskCardSchema>;

export const taskListResponse = z.object({ tasks: z.array(taskCardSchema) });

export const overviewQuery = z.object({
  by: z.enum(['unit', 'plan'], { message: 'Chọn tổng hợp theo đơn vị (unit) hoặc theo kế hoạch (plan).' }).default('unit'),
  communeId: z.uuid({ message: 'Mã đảng bộ không hợp lệ.' }).optional(),
});

const counts = { total: z.number().int(), done: z.number().int(), inProgress: z.number().int(), notStarted: z.number().int(), overdue: z.number().int() };

export const overviewResponse = z.object({
  by: z.enum(['unit', 'plan']),
  communeId: z.uuid(),
  rows: z.array(z.object({ id: z.uuid(), name: z.string(), number: z.string().nullable(), ...counts })),
  totals: z.object(counts),
});

export const filteredListQuery = z.object({
  communeId: z.uuid({ message: 'Mã đảng bộ không hợp lệ.' }).optional(),
  unitId: z.uuid({ message: 'Mã đơn vị không hợp lệ.' }).optional(),
  planId: z.uuid({ message: 'Mã kế hoạch không hợp lệ.' }).optional(),
});

export const timelineStatuses = ['done', 'open', 'overdue'] as const;
export const timelineKinds = ['issued', 'conference', 'sessions', 'task', 'report'] as const;

export const timelineResponse = z.object({
  planId: z.uuid(),
  today: z.string(),
  items: z.array(
    z.object({
      kind: z.enum(timelineKinds),
      /** A day, or a window from → to (Vietnamese calendar days); null when the plan gives none. */
      date: z.string().nullable(),
      from: z.string().nullable(),
      to: z.string().nullable(),
      label: z.string(),
      detail: z.string().nullable(),
      status: z.enum(timelineStatuses),
      taskId: z.uuid().nullable(),
      conferenceId: z.uuid().nullable(),
      progress: z.object({ done: z.number().int(), total: z.number().int(), overdue: z.number().int() }).nullable(),
    }),
  ),
});
export type TimelineItem = z.infer<typeof timelineResponse>['items'][number];

export const monthQuery = z.object({
  month: z
    .string({ message: 'Chọn tháng theo dạng YYYY-MM, ví dụ 2026-05.' })
    // A month of this century: a year such as 0661 is nobody's campaign (and no time zone's rules).
    .regex(/^20\d{2}-(0[1-9]|1[0-2])$/u, 'Chọn tháng theo dạng YYYY-MM, ví dụ 2026-05.'),
  communeId: z.uuid({ message: 'Mã đảng bộ không hợp lệ.' }).optional(),
});

export const calendarEventKinds = ['task', 'conference', 'session'] as const;

export const monthResponse = z.object({
  month: z.string(),
  today: z.string(),
  communeId: z.uuid(),
  events: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(calendarEventKinds),
      /** The Vietnamese calendar day it falls on. */
      date: z.string(),
      /** The moment it starts, when it has one (a meeting scheduled at an hour). */
      at: z.date().nullable(),
      title: z.string(),
      unitName: z.string().nullable(),
      planId: z.uuid(),
      targetId: z.uuid(),
      status: z.enum(timelineStatuses),
    }),
  ),
});
