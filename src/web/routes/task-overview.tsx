// /nhiem-vu/tong-hop?by=unit|plan&unitId=|planId= — the ward's overview of the tasks, a row opened.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export interface OverviewSearch {
  by?: 'plan';
  unitId?: string;
  planId?: string;
}

const uuid = /^[0-9a-f-]{36}$/iu;

export const taskOverviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nhiem-vu/tong-hop',
  validateSearch: (search: Record<string, unknown>): OverviewSearch => ({
    ...(search.by === 'plan' ? { by: 'plan' as const } : {}),
    ...(typeof search.unitId === 'string' && uuid.test(search.unitId) ? { unitId: search.unitId } : {}),
    ...(typeof search.planId === 'string' && uuid.test(search.planId) ? { planId: search.planId } : {}),
  }),
  component: lazyRouteComponent(() => import('./task-overview.page')),
});
