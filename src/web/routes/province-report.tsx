// /tinh/bao-cao/$communeId/$planId — one commune's consolidated report as it submitted it to the province.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const provinceReportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'tinh/bao-cao/$communeId/$planId',
  component: lazyRouteComponent(() => import('./province-report.page')),
});
