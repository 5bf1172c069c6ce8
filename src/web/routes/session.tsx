// /sinh-hoat/$sessionId — one study session: schedule, attendance (with the QR screen), held, minutes.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const sessionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'sinh-hoat/$sessionId',
  component: lazyRouteComponent(() => import('./session.page')),
});
