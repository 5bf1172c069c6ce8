// /dang-vien/$memberId — a member's record; the ward office edits it here (with conflict
// detection) and sees its history of changes.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const memberRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'dang-vien/$memberId',
  component: lazyRouteComponent(() => import('./member.page')),
});
