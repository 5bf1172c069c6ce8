// /tai-khoan — who is signed in, with which roles, and changing the password.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const accountRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'tai-khoan',
  component: lazyRouteComponent(() => import('./account.page')),
});
