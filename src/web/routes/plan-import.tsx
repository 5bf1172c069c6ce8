// /nhap-ke-hoach — import a plan from pasted text or a file, check it, create the draft (ward office).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const planImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nhap-ke-hoach',
  component: lazyRouteComponent(() => import('./plan-import.page')),
});
