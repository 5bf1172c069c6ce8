// /thiet-lap/tai-khoan — Settings → Tài khoản: administrators manage the accounts of their commune.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const settingsAccountsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'thiet-lap/tai-khoan',
  component: lazyRouteComponent(() => import('./settings-accounts.page')),
});
