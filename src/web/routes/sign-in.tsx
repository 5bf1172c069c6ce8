// /dang-nhap — sign-in. Someone already signed in goes straight on; after signing in, the user
// returns to the page they were sent here from (only addresses inside the app are followed).
import { useEffect } from 'react';
import { Box, Center, Paper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { createRoute, redirect, useNavigate, useRouter } from '@tanstack/react-router';
import { usePageTitle } from '../components/PageHeader';
import { SignInForm } from '../features/auth/SignInForm';
import { meKey, meQuery, safeRedirect } from '../features/auth/session';
import { vi } from '../i18n/vi';
import { appRoute } from './app-layout';
import { rootRoute } from './root';

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'dang-nhap',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  // The form shows at once (a phone should not wait a round trip for it); whoever turns out to be
  // signed in already is sent on as soon as the session answer arrives.
  beforeLoad: ({ context, search }) => {
    if (context.queryClient.getQueryData(meKey)) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: SignInPage,
});

function SignInPage() {
  usePageTitle(vi.auth.title);
  const search = signInRoute.useSearch();
  const navigate = useNavigate();
  const router = useRouter();
  // The signed-in layout's code downloads while the server checks the password, not after.
  const loadLayout = () => void router.loadRouteChunk(appRoute)?.catch(() => undefined);
  const { data: me } = useQuery(meQuery);
  useEffect(() => {
    if (me) void navigate({ href: safeRedirect(search.redirect), replace: true });
  }, [me, navigate, search.redirect]);
  return (
    <Box bg="gray.1" mih="100vh">
      <Box bg="red.9" c="white" py="md" px="md" component="header">
        <Text fw={800} fz="xl">
          <span aria-hidden="true">★ </span>
          {vi.app.name}
        </Text>
        <Text fz="sm">{vi.app.tagline}</Text>
      </Box>
      <Center component="main" px="sm" py="xl">
        <Paper withBorder shadow="sm" radius="md" p={{ base: 'md', xs: 'xl' }} w="100%" maw={440}>
          <SignInForm onSending={loadLayout} onSignedIn={() => navigate({ href: safeRedirect(search.redirect) })} />
        </Paper>
      </Center>
    </Box>
  );
}
