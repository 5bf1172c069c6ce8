// /dang-nhap — sign-in. Someone already signed in goes straight on; after signing in, the user
// returns to the page they were sent here from (only addresses inside the app are followed).
import { Box, Center, Paper, Text } from '@mantine/core';
import { createRoute, redirect, useNavigate } from '@tanstack/react-router';
import { usePageTitle } from '../components/PageHeader';
import { SignInForm } from '../features/auth/SignInForm';
import { meQuery, safeRedirect } from '../features/auth/session';
import { vi } from '../i18n/vi';
import { rootRoute } from './root';

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: 'dang-nhap',
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === 'string' ? { redirect: search.redirect } : {},
  beforeLoad: async ({ context, search }) => {
    const me = await context.queryClient.ensureQueryData(meQuery).catch(() => null);
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: SignInPage,
});

function SignInPage() {
  usePageTitle(vi.auth.title);
  const search = signInRoute.useSearch();
  const navigate = useNavigate();
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
          <SignInForm onSignedIn={() => navigate({ href: safeRedirect(search.redirect) })} />
        </Paper>
      </Center>
    </Box>
  );
}
