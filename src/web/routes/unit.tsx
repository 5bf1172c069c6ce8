// /don-vi/$unitId — one unit: where it sits (breadcrumb), its units, and for a cell its members,
// with the XLSX/CSV export when allowed. A unit outside the user's reach answers "not found".
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const unitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'don-vi/$unitId',
  component: lazyRouteComponent(() => import('./unit.page')),
});
