// Units of the organisation tree as the server gives them to this user.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { unitDetailResponse, UnitDto } from '../../../server/features/units/schema';
import { api } from '../../api';

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
