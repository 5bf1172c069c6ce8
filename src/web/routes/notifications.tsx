// /thong-bao — the signed-in person's notifications.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'thong-bao',
  component: lazyRouteComponent(() => import('./notifications.page')),
});
