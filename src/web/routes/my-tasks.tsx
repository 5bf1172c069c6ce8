// /nhiem-vu — the tasks of the user's own unit (a cell's secretary, an agency's officer, the ward office).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const myTasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nhiem-vu',
  component: lazyRouteComponent(() => import('./my-tasks.page')),
});
