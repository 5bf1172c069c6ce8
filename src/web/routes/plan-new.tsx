// /ke-hoach/tao-moi — create a plan: from the template, by cloning an earlier one, or by importing.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const planNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ke-hoach/tao-moi',
  component: lazyRouteComponent(() => import('./plan-new.page')),
});
