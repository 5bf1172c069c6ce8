// /check-in/$token — what a member's phone opens from the QR code. Behind sign-in: a member who is
// not signed in signs in and comes back here (app-layout remembers the address).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const checkInRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'check-in/$token',
  component: lazyRouteComponent(() => import('./check-in.page')),
});
