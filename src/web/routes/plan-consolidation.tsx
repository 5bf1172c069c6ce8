// /ke-hoach/$planId/tong-hop — the ward's consolidation of a plan's cell reports: completeness and
// timeliness, members' figures, ratings, every cell's report, the missing cells (remind them all),
// and the ward's consolidated report (difficulties, proposals, DOCX/XLSX, submit upward, reopen).
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const planConsolidationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'ke-hoach/$planId/tong-hop',
  component: lazyRouteComponent(() => import('./plan-consolidation.page')),
});
