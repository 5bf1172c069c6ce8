// Units of the organisation tree as the server gives them to this user.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { unitDetailResponse, UnitDto } from '../../../server/features/units/schema';
import { api, uploadFile, type UploadProgress } from '../../api';

export type Unit = UnitDto;
export type UnitKind = Unit['kind'];
export type UnitDetail = z.infer<typeof unitDetailResponse>;

export const unitsQuery = queryOptions({
  queryKey: ['units'],
  queryFn: () => api<{ units: Unit[] }>('/api/units').then((r) => r.units),
  staleTime: 60_000,
});

export const unitQuery = (unitId: string) =>
  queryOptions({
    queryKey: ['units', unitId],
    queryFn: () => api<UnitDetail>(`/api/units/${encodeURIComponent(unitId)}`),
    staleTime: 30_000,
    retry: false,
  });

export const exportUrl = (unitId: string, format: 'xlsx' | 'csv') =>
  `/api/units/${encodeURIComponent(unitId)}/members/export?format=${format}`;

// Managing the tree (Settings → Tổ chức).
export type UnitRecord = Omit<Unit, 'memberCount'>;
export interface TreeImportAnswer {
  units: number;
  unchanged: number;
  errors: { row: number; message: string }[];
  rows: { row: number; name: string; kind: UnitKind; parentName: string }[];
}

const unitUrl = (id: string, action = '') => `/api/units/${encodeURIComponent(id)}${action}`;

export const unitActions = {
  create: (body: { parentId: string; kind: UnitKind; name: string; openedOn?: string }) => api<UnitRecord>('/api/units', { method: 'POST', body }),
  rename: (unit: UnitRecord, name: string) => api<UnitRecord>(unitUrl(unit.id), { method: 'PATCH', body: { version: unit.version, name } }),
  move: (unit: UnitRecord, parentId: string) => api<UnitRecord>(unitUrl(unit.id), { method: 'PATCH', body: { version: unit.version, parentId } }),
  close: (unit: UnitRecord, closedOn: string) => api<UnitRecord>(unitUrl(unit.id, '/close'), { method: 'POST', body: { version: unit.version, closedOn } }),
  reopen: (unit: UnitRecord) => api<UnitRecord>(unitUrl(unit.id, '/reopen'), { method: 'POST', body: { version: unit.version } }),
  reorder: (unit: UnitRecord, direction: 'up' | 'down') => api<UnitRecord>(unitUrl(unit.id, '/reorder'), { method: 'POST', body: { version: unit.version, direction } }),
  remove: (unit: UnitRecord) => api<null>(unitUrl(unit.id), { method: 'DELETE', query: { version: unit.version } }),
};

export const importTree = (unitId: string, mode: 'preview' | 'commit', file: File, onProgress?: (p: UploadProgress) => void) =>
  uploadFile<TreeImportAnswer>(`${unitUrl(unitId, '/import')}?mode=${mode}`, file, onProgress);

export const treeExportUrl = (unitId: string, format: 'xlsx' | 'csv') => `${unitUrl(unitId, '/export')}?format=${format}`;
export const treeTemplateHref = '/api/units/import-template.xlsx';
