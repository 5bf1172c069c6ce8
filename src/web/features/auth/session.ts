// The signed-in user (GET /api/session), sign-in and sign-out. The server computes what the user may
// do (`abilities`); the web app only reads it to decide what to offer.
import { createContext, useContext } from 'react';
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { meResponse } from '../../../server/auth/schema';
import type { Abilities } from '../../../server/auth/abilities';
import type { Role } from '../../../server/auth/tables';
import { api, setCsrfToken } from '../../api';
import { clearApiCache } from '../../pwa/offline-data';

export type Me = Omit<z.infer<typeof meResponse>, 'abilities' | 'roles'> & {
  abilities: Abilities;
  roles: { role: Role; unitId: string; unitName: string }[];
};
export type { Role };

export const meKey = ['me'] as const;

// GET /api/session answers 200 for a visitor too, so a first load signed out logs no error.
async function fetchMe(): Promise<Me | null> {
  const { me } = await api<{ signedIn: boolean; me: Me | null }>('/api/session');
  if (me) setCsrfToken(me.csrfToken);
  return me;
}

export const meQuery = queryOptions({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000, retry: false });

/** With a password, or with a one-time code (then `mustChangePassword` is set and a new password is due). */
export async function signIn(queryClient: QueryClient, username: string, secret: string, kind: 'password' | 'oneTimeCode' = 'password'): Promise<Me> {
  const body = kind === 'password' ? { username, password: secret } : { username, oneTimeCode: secret };
  const me = await api<Me>('/api/auth/login', { method: 'POST', body });
  setCsrfToken(me.csrfToken);
  // Whatever the device kept of someone else's answers goes (the queue stays: it is per person).
  await clearApiCache();
  queryClient.clear();
  queryClient.setQueryData(meKey, me);
  return me;
}

/** Signs out and removes the person's data from the device: kept answers and unsent entries (decision 024). */
export async function signOut(queryClient: QueryClient): Promise<void> {
  try {
    await api('/api/auth/logout', { method: 'POST' });
  } finally {
    // The queue's code (and idb) loads with the signed-in layout, not with the first page.
    const { clearOutbox, setOutboxUser } = await import('../../pwa/outbox');
    await Promise.all([clearApiCache(), clearOutbox()]).catch(() => undefined);
    await setOutboxUser(null);
    setCsrfToken('');
    queryClient.clear();
    queryClient.setQueryData(meKey, null);
  }
}

/** The signed-in user inside the application layout, where sign-in is guaranteed. */
export const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() outside the signed-in layout');
  return me;
}

export const grantsOf = (me: Me, role: Role) => me.roles.filter((r) => r.role === role);

export type Landing =
  | { kind: 'overview' }
  | { kind: 'cell'; unitId: string }
  | { kind: 'officer' }
  | { kind: 'record'; memberId: string }
  | { kind: 'account' };

/**
 * Where "/" takes each user, from the abilities the server computed. Whoever follows a whole commune
 * (the ward office and leadership, the province, the administrator: those the server lets follow
 * its plans) starts on the overview; a cell secretary on their cell; anyone else who sees part of
 * the tree (a unit officer) on their units; a member on their own record.
 */
export function landingFor(me: Me): Landing {
  if (me.abilities.viewPlans) return { kind: 'overview' };
  const cell = grantsOf(me, 'cellSecretary')[0];
  if (cell) return { kind: 'cell', unitId: cell.unitId };
  if (me.abilities.viewOrganisation) return { kind: 'officer' };
  if (me.user.memberId) return { kind: 'record', memberId: me.user.memberId };
  return { kind: 'account' };
}

/** Only addresses inside the app are followed after sign-in. */
export function safeRedirect(target: unknown): string {
  return typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/dang-nhap') ? target : '/';
}
