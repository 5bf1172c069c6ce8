// /don-vi/$unitId — one unit: where it sits (breadcrumb), its units, and for a cell its members,
// with the XLSX/CSV export when allowed. A unit outside the user's reach answers "not found".
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { grantsOf } from '../features/auth/session';
import { unitMembersQuery } from '../features/members/queries';
import { unitQuery, unitsQuery } from '../features/units/queries';
import { answeredFromDevice, DEVICE_WAIT_MS } from '../pwa/opening';
import { appRoute } from './app-layout';

export const unitRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'don-vi/$unitId',
  // The page's data is asked for while its code downloads (not after); the page reads the same
  // queries and shows their errors, so nothing here throws.
  loader: async ({ context: { queryClient, me }, params: { unitId } }) => {
    const units = queryClient.prefetchQuery(unitsQuery);
    // A cell's own secretary may list its members: asked for at once, not after the unit answers.
    const ownCell = grantsOf(me, 'cellSecretary').some((g) => g.unitId === unitId);
    const members = ownCell ? queryClient.prefetchQuery(unitMembersQuery(unitId)) : undefined;
    const detail = queryClient.ensureQueryData(unitQuery(unitId)).then(
      (detail) => {
        if (!ownCell && detail.unit.kind === 'cell' && detail.abilities.listMembers) void queryClient.prefetchQuery(unitMembersQuery(unitId));
      },
      () => undefined,
    );
    // The secretary's home reopened: the worker answers from the device at once, so the page waits
    // for its answers and renders once with its members, not a spinner first and the page after
    // (decision 039). Otherwise (the network answers) the frame and the spinner show meanwhile.
    if (answeredFromDevice()) await Promise.race([Promise.all([units, members, detail]), new Promise((resolve) => setTimeout(resolve, DEVICE_WAIT_MS))]);
  },
  component: lazyRouteComponent(() => import('./unit.page')),
});
