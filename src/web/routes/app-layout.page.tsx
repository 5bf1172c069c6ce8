// The signed-in layout (menu, header), loaded with the first signed-in page; the session check is in ./app-layout.tsx.
import { Outlet } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { AppLayout } from '../components/AppLayout';
import { Loading } from '../components/feedback';
import { meQuery } from '../features/auth/session';

export default SignedIn;

function SignedIn() {
  const { data: me } = useQuery(meQuery);
  if (!me) return <Loading />;
  return (
    <AppLayout me={me}>
      <Outlet />
    </AppLayout>
  );
}
