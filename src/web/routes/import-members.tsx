// /nhap-danh-sach — import a member list from XLSX/CSV into a commune (ward office, administrator).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const importMembersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nhap-danh-sach',
  component: lazyRouteComponent(() => import('./import-members.page')),
});
