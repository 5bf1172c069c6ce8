// / — where each user starts (landingFor): whoever follows a commune sees its plans in motion and
// the part of the tree they oversee with its numbers; a unit officer their units; both the quick
// links to the pages the server lets them use. A cell secretary is taken to their cell, a member to
// their own record.
import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { landingFor } from '../features/auth/session';
import { appRoute } from './app-layout';

export const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  beforeLoad: ({ context }) => {
    const landing = landingFor(context.me);
    if (landing.kind === 'cell') throw redirect({ to: '/don-vi/$unitId', params: { unitId: landing.unitId }, replace: true });
    if (landing.kind === 'record') throw redirect({ to: '/dang-vien/$memberId', params: { memberId: landing.memberId }, replace: true });
    if (landing.kind === 'account') throw redirect({ to: '/tai-khoan', replace: true });
  },
  component: lazyRouteComponent(() => import('./home.page')),
});
