// /nghi-quyet/$resolutionId — one guiding document: its fields and core content, its files, the
// documents it relates to and the plans that implement it. The ward office edits it here (with
// conflict detection), attaches files and adds or removes links; everyone else reads.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const resolutionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nghi-quyet/$resolutionId',
  component: lazyRouteComponent(() => import('./resolution.page')),
});
