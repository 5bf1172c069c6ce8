// /lich?thang=2026-05 — the month's task deadlines, conferences and study sessions.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const calendarRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'lich',
  validateSearch: (search: Record<string, unknown>): { thang?: string } =>
    typeof search.thang === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/u.test(search.thang) ? { thang: search.thang } : {},
  component: lazyRouteComponent(() => import('./calendar.page')),
});
