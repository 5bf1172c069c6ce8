// /nghi-quyet/$resolutionId/kiem-tra/quan-ly — the ward staff's page of a resolution's quiz: the
// settings (questions drawn, time limit, attempts, best or last, open or closed), the question bank
// (add, edit, delete; versioned) and the results by cell.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const quizBankRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'nghi-quyet/$resolutionId/kiem-tra/quan-ly',
  component: lazyRouteComponent(() => import('./quiz-bank.page')),
});
