// /thiet-lap/to-chuc — Settings → Tổ chức: the ward office and administrators edit the tree.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const settingsOrganisationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'thiet-lap/to-chuc',
  component: lazyRouteComponent(() => import('./settings-organisation.page')),
});
