// Entry of the web app: Mantine (theme, larger font), TanStack Query (server data) and the router.
import './mantine-styles';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { ApiError } from './api';
import { meKey } from './features/auth/session';
import { createAppRouter } from './router';
import { cssVariablesResolver, theme } from './theme';
import { registerServiceWorker } from './pwa/register';
import { endOpening, firstPageResolved, listenToWorker } from './pwa/opening';

// A session that ended (expired, signed out elsewhere, password changed) sends the user to sign-in.
function onApiError(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && error.id === 'auth.required') {
    queryClient.setQueryData(meKey, null);
    const here = router.state.location.href;
    if (!here.startsWith('/dang-nhap')) void router.navigate({ to: '/dang-nhap', search: { redirect: here } });
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // Errors the user must act on (403, 404, 409…) are not retried; a flaky network is, once.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 1,
      refetchOnWindowFocus: false,
      // Asked even when the phone says it is offline: the service worker answers from the device
      // what it kept (decision 024). TanStack Query's default would not ask at all.
      networkMode: 'always',
    },
    mutations: { networkMode: 'always' },
  },
});

registerServiceWorker();
listenToWorker(queryClient);

const router = createAppRouter(queryClient);
// The opening (decision 030) lasts while the first page loads and renders, not into the next page.
const stopWatching = router.subscribe('onResolved', () => {
  stopWatching();
  firstPageResolved();
  router.subscribe('onBeforeNavigate', endOpening);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
