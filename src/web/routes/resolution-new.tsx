// /nghi-quyet/dang-ky — the ward office registers a guiding document; it then opens on its own
// page, where files are attached and links added.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const resolutionNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nghi-quyet/dang-ky',
  component: lazyRouteComponent(() => import('./resolution-new.page')),
});
