// /tinh/bao-cao — the province's view of its communes' consolidated reports on a resolution:
// completeness and timeliness of the communes, the roll-up across them, a chart comparing them, and
// each commune's entry (its submitted report one tap away).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const provinceReportsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'tinh/bao-cao',
  // ?nghiQuyet= the resolution compared; ?xa= one commune's entry (all of them without it).
  validateSearch: (search: Record<string, unknown>): { nghiQuyet?: string; xa?: string } => ({
    ...(typeof search.nghiQuyet === 'string' && search.nghiQuyet.trim() ? { nghiQuyet: search.nghiQuyet } : {}),
    ...(typeof search.xa === 'string' && search.xa.trim() ? { xa: search.xa } : {}),
  }),
  component: lazyRouteComponent(() => import('./province-reports.page')),
});
