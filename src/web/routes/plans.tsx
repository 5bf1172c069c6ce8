// /ke-hoach — the commune's plans with their status, number and date; the office creates new ones.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const plansRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ke-hoach',
  component: lazyRouteComponent(() => import('./plans.page')),
});
