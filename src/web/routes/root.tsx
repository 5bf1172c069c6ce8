// The root of every page: signed-in or not. Unknown addresses get a Vietnamese "not found" page.
import { Outlet, createRootRouteWithContext } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { Center, Stack, Text, Title } from '@mantine/core';
import { ButtonLink } from '../components/links';
import { ErrorAlert } from '../components/feedback';
import { usePageTitle } from '../components/PageHeader';
import { vi } from '../i18n/vi';

export interface RouterContext {
  queryClient: QueryClient;
}

export const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: ({ error, reset }) => (
    <main>
      <Center p="md">
        <ErrorAlert error={error} onRetry={reset} />
      </Center>
    </main>
  ),
});

export function NotFoundPage() {
  usePageTitle(vi.errors.notFoundTitle);
  return (
    <main>
      <Center mih="60vh" p="md">
        <Stack align="center" gap="md" maw={480}>
          <Title order={1}>{vi.errors.notFoundTitle}</Title>
          <Text ta="center">{vi.errors.notFound}</Text>
          <ButtonLink to="/">{vi.common.goHome}</ButtonLink>
        </Stack>
      </Center>
    </main>
  );
}
