// /hoi-nghi/$conferenceId — a ward conference (the link every convocation notification carries).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const conferenceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'hoi-nghi/$conferenceId',
  component: lazyRouteComponent(() => import('./conference.page')),
});
