// The registry of guiding documents as the server gives it: search, one document with its files,
// links and plans, and the writes (register, edit, link, unlink, attach).
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { attachmentSchema, linkInput, resolutionDetail, resolutionInput, resolutionSchema, resolutionSummary, resolutionUpdate } from '../../../server/features/resolutions/schema';
import type { ResolutionKind, ResolutionRelation } from '../../../server/features/resolutions/tables';
import { api, uploadFile, type UploadProgress } from '../../api';

export type { ResolutionKind, ResolutionRelation };
export type Resolution = z.infer<typeof resolutionSchema>;
export type ResolutionSummary = z.infer<typeof resolutionSummary>;
export type ResolutionInput = z.input<typeof resolutionInput>;
export type ResolutionPatch = z.input<typeof resolutionUpdate>;
/** Dates arrive as JSON strings, not Date objects. */
export type Attachment = Omit<z.infer<typeof attachmentSchema>, 'createdAt'> & { createdAt: string };
export type ResolutionDetail = Omit<z.infer<typeof resolutionDetail>, 'attachments'> & { attachments: Attachment[] };
export type ResolutionLink = ResolutionDetail['links'][number];
export type LinkedPlan = ResolutionDetail['plans'][number];
export type LinkInput = z.infer<typeof linkInput>;

export const resolutionKeys = {
  all: ['resolutions'] as const,
  search: (q: string, kind: string, limit: number) => ['resolutions', 'search', q, kind, limit] as const,
  detail: (id: string) => ['resolutions', 'detail', id] as const,
};

export const resolutionSearchQuery = (q: string, kind: ResolutionKind | '', limit = 50) =>
  queryOptions({
    queryKey: resolutionKeys.search(q, kind, limit),
    queryFn: ({ signal }) => api<{ resolutions: ResolutionSummary[] }>('/api/resolutions', { query: { q, kind, limit }, signal }).then((r) => r.resolutions),
    staleTime: 30_000,
  });

export const resolutionQuery = (id: string) =>
  queryOptions({
    queryKey: resolutionKeys.detail(id),
    queryFn: () => api<ResolutionDetail>(`/api/resolutions/${encodeURIComponent(id)}`),
    retry: false,
  });

export function createResolution(input: ResolutionInput): Promise<Resolution> {
  return api<Resolution>('/api/resolutions', { method: 'POST', body: input });
}

export function updateResolution(id: string, patch: ResolutionPatch): Promise<Resolution> {
  return api<Resolution>(`/api/resolutions/${encodeURIComponent(id)}`, { method: 'PATCH', body: patch });
}

export function linkResolution(id: string, input: LinkInput): Promise<unknown> {
  return api(`/api/resolutions/${encodeURIComponent(id)}/links`, { method: 'POST', body: input });
}

export function unlinkResolution(id: string, linkId: string): Promise<unknown> {
  return api(`/api/resolutions/${encodeURIComponent(id)}/links/${encodeURIComponent(linkId)}`, { method: 'DELETE' });
}

export function uploadAttachment(id: string, file: File, onProgress?: (p: UploadProgress) => void, signal?: AbortSignal): Promise<Attachment> {
  return uploadFile<Attachment>(`/api/resolutions/${encodeURIComponent(id)}/attachments`, file, onProgress, signal);
}

export const attachmentUrl = (id: string, attachmentId: string) =>
  `/api/resolutions/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`;

/** The largest attachment the server accepts (attachments.ts). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The document just registered, so that its page can say so once. */
export const justRegistered: { id: string | null } = { id: null };
