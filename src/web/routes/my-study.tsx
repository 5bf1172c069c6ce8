// /hoc-tap — the member's portal: the resolutions they must study (core content, attachments), their
// reflection (bài thu hoạch) and commitment (bản cam kết) to write before the plan's deadline, the
// cell secretary's review, and their yearly record. Phone first.
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { appRoute } from './app-layout';

export const myStudyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: 'hoc-tap',
  component: lazyRouteComponent(() => import('./my-study.page')),
});
