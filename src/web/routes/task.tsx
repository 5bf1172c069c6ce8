// /nhiem-vu/$taskId — one task of a plan: its text, assignee, deadline, status, evidence, completion, history.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nhiem-vu/$taskId',
  component: lazyRouteComponent(() => import('./task.page')),
});
