// /don-vi/$unitId — one unit: where it sits (breadcrumb), its units, and for a cell its members,
// with the XLSX/CSV export when allowed. A unit outside the user's reach answers "not found".
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { grantsOf } from '../features/auth/session';
import { unitMembersQuery } from '../features/members/queries';
import { unitQuery, unitsQuery } from '../features/units/queries';
import { appRoute } from './app-layout';

export const unitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'don-vi/$unitId',
  // The page's data is asked for while its code downloads (not after); the page reads the same
  // queries and shows their errors, so nothing here waits or throws.
  loader: ({ context: { queryClient, me }, params: { unitId } }) => {
    void queryClient.prefetchQuery(unitsQuery);
    // A cell's own secretary may list its members: asked for at once, not after the unit answers.
    const ownCell = grantsOf(me, 'cellSecretary').some((g) => g.unitId === unitId);
    if (ownCell) void queryClient.prefetchQuery(unitMembersQuery(unitId));
    void queryClient.ensureQueryData(unitQuery(unitId)).then(
      (detail) => {
        if (!ownCell && detail.unit.kind === 'cell' && detail.abilities.listMembers) void queryClient.prefetchQuery(unitMembersQuery(unitId));
      },
      () => undefined,
    );
  },
  component: lazyRouteComponent(() => import('./unit.page')),
});
