// /ke-hoach/$planId/sinh-hoat — the ward's overview of a plan's study sessions: counts by status,
// every unit's status with a filter, and the make-up backlog per cell.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const planSessionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ke-hoach/$planId/sinh-hoat',
  component: lazyRouteComponent(() => import('./plan-sessions.page')),
});
