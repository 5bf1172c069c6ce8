// /nghi-quyet/$resolutionId/kiem-tra — a member's quiz on a resolution, made for a phone: the settings,
// their own attempts and the score that counts; an attempt one question at a time with the timer and
// the progress always visible; the result after submitting.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const quizRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nghi-quyet/$resolutionId/kiem-tra',
  component: lazyRouteComponent(() => import('./quiz.page')),
});
