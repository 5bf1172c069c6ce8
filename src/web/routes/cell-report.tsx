// /bao-cao/$sessionId — a cell's report on its study session: figures, self-assessment, submit; the ward's review.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const cellReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'bao-cao/$sessionId',
  component: lazyRouteComponent(() => import('./cell-report.page')),
});
