// /ke-hoach/$planId — one plan: its facts, workflow, documents, text, recipients and read receipts.
// A plan outside the user's reach answers "not found", like the server.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const planRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ke-hoach/$planId',
  component: lazyRouteComponent(() => import('./plan.page')),
});
