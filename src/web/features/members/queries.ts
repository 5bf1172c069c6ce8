// Members as the server gives them: lists of a unit, search, one member, edits and imports.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ImportPreview } from '../../../server/features/members/import-service';
import type { memberDetailResponse, MemberDto, MemberUpdate } from '../../../server/features/members/schema';
import { api, uploadFile, type UploadProgress } from '../../api';

export type Member = MemberDto;
export type MemberPatch = MemberUpdate;
export type MemberDetail = z.infer<typeof memberDetailResponse>;
export type { ImportPreview };

export interface AuditEntry {
  id: number;
  at: string;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export const unitMembersQuery = (unitId: string) =>
  queryOptions({
    queryKey: ['units', unitId, 'members'],
    queryFn: () => api<{ members: Member[]; total: number }>(`/api/units/${encodeURIComponent(unitId)}/members`),
    staleTime: 30_000,
  });

export const memberQuery = (memberId: string) =>
  queryOptions({
    queryKey: ['members', memberId],
    queryFn: () => api<MemberDetail>(`/api/members/${encodeURIComponent(memberId)}`),
    retry: false,
  });

export const memberSearchQuery = (q: string, limit = 50) =>
  queryOptions({
    queryKey: ['members', 'search', q, limit],
    queryFn: ({ signal }) => api<{ members: Member[]; total: number }>('/api/members/search', { query: { q, limit }, signal }),
    staleTime: 30_000,
  });

export const memberHistoryQuery = (memberId: string) =>
  queryOptions({
    queryKey: ['audit', 'member', memberId],
    queryFn: () => api<{ entries: AuditEntry[] }>('/api/audit', { query: { entity: 'member', entityId: memberId, limit: 20 } }).then((r) => r.entries),
  });

export function updateMember(memberId: string, patch: MemberPatch): Promise<Member> {
  return api<Member>(`/api/members/${encodeURIComponent(memberId)}`, { method: 'PATCH', body: patch });
}

/** Names in the file → cell id, headers in the file → column: the `mappings` field of an import. */
export interface ImportMappings {
  cells: Record<string, string>;
  columns: Record<string, string>;
}

export function importMembers(communeId: string, mode: 'preview' | 'commit', file: File, mappings: ImportMappings, onProgress?: (p: UploadProgress) => void) {
  const fields = { mappings: JSON.stringify(mappings) };
  return uploadFile<ImportPreview>(`/api/units/${encodeURIComponent(communeId)}/members/import?mode=${mode}`, file, onProgress, undefined, fields);
}

export const memberTemplateHref = '/api/members/import-template.xlsx';
