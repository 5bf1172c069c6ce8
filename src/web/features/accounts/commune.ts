// The commune a province account works in (the header's picker): kept in this browser, read by the
// pages that take `?communeId=`. An account of a commune never needs it (the server uses its own).
import { useSyncExternalStore } from 'react';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from '../../api';

export interface Commune {
  id: string;
  name: string;
}

/** The communes of the province account's province (GET /api/province/communes), in their order. */
export const communesQuery = queryOptions({
  queryKey: ['province', 'communes'],
  queryFn: () => api<{ communes: Commune[] }>('/api/province/communes').then((r) => r.communes),
  staleTime: 5 * 60_000,
  retry: false,
});

/** "Phường Nông Tiến" for "Đảng ủy phường Nông Tiến": short enough for a phone's header. */
export function shortCommuneName(name: string): string {
  const rest = name.replace(/^Đảng (ủy|uỷ|bộ)\s+/iu, '');
  return rest.charAt(0).toLocaleUpperCase('vi') + rest.slice(1);
}

const KEY = 'qt.communeId';
const listeners = new Set<() => void>();
let provinceSession = false;

/** Set on every signed-in page load: only a province account's requests name the chosen commune. */
export function setProvinceSession(value: boolean) {
  provinceSession = value;
}

/**
 * Routes that work in one commune and take `?communeId=` (the lists and creations of a commune); a
 * test (province/commune-report.int.test.ts) holds it to the server's route table.
 */
export const communeRoutes: ReadonlySet<string> = new Set([
  '/api/plans',
  '/api/plans/import',
  '/api/resolutions',
  '/api/settings/documents',
  '/api/position-kinds',
  '/api/people',
  '/api/cells/counts',
  '/api/accounts',
  '/api/accounts/bulk',
  '/api/accounts/letters',
  '/api/tasks/overview',
  '/api/tasks',
  '/api/calendar/month',
  '/api/audit',
  '/api/settings/reminders',
  '/api/rubrics',
  '/api/rubrics/current',
  '/api/rubrics/current.xlsx',
  '/api/rubrics/import',
]);

/** The chosen commune, for a request to `path` by a province account; nothing otherwise. */
export function communeParamFor(path: string): string | null {
  if (!provinceSession || !communeRoutes.has(path.split('?')[0]!)) return null;
  return read();
}

function read(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function setChosenCommune(id: string | null) {
  try {
    if (id) localStorage.setItem(KEY, id);
    else localStorage.removeItem(KEY);
  } catch {
    // private mode: the choice lasts until the page is reloaded
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useChosenCommune(): string | null {
  return useSyncExternalStore(subscribe, read, () => null);
}

/**
 * Before a province account's page loads: a commune is always chosen (the first of the province
 * unless the one kept is still among its communes), so no page asks the server without one.
 */
export async function ensureChosenCommune(queryClient: QueryClient): Promise<void> {
  const communes = await queryClient.ensureQueryData(communesQuery).catch(() => [] as Commune[]);
  if (communes.length > 0 && !communes.some((c) => c.id === read())) setChosenCommune(communes[0]!.id);
}

/** The commune a page works in: the one chosen, if the user may work there, else the first they may. */
export function pickCommune<T extends { id: string }>(communes: readonly T[], chosen: string | null): T | null {
  return communes.find((c) => c.id === chosen) ?? communes[0] ?? null;
}
