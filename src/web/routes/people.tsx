// /nguoi?q=&loai= — the commune's people: members and those who are not (heads of residential
// groups, agency and mass-organisation officers), found by name; the office adds and edits them.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export type PeopleFilter = 'all' | 'members' | 'nonMembers';
const filters: readonly PeopleFilter[] = ['all', 'members', 'nonMembers'];

export const peopleRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nguoi',
  validateSearch: (search: Record<string, unknown>): { q?: string; loai?: PeopleFilter } => ({
    ...(typeof search.q === 'string' && search.q ? { q: search.q.slice(0, 100) } : {}),
    ...(filters.includes(search.loai as PeopleFilter) && search.loai !== 'all' ? { loai: search.loai as PeopleFilter } : {}),
  }),
  component: lazyRouteComponent(() => import('./people.page')),
});
