// A plan's tasks and one task, as the server gives them.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { planTasksResponse, taskDetailSchema } from '../../../server/features/tasks/schema';
import { api } from '../../api';

export type PlanTask = z.infer<typeof planTasksResponse>['tasks'][number];
export type TaskDetail = z.infer<typeof taskDetailSchema>;

export const planTasksKey = (planId: string) => ['plans', planId, 'tasks'] as const;
export const planTasksQuery = (planId: string) =>
  queryOptions({ queryKey: planTasksKey(planId), queryFn: () => api<z.infer<typeof planTasksResponse>>(`/api/plans/${encodeURIComponent(planId)}/tasks`) });

export const taskKey = (id: string) => ['tasks', id] as const;
export const taskQuery = (id: string) => queryOptions({ queryKey: taskKey(id), queryFn: () => api<TaskDetail>(`/api/tasks/${encodeURIComponent(id)}`), retry: false });

export const evidenceUrl = (taskId: string, evidenceId: string) => `/api/tasks/${encodeURIComponent(taskId)}/evidence/${encodeURIComponent(evidenceId)}`;

/** On a draft: the unit a section IV phrase means (null: the names decide again); answers the new preview. */
export const assignTaskUnit = (planId: string, phrase: string, unitId: string | null) =>
  api<z.infer<typeof planTasksResponse>>(`/api/plans/${encodeURIComponent(planId)}/task-assignees`, { method: 'PUT', body: { phrase, unitId } });
