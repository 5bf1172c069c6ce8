// The views of the tasks as the server gives them: my unit's tasks, the ward overview and a row of it
// opened, a plan's timeline, the month calendar.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { monthResponse, overviewResponse, taskCardSchema, timelineResponse } from '../../../server/features/task-views/schema';
import { api } from '../../api';

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export type TaskCard = Json<z.infer<typeof taskCardSchema>>;
export type Overview = z.infer<typeof overviewResponse>;
export type Timeline = z.infer<typeof timelineResponse>;
export type TimelineItem = Timeline['items'][number];
export type MonthEvent = Json<z.infer<typeof monthResponse>['events'][number]>;
export type Month = Omit<z.infer<typeof monthResponse>, 'events'> & { events: MonthEvent[] };

export const myTasksQuery = queryOptions({
  queryKey: ['tasks', 'mine'],
  queryFn: () => api<{ tasks: TaskCard[] }>('/api/my/tasks').then((r) => r.tasks),
  staleTime: 15_000,
});

export const overviewQuery = (by: 'unit' | 'plan') =>
  queryOptions({
    queryKey: ['tasks', 'overview', by],
    queryFn: () => api<Overview>('/api/tasks/overview', { query: { by } }),
    staleTime: 15_000,
  });

export const filteredTasksQuery = (filter: { unitId?: string; planId?: string }) =>
  queryOptions({
    queryKey: ['tasks', 'list', filter.unitId ?? '', filter.planId ?? ''],
    queryFn: () => api<{ tasks: TaskCard[] }>('/api/tasks', { query: filter }).then((r) => r.tasks),
    staleTime: 15_000,
  });

export const timelineQuery = (planId: string) =>
  queryOptions({
    queryKey: ['plans', planId, 'timeline'],
    queryFn: () => api<Timeline>(`/api/plans/${encodeURIComponent(planId)}/timeline`),
    staleTime: 15_000,
  });

export const monthQuery = (month: string) =>
  queryOptions({
    queryKey: ['calendar', 'month', month],
    queryFn: () => api<Month>('/api/calendar/month', { query: { month } }),
    staleTime: 15_000,
  });
