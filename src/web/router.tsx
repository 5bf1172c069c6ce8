// Code-based routes. Addresses are Vietnamese, like the rest of the UI. To add a page: create its
// route in routes/, add it to the tree below, and (if it belongs in the menu) to nav.ts.
import { createRouter } from '@tanstack/react-router';
import type { QueryClient } from '@tanstack/react-query';
import { Loading } from './components/feedback';
import { accountRoute } from './routes/account';
import { appRoute } from './routes/app-layout';
import { homeRoute } from './routes/home';
import { importMembersRoute } from './routes/import-members';
import { memberRoute } from './routes/member';
import { personRoute } from './routes/person';
import { peopleRoute } from './routes/people';
import { inboxRoute } from './routes/inbox';
import { planRoute } from './routes/plan';
import { planImportRoute } from './routes/plan-import';
import { planNewRoute } from './routes/plan-new';
import { plansRoute } from './routes/plans';
import { resolutionRoute } from './routes/resolution';
import { resolutionNewRoute } from './routes/resolution-new';
import { resolutionsRoute } from './routes/resolutions';
import { organisationRoute } from './routes/organisation';
import { rootRoute } from './routes/root';
import { searchRoute } from './routes/search';
import { settingsRoute } from './routes/settings';
import { settingsOrganisationRoute } from './routes/settings-organisation';
import { settingsAccountsRoute } from './routes/settings-accounts';
import { setPasswordRoute } from './routes/set-password';
import { signInRoute } from './routes/sign-in';
import { unitRoute } from './routes/unit';
import { sessionRoute } from './routes/session';
import { taskRoute } from './routes/task';
import { cellReportRoute } from './routes/cell-report';
import { checkInRoute } from './routes/check-in';
import { planSessionsRoute } from './routes/plan-sessions';
import { planConsolidationRoute } from './routes/plan-consolidation';
import { provinceReportsRoute } from './routes/province-reports';
import { provinceReportRoute } from './routes/province-report';
import { planPropagandaRoute } from './routes/plan-propaganda';
import { conferenceRoute } from './routes/conference';
import { notificationsRoute } from './routes/notifications';
import { myTasksRoute } from './routes/my-tasks';
import { taskOverviewRoute } from './routes/task-overview';
import { calendarRoute } from './routes/calendar';
import { myStudyRoute } from './routes/my-study';
import { reflectionsReviewRoute } from './routes/reflections-review';
import { quizRoute } from './routes/quiz';
import { quizBankRoute } from './routes/quiz-bank';

export const routeTree = rootRoute.addChildren([
  signInRoute,
  setPasswordRoute,
  appRoute.addChildren([homeRoute, organisationRoute, unitRoute, memberRoute, peopleRoute, personRoute, searchRoute, importMembersRoute, resolutionsRoute, resolutionNewRoute, resolutionRoute, settingsRoute, settingsOrganisationRoute, settingsAccountsRoute, plansRoute, planNewRoute, planRoute, planSessionsRoute, planPropagandaRoute, planConsolidationRoute, planImportRoute, inboxRoute, accountRoute, conferenceRoute, notificationsRoute, sessionRoute, cellReportRoute, checkInRoute, taskRoute, myTasksRoute, taskOverviewRoute, calendarRoute, myStudyRoute, reflectionsReviewRoute, provinceReportsRoute, provinceReportRoute, quizRoute, quizBankRoute]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: 'intent',
    // Data lives in TanStack Query; the router only decides where we are.
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: () => <Loading />,
    scrollRestoration: true,
  });
}

declare module '@tanstack/react-router' {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
