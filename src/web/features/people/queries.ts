// People, positions and membership as the server gives them.
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MembershipEventDto, personDetailResponse, personListItem, PositionDto, positionKindSchema } from '../../../server/features/people/schema';
import { api } from '../../api';

export type PersonDetail = z.infer<typeof personDetailResponse>;
export type PersonListItem = z.infer<typeof personListItem>;
export type Position = PositionDto;
export type PositionKind = z.infer<typeof positionKindSchema>;
export type MembershipEvent = MembershipEventDto;

export const personQuery = (personId: string) =>
  queryOptions({ queryKey: ['people', personId], queryFn: () => api<PersonDetail>(`/api/people/${encodeURIComponent(personId)}`), retry: false });

export const peopleSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['people', 'search', q],
    queryFn: ({ signal }) => api<{ people: PersonListItem[] }>('/api/people', { query: { q, limit: 20 }, signal }).then((r) => r.people),
    staleTime: 30_000,
  });

export const unitPositionsQuery = (unitId: string) =>
  queryOptions({
    queryKey: ['units', unitId, 'positions'],
    queryFn: () => api<{ positions: Position[]; abilities: { edit: boolean } }>(`/api/units/${encodeURIComponent(unitId)}/positions`),
    retry: false,
  });

export const positionKindsQuery = queryOptions({
  queryKey: ['position-kinds'],
  queryFn: () => api<{ kinds: PositionKind[]; abilities: { edit: boolean } }>('/api/position-kinds'),
  staleTime: 60_000,
});

export const cellCountsQuery = (on: string) =>
  queryOptions({
    queryKey: ['cells', 'counts', on],
    queryFn: () => api<{ on: string; cells: { cellId: string; members: number; expected: number }[] }>('/api/cells/counts', { query: { on } }),
  });

export const peopleListQuery = (q: string, membership: 'all' | 'members' | 'nonMembers') =>
  queryOptions({
    queryKey: ['people', 'list', q, membership],
    queryFn: ({ signal }) => api<{ people: PersonListItem[]; abilities: { edit: boolean } }>('/api/people', { query: { q: q || undefined, membership, limit: 200 }, signal }),
    placeholderData: (previous) => previous,
  });

export interface PersonInput {
  fullName: string;
  gender: 'male' | 'female' | null;
  birthDate: string | null;
  phone: string | null;
  email: string | null;
  note: string | null;
}

/** Adds a person who is not a member, or edits a person's details from the version shown. */
export const savePerson = (input: PersonInput, existing?: { id: string; version: number }) =>
  existing
    ? api<{ id: string; fullName: string; version: number }>(`/api/people/${encodeURIComponent(existing.id)}`, { method: 'PATCH', body: { ...input, version: existing.version } })
    : api<{ id: string; fullName: string; version: number }>('/api/people', { method: 'POST', body: input });

export interface MemberInput {
  cellId: string;
  fullName: string;
  gender: 'male' | 'female';
  birthDate: string | null;
  joinedOn: string | null;
  officialOn: string | null;
  cardNumber: string | null;
  phone: string | null;
  email: string | null;
  arrival: { kind: 'joined' | 'transferIn'; on: string; fromWard?: string };
}
export const createMember = (body: MemberInput) => api<{ id: string; personId: string; version: number }>('/api/members', { method: 'POST', body });

/** Someone who is not (yet) a member, e.g. a residential group's head or a new ward's first secretary. */
export const createPerson = (body: { fullName: string; phone?: string | null }) => api<{ id: string; fullName: string; version: number }>('/api/people', { method: 'POST', body });

export const createPosition = (body: { personId: string; kindCode: string; unitId: string; fromOn: string; toOn?: string | null }) =>
  api<Position>('/api/positions', { method: 'POST', body });
export const endPosition = (id: string, version: number, toOn: string) => api<Position>(`/api/positions/${encodeURIComponent(id)}/end`, { method: 'POST', body: { version, toOn } });
export const createPositionKind = (body: { name: string; unitKinds: string[] }) => api<PositionKind>('/api/position-kinds', { method: 'POST', body });

const memberPath = (id: string, action: string) => `/api/members/${encodeURIComponent(id)}/${action}`;
export const transferMember = (id: string, body: { on: string; toCellId?: string; toWard?: string; note?: string }) => api(memberPath(id, 'transfer'), { method: 'POST', body });
export const exemptMember = (id: string, body: { from: string; to?: string | null; reason: string }) => api(memberPath(id, 'exemptions'), { method: 'POST', body });
export const memberLeaves = (id: string, body: { on: string; reason: string; note?: string }) => api(memberPath(id, 'leave'), { method: 'POST', body });
export const mergeUnits = (body: { sourceIds: string[]; targetId?: string; newUnit?: { name: string; parentId: string; kind: string }; on: string; versions: Record<string, number> }) =>
  api<{ targetId: string; membersTransferred: number }>('/api/units/merge', { method: 'POST', body });
