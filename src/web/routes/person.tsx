// /nguoi/$personId — a person: their details, their membership and its history, positions held.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { personQuery } from '../features/people/queries';
import { appRoute } from './app-layout';

export const personRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nguoi/$personId',
  loader: ({ context: { queryClient }, params: { personId } }) => {
    void queryClient.prefetchQuery(personQuery(personId));
  },
  component: lazyRouteComponent(() => import('./person.page')),
});
