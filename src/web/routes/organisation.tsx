// /to-chuc — the organisation tree the user may see, with member counts.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const organisationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'to-chuc',
  component: lazyRouteComponent(() => import('./organisation.page')),
});
