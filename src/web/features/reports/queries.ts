// Cell reports as the server gives them: a session's report (or what it starts from), the versions.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { consolidationResponse, reportDetailSchema, sessionReportResponse, consolidatedReportResponse } from '../../../server/features/reports/schema';
import { api } from '../../api';

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export type ReportDetail = Json<z.infer<typeof reportDetailSchema>>;
export type SessionReport = Omit<z.infer<typeof sessionReportResponse>, 'report'> & { report: ReportDetail | null };
export type Consolidation = Json<z.infer<typeof consolidationResponse>>;
export type Rubric = SessionReport['rubric'];
export type Figures = SessionReport['prefill']['figures'];

export const sessionReportKey = (sessionId: string) => ['sessions', sessionId, 'report'] as const;

export const sessionReportQuery = (sessionId: string) =>
  queryOptions({ queryKey: sessionReportKey(sessionId), queryFn: () => api<SessionReport>(`/api/sessions/${encodeURIComponent(sessionId)}/report`), retry: false });

export const consolidationQuery = (planId: string) =>
  queryOptions({ queryKey: ['plans', planId, 'consolidation'], queryFn: () => api<Consolidation>(`/api/plans/${encodeURIComponent(planId)}/consolidation`), retry: false });

export const reportDocumentUrl = (id: string, format: 'docx' | 'pdf') => `/api/reports/${encodeURIComponent(id)}/document?format=${format}`;

export type ConsolidatedReport = Json<z.infer<typeof consolidatedReportResponse>>;
export const consolidatedReportKey = (planId: string) => ['plans', planId, 'consolidated-report'] as const;
export const consolidatedReportQuery = (planId: string) =>
  queryOptions({ queryKey: consolidatedReportKey(planId), queryFn: () => api<ConsolidatedReport>(`/api/plans/${encodeURIComponent(planId)}/consolidated-report`), retry: false });
export const consolidatedReportDocumentUrl = (planId: string, format: 'docx' | 'xlsx') => `/api/plans/${encodeURIComponent(planId)}/consolidated-report/document?format=${format}`;
