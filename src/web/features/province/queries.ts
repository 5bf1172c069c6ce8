// The province's reads of its communes' reports, as the server gives them.
import { queryOptions } from '@tanstack/react-query';
import type { ProvinceReports, UpwardReportDetail } from '../../../server/features/province/schema';
import { api } from '../../api';

export type { ProvinceReports, UpwardReportDetail };
export type CommuneEntry = ProvinceReports['communes'][number];

export const provinceReportsQuery = (resolution?: string) =>
  queryOptions({
    queryKey: ['province', 'reports', resolution ?? null],
    queryFn: () => api<ProvinceReports>(`/api/province/reports${resolution ? `?resolution=${encodeURIComponent(resolution)}` : ''}`),
    retry: false,
  });

export const upwardReportKey = (communeId: string, planId: string) => ['province', 'report', communeId, planId] as const;
export const upwardReportQuery = (communeId: string, planId: string) =>
  queryOptions({
    queryKey: upwardReportKey(communeId, planId),
    queryFn: () => api<UpwardReportDetail>(`/api/province/reports/${encodeURIComponent(communeId)}/${encodeURIComponent(planId)}`),
    retry: false,
  });

export const upwardStatusNames: Record<CommuneEntry['status'], string> = { pending: 'Chưa gửi', submitted: 'Đã gửi', reopened: 'Đang mở lại' };
export const upwardStatusColors: Record<CommuneEntry['status'], string> = { pending: 'red', submitted: 'green', reopened: 'orange' };

/** The commune's submitted consolidated report as a file: the report (DOCX) or its cells' table (XLSX). */
export const communeReportDocumentUrl = (communeId: string, planId: string, format: 'docx' | 'xlsx') =>
  `/api/province/reports/${encodeURIComponent(communeId)}/${encodeURIComponent(planId)}/document?format=${format}`;
