// Plans as the server gives them: the list, one plan, its workflow steps, its deliveries and
// documents; the inbox of recipient units.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { deliverySchema, inboxItem, planSchema, planSummary } from '../../../server/features/plans/schema';
import type { PlanBody } from '../../../server/features/plans/body';
import { ApiError, api } from '../../api';
import { vi } from '../../i18n/vi';

type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

export type Plan = Omit<Json<z.infer<typeof planSchema>>, 'body'> & { body: PlanBody };
export type PlanSummary = Json<z.infer<typeof planSummary>>;
export type PlanStatus = Plan['status'];
export type PlanKind = Plan['kind'];
export type Delivery = Json<z.infer<typeof deliverySchema>>;
export type InboxItem = Json<z.infer<typeof inboxItem>>;

export const plansKey = ['plans'] as const;

export const plansQuery = queryOptions({
  queryKey: plansKey,
  queryFn: () => api<{ plans: PlanSummary[] }>('/api/plans').then((r) => r.plans),
  staleTime: 15_000,
});

export const planQuery = (planId: string) =>
  queryOptions({
    queryKey: ['plans', planId],
    queryFn: () => api<Plan>(`/api/plans/${encodeURIComponent(planId)}`),
    retry: false,
  });

export const deliveriesQuery = (planId: string) =>
  queryOptions({
    queryKey: ['plans', planId, 'deliveries'],
    queryFn: () => api<{ deliveries: Delivery[] }>(`/api/plans/${encodeURIComponent(planId)}/deliveries`).then((r) => r.deliveries),
  });

export const inboxQuery = queryOptions({
  queryKey: ['inbox'],
  queryFn: () => api<{ items: InboxItem[] }>('/api/inbox').then((r) => r.items),
  staleTime: 15_000,
});

export type CreatePlanInput =
  | { from: 'import'; kind?: PlanKind; source: string }
  | { from: 'template'; kind?: PlanKind; resolutionId: string }
  | { from: 'clone'; planId: string; resolutionId: string };

export const createPlan = (input: CreatePlanInput) => api<Plan>('/api/plans', { method: 'POST', body: input });

export interface PlanPatch {
  version: number;
  kind?: PlanKind;
  source?: string;
  recipients?: { unitId: string | null; label: string }[];
}

export const updatePlan = (planId: string, patch: PlanPatch) => api<Plan>(`/api/plans/${encodeURIComponent(planId)}`, { method: 'PATCH', body: patch });

export type WorkflowStep = 'submit' | 'approve' | 'return';

export const runStep = (planId: string, step: WorkflowStep, version: number) =>
  api<Plan>(`/api/plans/${encodeURIComponent(planId)}/${step}`, { method: 'POST', body: { version } });

export interface Acknowledgement {
  code: string;
  line?: number;
  reason: string;
}

/** Submits a draft; each lint error of its text comes with the reason it is kept. */
export const submitPlan = (planId: string, version: number, acknowledgements: Acknowledgement[]) =>
  api<Plan>(`/api/plans/${encodeURIComponent(planId)}/submit`, { method: 'POST', body: acknowledgements.length ? { version, acknowledgements } : { version } });

export type IssuePreview = { number: string; numberText: string; issuedOn: string };

/** The number and date issuing would take now, without taking them. */
export const issuePreview = (planId: string, issuedOn?: string) =>
  api<IssuePreview>(`/api/plans/${encodeURIComponent(planId)}/issue-preview${issuedOn ? `?issuedOn=${encodeURIComponent(issuedOn)}` : ''}`);

export const issuePlan = (planId: string, version: number, issuedOn?: string) =>
  api<Plan>(`/api/plans/${encodeURIComponent(planId)}/issue`, { method: 'POST', body: { version, issuedOn } });

export const newPlanVersion = (planId: string) => api<Plan>(`/api/plans/${encodeURIComponent(planId)}/new-version`, { method: 'POST' });

export const markRead = (deliveryId: string) =>
  api<{ id: string; readAt: string }>(`/api/inbox/${encodeURIComponent(deliveryId)}/read`, { method: 'POST' });

export type DocumentFormat = 'docx' | 'pdf' | 'html';

export const documentUrl = (planId: string, format: DocumentFormat) => `/api/plans/${encodeURIComponent(planId)}/document?format=${format}`;

/** The name the server gives the file ("ke-hoach-2-KH-DU.docx"), from its Content-Disposition. */
export function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/iu.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1]!);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="([^"]+)"/iu.exec(header);
  return plain?.[1] ?? fallback;
}

/**
 * Fetches a document of the plan and saves it under the server's file name. Fetching first (rather
 * than following a link) lets the page show progress and the server's Vietnamese error, e.g. when
 * the server cannot make PDFs.
 */
export async function downloadDocument(planId: string, format: 'docx' | 'pdf', signal?: AbortSignal): Promise<string> {
  let response: Response;
  try {
    response = await fetch(documentUrl(planId, format), { credentials: 'same-origin', signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network', vi.errors.network);
  }
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as { error?: { id?: string; message?: string } } | null;
    throw new ApiError(response.status, data?.error?.id ?? 'unknown', data?.error?.message ?? vi.errors.unknown);
  }
  const name = fileNameOf(response, `ke-hoach.${format}`);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
