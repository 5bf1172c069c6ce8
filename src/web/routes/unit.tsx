// /don-vi/$unitId — one unit: where it sits (breadcrumb), its units, and for a cell its members,
// with the XLSX/CSV export when allowed. A unit outside the user's reach answers "not found".
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { unitMembersQuery } from '../features/members/queries';
import { unitQuery, unitsQuery } from '../features/units/queries';
import { appRoute } from './app-layout';

export const unitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'don-vi/$unitId',
  // The page's data is asked for while its code downloads (not after); the page reads the same
  // queries and shows their errors, so nothing here waits or throws.
  loader: ({ context: { queryClient }, params: { unitId } }) => {
    void queryClient.prefetchQuery(unitsQuery);
    void queryClient.ensureQueryData(unitQuery(unitId)).then(
      (detail) => {
        if (detail.unit.kind === 'cell' && detail.abilities.listMembers) void queryClient.prefetchQuery(unitMembersQuery(unitId));
      },
      () => undefined,
    );
  },
  component: lazyRouteComponent(() => import('./unit.page')),
});
