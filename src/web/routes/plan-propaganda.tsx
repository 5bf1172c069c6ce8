// /ke-hoach/$planId/tuyen-truyen — a plan's propaganda log (entries as cards, a form to add one) and the
// ward loudspeaker's schedule with its broadcasts to confirm as aired or missed.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const planPropagandaRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ke-hoach/$planId/tuyen-truyen',
  component: lazyRouteComponent(() => import('./plan-propaganda.page')),
});
