// /tim-kiem?q= — search members across the ward by name (with or without diacritics) or card
// number; results update as you type, after a short pause.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const searchRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'tim-kiem',
  validateSearch: (search: Record<string, unknown>): { q?: string } =>
    typeof search.q === 'string' && search.q ? { q: search.q.slice(0, 100) } : {},
  component: lazyRouteComponent(() => import('./search.page')),
});
