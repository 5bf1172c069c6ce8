// Every page behind sign-in: checks the session first (GET /api/session) and sends strangers to the
// sign-in page, remembering where they were going.
import { createRoute, lazyRouteComponent, redirect } from '@tanstack/react-router';
import { meQuery } from '../features/auth/session';
import { ensureChosenCommune, setProvinceSession } from '../features/accounts/commune';
import { rootRoute } from './root';

export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/dang-nhap', search: { redirect: location.href } });
    setProvinceSession(me.user.communeId === null);
    // Signed in with a one-time code: a new password first (decision 016).
    if (me.mustChangePassword) throw redirect({ to: '/dat-mat-khau' });
    // A province account works in the commune chosen in the header (the first one until it chooses).
    if (me.user.communeId === null) await ensureChosenCommune(context.queryClient);
    return { me };
  },
  component: lazyRouteComponent(() => import('./app-layout.page')),
});
