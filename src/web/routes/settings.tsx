// /thiet-lap — how the commune numbers and heads its documents (read by the leadership, edited by
// the ward office) and, for the administrator, the plan checker's vocabulary extension.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const settingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'thiet-lap',
  component: lazyRouteComponent(() => import('./settings.page')),
});
