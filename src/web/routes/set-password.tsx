// /dat-mat-khau — after signing in with a one-time code, a new password before anything else: the
// server answers every other route with 403 password-change-required until it is set.
import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { meQuery } from '../features/auth/session';
import { rootRoute } from './root';

export const setPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'dat-mat-khau',
  beforeLoad: async ({ context }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/dang-nhap' });
    if (!me.mustChangePassword) throw redirect({ to: '/' });
  },
  component: lazyRouteComponent(() => import('./set-password.page')),
});
