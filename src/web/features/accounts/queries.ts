// Accounts of a commune (Settings → Tài khoản), their one-time codes and the bulk letters.
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccountDto, bulkResponse } from '../../../server/features/accounts/schema';
import type { Role } from '../../../server/auth/tables';
import { ApiError, api, currentCsrfToken, withQuery } from '../../api';
import { saveResponse } from '../../components/download';
import { vi } from '../../i18n/vi';

export type Account = AccountDto;
export type BulkAnswer = z.infer<typeof bulkResponse>;
export type Letter = BulkAnswer['letters'][number];
export interface CodeAnswer {
  oneTimeCode: string;
  expiresAt: string;
}

export interface AccountFilter {
  communeId: string;
  q?: string;
  role?: Role | null;
  unitId?: string | null;
  page: number;
}

export const accountsQuery = (filter: AccountFilter) =>
  queryOptions({
    queryKey: ['accounts', filter],
    queryFn: () => api<{ accounts: Account[]; total: number; page: number; pageSize: number }>('/api/accounts', { query: { ...filter, pageSize: 20 } }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });

const inCommune = (communeId: string) => ({ communeId });
const accountUrl = (id: string, action: string) => `/api/accounts/${encodeURIComponent(id)}${action}`;

export const accountActions = {
  create: (communeId: string, body: { username: string; displayName: string; grants: { role: Role; unitId: string }[] }) =>
    api<CodeAnswer & { id: string }>('/api/accounts', { method: 'POST', body, query: inCommune(communeId) }),
  reset: (id: string) => api<CodeAnswer>(accountUrl(id, '/reset'), { method: 'POST' }),
  setDisabled: (id: string, disabled: boolean) => api(accountUrl(id, disabled ? '/disable' : '/enable'), { method: 'POST' }),
  grant: (id: string, body: { role: Role; unitId: string }) => api<{ id: string }>(accountUrl(id, '/grants'), { method: 'POST', body }),
  revoke: (id: string, grantId: string) => api(accountUrl(id, `/grants/${encodeURIComponent(grantId)}`), { method: 'DELETE' }),
  bulk: (communeId: string, body: { kind: 'cellSecretaries' | 'members'; cellIds: string[] }) =>
    api<BulkAnswer>('/api/accounts/bulk', { method: 'POST', body, query: inCommune(communeId) }),
};

/** Prints the letters of codes just shown (the server checks each code again) and saves the file. */
export async function downloadLetters(communeId: string, letters: readonly Letter[], format: 'docx' | 'pdf'): Promise<string> {
  let response: Response;
  try {
    response = await fetch(withQuery('/api/accounts/letters', { communeId, format }), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': currentCsrfToken() },
      body: JSON.stringify({ letters: letters.map((l) => ({ username: l.username, oneTimeCode: l.oneTimeCode })) }),
    });
  } catch {
    throw new ApiError(0, 'network', vi.errors.network);
  }
  return saveResponse(response, `thu-tai-khoan.${format}`);
}

/** Roles an administrator of a commune hands out on its units (the province's only a province administrator). */
export const communeRoles: Role[] = ['admin', 'wardStaff', 'wardLeader', 'unitOfficer', 'cellSecretary', 'member'];
