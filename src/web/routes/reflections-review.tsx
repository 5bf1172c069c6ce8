// /thu-hoach — the cell secretary's list of the cell's reflections for a plan: who wrote, who is late,
// who is waiting; each reviewed Đạt / Chưa đạt with a comment. The ward's overseers read every cell.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const reflectionsReviewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'thu-hoach',
  validateSearch: (search: Record<string, unknown>): { plan?: string } => (typeof search.plan === 'string' ? { plan: search.plan } : {}),
  component: lazyRouteComponent(() => import('./reflections-review.page')),
});
