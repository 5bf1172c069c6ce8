// Study sessions as the server gives them: a unit's sessions, one session, a plan's overview.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { overviewResponse, sessionDetailSchema, sessionListResponse, unitSessionsResponse } from '../../../server/features/study-sessions/schema';
import { api } from '../../api';

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export type SessionDetail = Json<z.infer<typeof sessionDetailSchema>>;
export type UnitSession = Json<z.infer<typeof unitSessionsResponse>['sessions'][number]>;
export type PlanSession = Json<z.infer<typeof sessionListResponse>['sessions'][number]>;
export type Overview = z.infer<typeof overviewResponse>;
export type Mark = SessionDetail['marks'][number];

export const unitSessionsQuery = (unitId: string) =>
  queryOptions({
    queryKey: ['units', unitId, 'sessions'],
    queryFn: () => api<{ sessions: UnitSession[] }>(`/api/units/${encodeURIComponent(unitId)}/sessions`).then((r) => r.sessions),
    retry: false,
  });

export const sessionKey = (id: string) => ['sessions', id] as const;

export const sessionQuery = (id: string) =>
  queryOptions({ queryKey: sessionKey(id), queryFn: () => api<SessionDetail>(`/api/sessions/${encodeURIComponent(id)}`), retry: false });

export const planSessionsQuery = (planId: string) =>
  queryOptions({
    queryKey: ['plans', planId, 'sessions'],
    queryFn: () => api<{ sessions: PlanSession[] }>(`/api/plans/${encodeURIComponent(planId)}/sessions`).then((r) => r.sessions),
  });

export const overviewQuery = (planId: string) =>
  queryOptions({ queryKey: ['plans', planId, 'sessions', 'overview'], queryFn: () => api<Overview>(`/api/plans/${encodeURIComponent(planId)}/sessions/overview`) });

export interface CheckInCode {
  title: string;
  token: string;
  url: string;
  svg: string;
  rotatesAt: string;
}

/** The rotating code of a meeting: a cell's study session ("session") or the ward conference ("conference"). */
export const checkInCodeQuery = (id: string, kind: 'session' | 'conference' = 'session') =>
  queryOptions({
    queryKey: ['check-in', kind, id],
    queryFn: () => api<CheckInCode>(`/api/check-in/${kind}/${encodeURIComponent(id)}/code`),
    // The code rotates every 30 s: ask again a moment after it does.
    refetchInterval: (query) => {
      const at = query.state.data ? new Date(query.state.data.rotatesAt).getTime() - Date.now() + 300 : 5_000;
      return Math.max(1_000, Math.min(at, 30_000));
    },
  });

export const minutesUrl = (id: string, format: 'docx' | 'pdf') => `/api/sessions/${encodeURIComponent(id)}/minutes?format=${format}`;
