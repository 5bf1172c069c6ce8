// Every page behind sign-in: checks the session first (GET /api/me) and sends strangers to the
// sign-in page, remembering where they were going.
import { Outlet, createRoute, redirect } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { AppLayout } from '../components/AppLayout';
import { Loading } from '../components/feedback';
import { meQuery } from '../features/auth/session';
import { rootRoute } from './root';

export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    const me = await context.queryClient.ensureQueryData(meQuery);
    if (!me) throw redirect({ to: '/dang-nhap', search: { redirect: location.href } });
    return { me };
  },
  component: SignedIn,
});

function SignedIn() {
  const { data: me } = useQuery(meQuery);
  if (!me) return <Loading />;
  return (
    <AppLayout me={me}>
      <Outlet />
    </AppLayout>
  );
}
