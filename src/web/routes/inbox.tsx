// /van-ban-den — plans issued to the user's units (unit officers, cell secretaries).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const inboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'van-ban-den',
  component: lazyRouteComponent(() => import('./inbox.page')),
});
