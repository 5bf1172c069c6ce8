// The conference API as the web app uses it; types come from the server's zod schemas.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, ApiError } from '../../api';
import { vi } from '../../i18n/vi';
import { fileNameOf } from '../plans/queries';
import type { attendanceSchema, conferenceSchema, conferenceSummary } from '../../../server/features/conferences/schema';

type Dates<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] extends (infer U)[] ? Dates<U>[] : T[K] };
export type Conference = Dates<z.infer<typeof conferenceSchema>>;
export type ConferenceSummary = Dates<z.infer<typeof conferenceSummary>>;
export type Attendance = z.infer<typeof attendanceSchema>;
export type Participant = Conference['participants'][number];

export const planConferencesQuery = (planId: string) =>
  queryOptions({
    queryKey: ['plans', planId, 'conferences'],
    queryFn: () => api<{ conferences: ConferenceSummary[]; canCreate: boolean }>(`/api/plans/${encodeURIComponent(planId)}/conferences`),
  });

export const conferenceQuery = (id: string) =>
  queryOptions({ queryKey: ['conferences', id], queryFn: () => api<Conference>(`/api/conferences/${encodeURIComponent(id)}`), retry: false });

export const attendanceQuery = (id: string) =>
  queryOptions({ queryKey: ['conferences', id, 'attendance'], queryFn: () => api<Attendance>(`/api/conferences/${encodeURIComponent(id)}/attendance`) });

export const createConference = (planId: string) => api<Conference>(`/api/plans/${encodeURIComponent(planId)}/conferences`, { method: 'POST', body: {} });

export const conferenceAction = <T = Conference>(id: string, path: string, body: object, method: 'POST' | 'PATCH' | 'PUT' = 'POST') =>
  api<T>(`/api/conferences/${encodeURIComponent(id)}${path}`, { method, body });

export type ConferenceDocument = 'convocation' | 'sign-in-sheet';

export async function downloadConferenceDocument(id: string, which: ConferenceDocument, format: 'docx' | 'pdf'): Promise<string> {
  const response = await fetch(`/api/conferences/${encodeURIComponent(id)}/documents/${which}?format=${format}`, { credentials: 'same-origin' }).catch(() => {
    throw new ApiError(0, 'network', vi.errors.network);
  });
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as { error?: { id?: string; message?: string } } | null;
    throw new ApiError(response.status, data?.error?.id ?? 'unknown', data?.error?.message ?? vi.errors.unknown);
  }
  const name = fileNameOf(response, `${which}.${format}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
